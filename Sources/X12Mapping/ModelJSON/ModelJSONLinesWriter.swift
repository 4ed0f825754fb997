import AuthModel
import X12

/// Writes model transactions as JSON Lines (one transaction per line), buffered, to a file or any sink.
///
/// ```swift
/// let out = try ModelJSONLinesWriter(path: "model.jsonl")
/// let summary = try out.convert(X12ModelReader(path: "in.x12"))    // X12 → model JSON, streaming
/// try out.close()
/// ```
public final class ModelJSONLinesWriter {
    /// Where the lines go.
    public let sink: ByteSink
    private var json = ModelJSONWriter()
    /// Lines written.
    public private(set) var lineCount = 0

    /// A writer into `sink` (a file, standard output, or memory).
    public init(sink: ByteSink) { self.sink = sink }

    /// A writer to a file (created or truncated); `-` writes standard output.
    public convenience init(path: String) throws(X12IOError) { self.init(sink: try ByteSink(path: path)) }

    /// Bytes written (flushed or not).
    public var bytesWritten: Int { sink.count }

    /// Writes one transaction as one line.
    public func write(_ t: ModelTransaction) throws {
        ModelJSON.encode(t, with: &json)
        sink.append(raw: json.bytes)
        sink.append(0x0A)
        lineCount += 1
        try sink.maybeFlush()
    }

    /// What ``convert(_:)`` did.
    public struct Summary: Sendable {
        /// Transactions written.
        public var written = 0
        /// Transactions that could not be mapped, with their ST and the reason.
        public var failed: [(header: TransactionHeader, error: MappingError)] = []
        /// Reader findings (envelope and syntax problems).
        public var findings: [Finding] = []
    }

    /// Streams every transaction of `reader` into lines; a transaction that cannot be mapped is reported and skipped.
    public func convert(_ reader: X12ModelReader) throws -> Summary {
        var s = Summary()
        while let t = try reader.next() {
            s.findings += t.findings
            switch t.result {
            case .success(let m):
                try write(m)
                s.written += 1
            case .failure(let e): s.failed.append((t.header, e))
            }
        }
        s.findings = reader.envelopeFindings + s.findings
        return s
    }

    /// Hands the buffered bytes to the file.
    public func flush() throws { try sink.flush() }

    /// Flushes and closes the file, if the sink owns one.
    public func close() throws { try sink.close() }
}
