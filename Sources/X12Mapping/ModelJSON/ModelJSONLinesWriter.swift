#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    private var buffer: [UInt8] = []
    private let sink: ([UInt8]) throws -> Void
    private var closeSink: () -> Void = {}
    /// Lines written.
    public private(set) var lineCount = 0
    /// Bytes written (flushed or not).
    public private(set) var bytesWritten = 0

    /// A writer that hands full buffers to `sink`.
    public init(sink: @escaping ([UInt8]) throws -> Void) {
        self.sink = sink
        buffer.reserveCapacity(1 << 17)
    }

    /// A writer to a file (created or truncated); `-` writes standard output.
    public convenience init(path: String) throws(X12IOError) {
        let fd: Int32 = path == "-" ? 1 : open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 {
            let e = errno
            throw X12IOError(path: path, errno: e, message: String(cString: strerror(e)))
        }
        self.init { bytes in
            try bytes.withUnsafeBytes { (p: UnsafeRawBufferPointer) throws in
                var off = 0
                while off < p.count {
                    let n = posixWrite(fd, p.baseAddress! + off, p.count - off)
                    if n < 0 {
                        let e = errno
                        if e == EINTR { continue }
                        throw X12IOError(path: path, errno: e, message: String(cString: strerror(e)))
                    }
                    off += n
                }
            }
        }
        if path != "-" { closeSink = { _ = posixClose(fd) } }
    }

    deinit { closeSink() }

    /// Writes one transaction as one line.
    public func write(_ t: ModelTransaction) throws {
        let line = try ModelJSON.encode(t)
        buffer.append(contentsOf: line)
        buffer.append(0x0A)
        lineCount += 1
        bytesWritten += line.count + 1
        if buffer.count >= 1 << 17 { try flush() }
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

    /// Hands the buffered bytes to the sink.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file, if the writer owns one.
    public func close() throws {
        try flush()
        closeSink()
        closeSink = {}
    }
}

private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
private func posixClose(_ fd: Int32) -> Int32 { close(fd) }
