import X12

/// The validation result of one interchange (ISA … IEA): what a TA1 reports, plus its groups.
public struct InterchangeReport: Sendable, Hashable, Codable {
    /// The ISA fields (control number, date, time, sender, receiver, ISA14).
    public var header: InterchangeHeader
    /// Where the ISA segment is.
    public var location: Location
    /// Interchange-level findings (TA105 codes).
    public var findings: [Finding]
    /// The functional groups, in order.
    public var groups: [GroupReport]
    /// `true` when the interchange held TA1 segments (an acknowledgment is never acknowledged).
    public var containsAcknowledgment: Bool

    /// Creates a report.
    public init(header: InterchangeHeader, location: Location, findings: [Finding] = [], groups: [GroupReport] = [],
                containsAcknowledgment: Bool = false) {
        self.header = header
        self.location = location
        self.findings = findings
        self.groups = groups
        self.containsAcknowledgment = containsAcknowledgment
    }

    /// TA104: `R` when an interchange-level error was found, `E` for only warnings, else `A`.
    public var acknowledgmentCode: AcknowledgmentCode { .verdict(for: findings) }

    /// TA105: the first interchange-level error's code (`000` when none).
    public var noteCode: String {
        findings.first { $0.code.family == .ta105 && $0.severity == .error }?.code.value
            ?? findings.first { $0.code.family == .ta105 }?.code.value ?? "000"
    }

    /// `true` when the interchange, every group and every transaction set were accepted without errors.
    public var isClean: Bool {
        acknowledgmentCode == .accepted && groups.allSatisfy { $0.acknowledgmentCode == .accepted }
    }
}
