import X12

/// The validation result of one transaction set (ST … SE): what the 999's AK2 … IK5 loop reports.
public struct TransactionReport: Sendable, Hashable, Codable {
    /// The ST segment (ST01, ST02, ST03).
    public var header: TransactionHeader
    /// The guide the set was validated against (`270.005010X279A1`), or `nil` when none applies.
    public var guideID: String?
    /// Where the ST segment is.
    public var location: Location
    /// Every finding in the set: transaction (IK502), segment (IK304) and element (IK403) level, in order.
    public var findings: [Finding]
    /// The number of segments, ST and SE included.
    public var segmentCount: Int

    /// Creates a report.
    public init(header: TransactionHeader, guideID: String? = nil, location: Location, findings: [Finding] = [], segmentCount: Int = 0) {
        self.header = header
        self.guideID = guideID
        self.location = location
        self.findings = findings
        self.segmentCount = segmentCount
    }

    /// IK501: `R` when any finding is an error, `E` when there are only warnings, else `A`.
    public var acknowledgmentCode: AcknowledgmentCode { .verdict(for: findings) }

    /// IK502…IK506 values: the transaction-level codes found, then `5` when segments or elements are in error
    /// (`I5` when every such finding is an implementation-level code), at most five, no duplicates.
    public var syntaxErrorCodes: [String] {
        var codes: [String] = []
        func add(_ c: String) { if !codes.contains(c) && codes.count < 5 { codes.append(c) } }
        for f in findings where f.code.family == .ik502 && f.severity == .error { add(f.code.value) }
        let segmentErrors = findings.filter { ($0.code.family == .ik304 || $0.code.family == .ik403) && $0.severity == .error }
        if !segmentErrors.isEmpty {
            add(segmentErrors.allSatisfy { $0.code.value.hasPrefix("I") } ? "I5" : "5")
        }
        return codes
    }
}
