import AuthModel

extension AuthorizationRecord {
    /// Records a decision: the current status, action, reasons, dates and decision JSON, and a history entry.
    mutating func apply(_ decision: AuthorizationDecision, at clock: ResponderClock, actor: String, note: String?,
                        in session: any GatewaySession) throws {
        guard let outcome = decision.outcome else { return }
        status = outcome.status.rawValue
        action = Self.hcr01(outcome.action)
        reasons = outcome.reasonCodes.joined(separator: "|")
        actionDate = clock.today.description
        if let e = outcome.period.effective {   // a certified period replaces the requested dates
            serviceFrom = e.start.description
            serviceTo = (outcome.period.expires ?? e.last).description
        }
        decisionJSON = AuthorizationResponder.json(decision)
        try session.update(self)
        var h = AuthorizationStatusRecord(authorizationID: id!, status: status, action: action, at: clock.timestamp,
                                          actor: actor, reasons: reasons, note: note)
        try session.append(&h)
    }

    /// HCR01 for a decision action.
    static func hcr01(_ a: DecisionAction) -> String {
        switch a {
        case .certifiedInTotal: return "A1"
        case .certifiedPartially: return "A2"
        case .notCertified: return "A3"
        case .pended: return "A4"
        case .modified: return "A6"
        case .cancelled: return "C"
        case .contactPayer: return "CT"
        case .noActionRequired: return "NA"
        }
    }
}
