import AuthModel
import X12
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads model JSON Lines (one transaction per line) from a file or bytes, streaming; blank lines are skipped.
///
/// ```swift
/// let input = try ModelJSONLinesReader(path: "model.jsonl")
/// let builder = ModelX12Builder(writer: try X12Writer.toFile("out.x12"), envelope: envelope)
/// while let t = try input.next() { try builder.add(t) }
/// try builder.finish()
/// ```
public final class ModelJSONLinesReader {
    /// A line that is not a valid model transaction.
    public struct LineError: Error, CustomStringConvertible, Sendable {
        /// The 1-based line number.
        public var line: Int
        /// What is wrong.
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    private let decoder = ModelJSONByteDecoder()
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the next newline goes on: the bytes before it (from `start`) hold none, so a long line
    /// read in many chunks is scanned once, not once per chunk.
    private var scanned = 0
    private var done = false
    /// Bytes of an over-long line dropped so far (the rest of it is skipped up to its newline).
    private var skipped = 0
    private var skipping = false
    private let source: (inout [UInt8]) throws -> Bool
    /// The number of the last line read.
    public private(set) var lineNumber = 0
    /// Bytes consumed so far.
    public private(set) var bytesRead = 0
    /// The longest line read (bytes, newline excluded); a longer line is skipped, never held, and reported as a
    /// ``LineError``. One transaction set is far shorter: the default is 64 MiB.
    public var maxLineLength = 64 << 20

    /// Reads chunks from `source`, which appends bytes and returns `false` at the end.
    public init(source: @escaping (inout [UInt8]) throws -> Bool) { self.source = source }

    /// Reads bytes in memory.
    public convenience init(bytes: [UInt8]) { self.init(byteSource: ByteSource(bytes: bytes)) }

    /// Reads a file; `-` reads standard input.
    public convenience init(path: String) throws(X12IOError) { self.init(byteSource: try ByteSource(path: path)) }

    /// Reads from a ``ByteSource`` (e.g. one whose first bytes were peeked to detect the input kind).
    public convenience init(byteSource: ByteSource) {
        var chunk = [UInt8](repeating: 0, count: 1 << 17)
        self.init { (buf: inout [UInt8]) throws -> Bool in
            let n = try chunk.withUnsafeMutableBytes { (p: UnsafeMutableRawBufferPointer) throws -> Int in try byteSource.read(into: p) }
            if n == 0 { return false }
            buf.append(contentsOf: chunk[0..<n])
            return true
        }
    }

    /// The next transaction, or `nil` at the end. Throws ``LineError`` for a bad line (the next call goes on
    /// with the following line) and `X12IOError` when reading fails.
    public func next() throws -> ModelTransaction? {
        while true {
            if let nl = Self.newline(in: buffer, from: max(start, scanned)) {
                if skipping { try endSkipping(at: nl + 1) }
                let line = buffer[start..<nl]
                start = nl + 1
                lineNumber += 1
                bytesRead += line.count + 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                return try decode(line)
            }
            scanned = buffer.count
            if skipping || buffer.count - start > maxLineLength {
                skipping = true
                skipped += buffer.count - start
                buffer.removeAll(keepingCapacity: true)
                start = 0
                scanned = 0
            }
            if done {
                if skipping { try endSkipping(at: buffer.count) }
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                lineNumber += 1
                bytesRead += line.count
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { return nil }
                return try decode(line)
            }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                scanned -= start
                start = 0
            }
            done = !(try source(&buffer))
        }
    }

    /// The index of the first line feed at or after `from` (`memchr`, not a byte loop).
    private static func newline(in buffer: [UInt8], from: Int) -> Int? {
        guard from < buffer.count else { return nil }
        return buffer.withUnsafeBytes { b -> Int? in
            guard let hit = memchr(b.baseAddress! + from, 0x0A, b.count - from) else { return nil }
            return UnsafeRawPointer(hit) - b.baseAddress!
        }
    }

    /// Ends an over-long line whose last byte (its newline, or the end of the input) is just before `end`.
    private func endSkipping(at end: Int) throws -> Never {
        skipping = false
        lineNumber += 1
        bytesRead += skipped + (end - start)
        let length = skipped + (end - start) - (end > start && buffer[end - 1] == 0x0A ? 1 : 0)
        skipped = 0
        start = end
        throw LineError(line: lineNumber, message: "the line has \(length) bytes, more than the \(maxLineLength) a model JSON line may have; it was skipped")
    }

    private func decode(_ line: ArraySlice<UInt8>) throws -> ModelTransaction {
        do {
            return try ModelJSON.decode(line, with: decoder)
        } catch {
            throw LineError(line: lineNumber, message: "\(error)")
        }
    }
}
