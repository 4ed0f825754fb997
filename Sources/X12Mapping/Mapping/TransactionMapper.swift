import AuthModel
import X12

/// Maps one transaction set between its segments and the domain model, both ways.
///
/// ```swift
/// let model = try TransactionMapper.model(transactionSetID: "278", segments: segments)   // ST … SE or the body
/// let body = try TransactionMapper.segments(for: model)                                    // BHT … (no ST/SE)
/// ```
public enum TransactionMapper {
    /// The model of one 270, 271 or 278 from its segments (with or without ST and SE).
    public static func model(transactionSetID: String, segments: [Segment]) throws(MappingError) -> ModelTransaction {
        guard ["270", "271", "278"].contains(transactionSetID) else { throw .unsupportedTransaction(transactionSetID) }
        let buffer = TransactionBuffer()
        buffer.fill(segments)
        return try model(transactionSetID: transactionSetID, buffer: buffer)
    }

    /// The model of one 270, 271 or 278 from the segments in `buffer` (with or without ST and SE).
    static func model(transactionSetID: String, buffer: TransactionBuffer) throws(MappingError) -> ModelTransaction {
        switch transactionSetID {
        case "270": return try buffer.withCursor { c throws(MappingError) in try EligibilityReader.read(&c, response: false) }
        case "271": return try buffer.withCursor { c throws(MappingError) in try EligibilityReader.read(&c, response: true) }
        case "278": return try buffer.withCursor { c throws(MappingError) in try AuthorizationReader.read(&c) }
        default: throw .unsupportedTransaction(transactionSetID)
        }
    }

    /// The segments of a transaction set for `model`, from BHT to the last segment before SE.
    public static func segments(for model: ModelTransaction) throws(MappingError) -> [Segment] {
        try validate(model)
        var collector = SegmentCollector()
        write(model, to: &collector)
        return collector.segments
    }

    /// Writes the body of a validated `model` (BHT to the last segment before SE) into `sink`.
    static func write<S: SegmentSink>(_ model: ModelTransaction, to sink: inout S) {
        switch model {
        case .eligibilityInquiry(let list): EligibilityWriter.write(list, to: &sink)
        case .eligibilityResponse(let list): EligibilityWriter.write(list, to: &sink)
        case .authorizationRequest(let r): AuthorizationWriter.write(r, to: &sink)
        case .authorizationDecision(let d): AuthorizationWriter.write(d, to: &sink)
        }
    }

    /// Throws for a model that cannot be written (a 270 or 271 without values), before anything is written.
    static func validate(_ model: ModelTransaction) throws(MappingError) {
        switch model {
        case .eligibilityInquiry(let list) where list.isEmpty: throw .invalidModel("a 270 needs at least one inquiry")
        case .eligibilityResponse(let list) where list.isEmpty: throw .invalidModel("a 271 needs at least one response")
        default: break
        }
    }

    /// Writes the body of `model` straight into `writer`'s buffer (no ``Segment`` is built); each segment is
    /// counted for SE01.
    public static func writeBody(_ model: ModelTransaction, to writer: X12Writer) throws {
        try validate(model)
        try writer.encodeSegments { e in write(model, to: &e) }
    }

    /// Writes `model` as one transaction set (ST, the body, SE with its count) into an open group of `writer`.
    ///
    /// The model is looked at once: each look at an enumeration case (`model.transactionSetID`, a `switch`) copies
    /// the whole value, which for a 278 is large.
    public static func write(_ model: ModelTransaction, controlNumber: String, to writer: X12Writer) throws -> Void {
        switch model {
        case .eligibilityInquiry(let list):
            guard !list.isEmpty else { throw MappingError.invalidModel("a 270 needs at least one inquiry") }
            try writer.encodeTransaction(id: "270", controlNumber: controlNumber, implementationReference: eligibilityGuide) { e in
                EligibilityWriter.write(list, to: &e)
            }
        case .eligibilityResponse(let list):
            guard !list.isEmpty else { throw MappingError.invalidModel("a 271 needs at least one response") }
            try writer.encodeTransaction(id: "271", controlNumber: controlNumber, implementationReference: eligibilityGuide) { e in
                EligibilityWriter.write(list, to: &e)
            }
        case .authorizationRequest(let r):
            try writer.encodeTransaction(id: "278", controlNumber: controlNumber, implementationReference: authorizationGuide) { e in
                AuthorizationWriter.write(r, to: &e)
            }
        case .authorizationDecision(let d):
            try writer.encodeTransaction(id: "278", controlNumber: controlNumber, implementationReference: authorizationGuide) { e in
                AuthorizationWriter.write(d, to: &e)
            }
        }
    }

    /// ST03 of a 270 / 271 (``ModelTransaction/implementationReference``).
    static let eligibilityGuide = "005010X279A1"
    /// ST03 of a 278.
    static let authorizationGuide = "005010X217"
}
