import AuthModel
import X12

/// One transaction set read from X12: where it was, and its model or why it could not be mapped.
public struct MappedTransaction: Sendable {
    /// The interchange it came in.
    public var interchange: InterchangeHeader?
    /// The group it came in.
    public var group: GroupHeader?
    /// Its ST.
    public var header: TransactionHeader
    /// The model, or the mapping error.
    public var result: Result<ModelTransaction, MappingError>
    /// The reader's findings inside the transaction (syntax and envelope problems).
    public var findings: [Finding]
}
