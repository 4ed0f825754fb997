/// Whether a request is new or refers to an earlier decision.
public enum CertificationType: String, Sendable, Hashable, Codable, CaseIterable {
    /// A new request.
    case initial
    /// Renewal of an earlier certification.
    case renewal
    /// Revision of an earlier certification.
    case revised
    /// Extension of an earlier certification.
    case `extension`
    /// Cancellation of an earlier request or certification.
    case cancel
    /// Appeal, immediate (expedited).
    case appealImmediate
    /// Appeal, standard.
    case appealStandard
    /// Reconsideration.
    case reconsideration

    /// `true` for the types that refer to an earlier authorization (which the request then names).
    public var refersToEarlierDecision: Bool { self != .initial }
}
