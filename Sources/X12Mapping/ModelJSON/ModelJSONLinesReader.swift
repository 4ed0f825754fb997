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

    /// Where the bytes come from: a closure that appends to an array (copied into the buffer), or a
    /// ``ByteSource`` read straight into it.
    private enum Source {
        case appending((inout [UInt8]) throws -> Bool)
        case bytes(ByteSource)
    }

    /// The bytes read and not yet consumed: `buffer[start..<count]`, followed by ``ModelJSONReader/padding``
    /// zero bytes (so a line is decoded in place, no copy).
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var start = 0
    /// Where the search for the next newline goes on: the bytes before it (from `start`) hold none, so a long line
    /// read in many chunks is scanned once, not once per chunk.
    private var scanned = 0
    private var done = false
    /// Bytes of an over-long line dropped so far (the rest of it is skipped up to its newline).
    private var skipped = 0
    private var skipping = false
    private let source: Source
    private var staging: [UInt8] = []
    private static let chunk = 1 << 17
    /// The number of the last line read.
    public private(set) var lineNumber = 0
    /// Bytes consumed so far.
    public private(set) var bytesRead = 0
    /// The longest line read (bytes, newline excluded); a longer line is skipped, never held, and reported as a
    /// ``LineError``. One transaction set is far shorter: the default is 64 MiB.
    public var maxLineLength = 64 << 20

    /// Reads chunks from `source`, which appends bytes and returns `false` at the end.
    public convenience init(source: @escaping (inout [UInt8]) throws -> Bool) { self.init(.appending(source)) }

    /// Reads bytes in memory.
    public convenience init(bytes: [UInt8]) { self.init(byteSource: ByteSource(bytes: bytes)) }

    /// Reads a file; `-` reads standard input.
    public convenience init(path: String) throws(X12IOError) { self.init(byteSource: try ByteSource(path: path)) }

    /// Reads from a ``ByteSource`` (e.g. one whose first bytes were peeked to detect the input kind).
    public convenience init(byteSource: ByteSource) { self.init(.bytes(byteSource)) }

    private init(_ source: Source) {
        self.source = source
        capacity = Self.chunk * 2
        buffer = .allocate(capacity: capacity + ModelJSONReader.padding)
        buffer.initialize(repeating: 0, count: capacity + ModelJSONReader.padding)
    }

    deinit { buffer.deallocate() }

    /// The next transaction, or `nil` at the end. Throws ``LineError`` for a bad line (the next call goes on
    /// with the following line) and `X12IOError` when reading fails.
    public func next() throws -> ModelTransaction? {
        while true {
            if let nl = newline(from: max(start, scanned)) {
                if skipping { try endSkipping(at: nl + 1) }
                let line = start
                start = nl + 1
                lineNumber += 1
                bytesRead += nl - line + 1
                if isBlank(line, nl) { continue }
                return try decode(line, nl)
            }
            scanned = count
            if skipping || count - start > maxLineLength {
                skipping = true
                skipped += count - start
                count = 0
                start = 0
                scanned = 0
            }
            if done {
                if skipping { try endSkipping(at: count) }
                guard start < count else { return nil }
                let line = start
                start = count
                lineNumber += 1
                bytesRead += count - line
                if isBlank(line, count) { return nil }
                return try decode(line, count)
            }
            if start > 0 {
                memmove(buffer, buffer + start, count - start)
                scanned -= start
                count -= start
                start = 0
            }
            done = !(try fill())
        }
    }

    /// Appends the next chunk of input after `count` (growing the buffer) and zeroes the padding after it;
    /// `false` at the end of the input.
    private func fill() throws -> Bool {
        switch source {
        case .bytes(let byteSource):
            reserve(Self.chunk)
            let n = try byteSource.read(into: UnsafeMutableRawBufferPointer(start: buffer + count, count: Self.chunk))
            count += n
            pad()
            return n > 0
        case .appending(let append):
            staging.removeAll(keepingCapacity: true)
            let more = try append(&staging)
            reserve(staging.count)
            staging.withUnsafeBufferPointer { b in
                if let p = b.baseAddress { (buffer + count).update(from: p, count: b.count) }
            }
            count += staging.count
            pad()
            return more
        }
    }

    /// Room for `n` more bytes (and the padding).
    private func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        var c = capacity * 2
        while count + n > c { c *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: c + ModelJSONReader.padding)
        grown.initialize(from: buffer, count: count)
        buffer.deallocate()
        buffer = grown
        capacity = c
    }

    private func pad() { (buffer + count).initialize(repeating: 0, count: ModelJSONReader.padding) }

    /// The index of the first line feed at or after `from` (`memchr`, not a byte loop).
    private func newline(from: Int) -> Int? {
        guard from < count, let hit = memchr(buffer + from, 0x0A, count - from) else { return nil }
        return UnsafeMutableRawPointer(hit) - UnsafeMutableRawPointer(buffer)
    }

    /// Whether `buffer[from..<end]` holds only spaces, tabs and carriage returns.
    private func isBlank(_ from: Int, _ end: Int) -> Bool {
        for k in from..<end where buffer[k] != 0x20 && buffer[k] != 0x0D && buffer[k] != 0x09 { return false }
        return true
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

    /// Decodes `buffer[from..<end]` in place: the byte at `end` is its newline or the zero padding.
    private func decode(_ from: Int, _ end: Int) throws -> ModelTransaction {
        do {
            return try ModelJSON.decode(at: buffer + from, count: end - from)
        } catch {
            throw LineError(line: lineNumber, message: "\(error)")
        }
    }
}
