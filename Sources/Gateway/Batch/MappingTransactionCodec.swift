import X12
import X12Mapping

/// The ``TransactionCodec`` of the 270/271/278 mapping (``TransactionMapper``).
public struct MappingTransactionCodec: TransactionCodec {
    /// The codec.
    public init() {}

    public func decode(_ segments: [Segment]) throws -> ModelTransaction {
        try TransactionMapper.model(transactionSetID: segments.first?.id == "ST" ? segments[0][1].value : "", segments: segments)
    }

    public func encode(_ transaction: ModelTransaction) throws -> [Segment] {
        try TransactionMapper.segments(for: transaction)
    }

    /// Writes the bytes straight into `writer` (no ``Segment`` is built).
    public func encode(_ transaction: ModelTransaction, to writer: X12Writer) throws {
        try TransactionMapper.writeBody(transaction, to: writer)
    }
}
