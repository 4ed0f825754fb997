import X12

/// What an acknowledgment needs to know about one received functional group.
public struct GroupSummary: Sendable, Hashable {
    /// The GS segment.
    public var header: GroupHeader
    /// Group-level findings (AK905) and findings about the GS / GE segments themselves.
    public var findings: [Finding]
    /// The transaction sets received, in order.
    public var transactions: [TransactionSummary]
    /// GE01 as a number, when a GE was read and GE01 is numeric.
    public var declaredTransactionCount: Int?
    /// `false` when the group had no GE (the reader made up its end).
    public var hasTrailer: Bool

    /// Creates a summary.
    public init(header: GroupHeader, findings: [Finding] = [], transactions: [TransactionSummary] = [],
                declaredTransactionCount: Int? = nil, hasTrailer: Bool = true) {
        self.header = header
        self.findings = findings
        self.transactions = transactions
        self.declaredTransactionCount = declaredTransactionCount
        self.hasTrailer = hasTrailer
    }

    /// `true` for a group of acknowledgments (GS01 `FA`): it is never acknowledged.
    public var isAcknowledgmentGroup: Bool { header.functionalID == "FA" }
}
