import AuthModel
import X12

/// Streams X12 → domain model, one transaction set at a time; memory stays flat whatever the file size.
///
/// Each transaction's segment bytes between its ST and SE are copied into one reusable buffer with a small
/// index (a transaction is small; no owned ``Segment`` per segment) and mapped by HL levels and qualifiers
/// from light views over that buffer.
/// ```swift
/// let reader = try X12ModelReader(path: "requests.x12")
/// while let t = try reader.next() {
///     switch t.result {
///     case .success(.authorizationRequest(let r)): print(r.event.kind)
///     case .success: break
///     case .failure(let e): print("ST02 \(t.header.controlNumber): \(e)")
///     }
/// }
/// ```
public final class X12ModelReader {
    /// The underlying reader.
    public let reader: X12Reader
    private var interchange: InterchangeHeader?
    private var group: GroupHeader?
    private let buffer = TransactionBuffer()
    private var findings: [Finding] = []
    /// Findings outside any transaction (envelope problems), in order.
    public private(set) var envelopeFindings: [Finding] = []

    /// Reads `reader`'s events.
    public init(reader: X12Reader) { self.reader = reader }

    /// Reads a file (`-` for standard input).
    public convenience init(path: String) throws(X12IOError) { self.init(reader: try X12Reader(path: path)) }

    /// Reads bytes in memory.
    public convenience init(bytes: [UInt8]) { self.init(reader: X12Reader(bytes: bytes)) }

    /// The next transaction set, or `nil` at the end of the input. Throws only when reading fails.
    public func next() throws(X12IOError) -> MappedTransaction? {
        var header: TransactionHeader?
        var inTransaction = false   // a Bool, not `header != nil`: testing the optional copied the header per event
        while let event = try reader.next() {
            switch event {
            case .interchangeStart(let isa): interchange = isa
            case .groupStart(let gs): group = gs
            case .transactionStart(let st):
                header = st
                inTransaction = true
                buffer.reset(delimiters: reader.segment.delimiters)
                findings.removeAll()
            case .segment:
                if inTransaction { buffer.append(reader.segment) }
            case .finding(let f):
                if inTransaction { findings.append(f) } else { envelopeFindings.append(f) }
            case .transactionEnd:
                guard let st = header else { continue }
                let result: Result<ModelTransaction, MappingError>
                do {
                    result = .success(try TransactionMapper.model(transactionSetID: st.id, buffer: buffer))
                } catch {
                    result = .failure(error)
                }
                return MappedTransaction(interchange: interchange, group: group, header: st, result: result, findings: findings)
            case .groupEnd: group = nil
            case .interchangeEnd: interchange = nil
            case .interchangeAcknowledgment, .endOfInput: break
            }
        }
        return nil
    }
}
