import X12

/// What the acknowledgments need to know about one received interchange.
public struct InterchangeSummary: Sendable, Hashable {
    /// The ISA fields.
    public var header: InterchangeHeader
    /// Interchange-level findings (TA105), in order.
    public var findings: [Finding]
    /// The functional groups received, in order.
    public var groups: [GroupSummary]
    /// `true` when the interchange carried a TA1 (it is then an acknowledgment and gets none back).
    public var containsTA1: Bool
    /// What followed the ISA's terminator (the acknowledgment uses the same line ending).
    public var suffix: SegmentSuffix

    /// Creates a summary.
    public init(header: InterchangeHeader, findings: [Finding] = [], groups: [GroupSummary] = [],
                containsTA1: Bool = false, suffix: SegmentSuffix = .none) {
        self.header = header
        self.findings = findings
        self.groups = groups
        self.containsTA1 = containsTA1
        self.suffix = suffix
    }

    /// `true` when the interchange holds only acknowledgments (a TA1, or groups that are all `FA`).
    public var isAcknowledgmentOnly: Bool {
        containsTA1 || (!groups.isEmpty && groups.allSatisfy(\.isAcknowledgmentGroup))
    }
}
