import X12
import X12Mapping

/// Turns one transaction set's segments into domain values and domain values into segments: the seam between
/// the batch processor and the 270/271/278 mapping (``MappingTransactionCodec`` is the real one).
public protocol TransactionCodec: Sendable {
    /// The domain values of one transaction set; `segments` run from ST to SE, both included.
    func decode(_ segments: [Segment]) throws -> ModelTransaction
    /// The segments of one transaction set, without ST and SE.
    func encode(_ transaction: ModelTransaction) throws -> [Segment]
    /// Writes the segments of one transaction set, without ST and SE, into an open transaction set of `writer`.
    func encode(_ transaction: ModelTransaction, to writer: X12Writer) throws
}

extension TransactionCodec {
    /// Writes ``encode(_:)``'s segments one by one.
    public func encode(_ transaction: ModelTransaction, to writer: X12Writer) throws {
        for segment in try encode(transaction) { try writer.write(segment) }
    }
}
