/// What identifies a transaction independently of its envelope: its purpose, the submitter's reference
/// (echoed by the answer), and its creation date and time.
public struct TransactionTrace: Sendable, Hashable, Codable {
    /// Request, response, cancellation …
    public var purpose: TransactionPurpose
    /// The submitter's transaction reference; an answer echoes the request's.
    public var reference: String?
    /// When the transaction was created.
    public var creationDate: CalendarDate
    /// The creation time, `HHMM`, `HHMMSS` or with decimal seconds, as sent.
    public var creationTime: String

    /// Creates a trace.
    public init(purpose: TransactionPurpose, reference: String? = nil, creationDate: CalendarDate, creationTime: String) {
        self.purpose = purpose
        self.reference = reference
        self.creationDate = creationDate
        self.creationTime = creationTime
    }
}
