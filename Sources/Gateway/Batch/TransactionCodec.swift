import X12
import X12Mapping

/// Turns one transaction set's segments into domain values and domain values into segments: the seam between
/// the batch processor and the 270/271/278 mapping (``MappingTransactionCodec`` is the real one).
public protocol TransactionCodec: Sendable {
    /// The domain values of one transaction set; `segments` run from ST to SE, both included.
    func decode(_ segments: [Segment]) throws -> ModelTransaction
    /// The segments of one transaction set, without ST and SE.
    func encode(_ transaction: ModelTransaction) throws -> [Segment]
}
