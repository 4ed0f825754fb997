import X12

/// The validation result of one functional group (GS … GE): what one 999 acknowledges.
public struct GroupReport: Sendable, Hashable, Codable {
    /// The GS segment; `nil` for transaction sets found outside any group.
    public var header: GroupHeader?
    /// Where the GS segment is (or the first orphan ST).
    public var location: Location
    /// Group-level findings (AK905 codes, and element findings about GS/GE).
    public var findings: [Finding]
    /// The transaction sets, in order (empty when the validator was told not to keep them).
    public var transactions: [TransactionReport]
    /// GE01 as sent (AK902), when it was a number.
    public var declaredTransactionCount: Int?
    /// Transaction sets received (AK903); counts sets even when they are not kept.
    public var receivedCount: Int
    /// Transaction sets accepted, `A` or `E` (AK904).
    public var acceptedCount: Int
    /// Transaction sets accepted with errors noted (`E`).
    public var acceptedWithErrorsCount: Int

    /// Creates a report.
    public init(header: GroupHeader?, location: Location, findings: [Finding] = [], transactions: [TransactionReport] = [],
                declaredTransactionCount: Int? = nil, receivedCount: Int = 0, acceptedCount: Int = 0, acceptedWithErrorsCount: Int = 0) {
        self.header = header
        self.location = location
        self.findings = findings
        self.transactions = transactions
        self.declaredTransactionCount = declaredTransactionCount
        self.receivedCount = receivedCount
        self.acceptedCount = acceptedCount
        self.acceptedWithErrorsCount = acceptedWithErrorsCount
    }

    /// AK901: `R` when the group envelope has an error or every set was rejected; `P` when some were;
    /// `E` when all were accepted and some with errors (or the group has warnings); else `A`.
    public var acknowledgmentCode: AcknowledgmentCode {
        let own = AcknowledgmentCode.verdict(for: findings)
        if own == .rejected { return .rejected }
        if receivedCount > 0 && acceptedCount == 0 { return .rejected }
        if acceptedCount < receivedCount { return .partiallyAccepted }
        if acceptedWithErrorsCount > 0 || own == .acceptedWithErrors { return .acceptedWithErrors }
        return .accepted
    }

    /// AK905…AK909 values: the group-level codes found, at most five, no duplicates.
    public var syntaxErrorCodes: [String] {
        var codes: [String] = []
        for f in findings where f.code.family == .ak905 && f.severity == .error && !codes.contains(f.code.value) && codes.count < 5 {
            codes.append(f.code.value)
        }
        return codes
    }

    /// Records a finished transaction set in the counts (and keeps it when `keep`).
    public mutating func add(_ transaction: TransactionReport, keep: Bool = true) {
        receivedCount += 1
        switch transaction.acknowledgmentCode {
        case .accepted: acceptedCount += 1
        case .acceptedWithErrors: acceptedCount += 1; acceptedWithErrorsCount += 1
        default: break
        }
        if keep { transactions.append(transaction) }
    }
}
