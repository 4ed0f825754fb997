#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pull reader over a file, standard input, bytes in memory, or any sequence of byte chunks.
///
/// It reads the input in chunks of ``chunkSize`` bytes straight into an ``X12Decoder``, so memory stays
/// flat whatever the file size.
///
/// ```swift
/// let reader = try X12Reader(path: "claims.x12")
/// while let event = try reader.next() {
///     switch event {
///     case .segment where reader.segment.hasID("NM1"): print(reader.segment.element(3).string)
///     case .finding(let f): print(f)
///     default: break
///     }
/// }
/// ```
public final class X12Reader {
    /// The decoder that holds the buffer and the envelope state.
    public let decoder: X12Decoder
    /// How many bytes one read asks for.
    public let chunkSize: Int
    /// The input's name in messages (`-` for standard input).
    public let name: String

    private var source: (UnsafeMutableRawBufferPointer) throws(X12IOError) -> Int
    private var closeSource: () -> Void
    private var sourceDone = false

    /// Reads from `source`, a function that fills a buffer and returns the byte count (0 at end of input).
    public init(name: String = "input", chunkSize: Int = 128 << 10, options: X12Decoder.Options = .init(),
                source: @escaping (UnsafeMutableRawBufferPointer) throws(X12IOError) -> Int) {
        self.decoder = X12Decoder(options: options)
        self.chunkSize = chunkSize
        self.name = name
        self.source = source
        self.closeSource = {}
    }

    /// Opens a file; `-` reads standard input.
    public convenience init(path: String, chunkSize: Int = 128 << 10, options: X12Decoder.Options = .init()) throws(X12IOError) {
        let fd: Int32
        if path == "-" {
            fd = 0
        } else {
            fd = open(path, O_RDONLY)
            if fd < 0 {
                let e = errno
                throw X12IOError(path: path, errno: e, message: String(cString: strerror(e)))
            }
        }
        self.init(fileDescriptor: fd, name: path, chunkSize: chunkSize, options: options, closeWhenDone: path != "-")
    }

    /// Reads an open file descriptor.
    public convenience init(fileDescriptor fd: Int32, name: String, chunkSize: Int = 128 << 10,
                            options: X12Decoder.Options = .init(), closeWhenDone: Bool) {
        self.init(name: name, chunkSize: chunkSize, options: options) { (buffer) throws(X12IOError) -> Int in
            while true {
                let n = read(fd, buffer.baseAddress, buffer.count)
                if n >= 0 { return n }
                let e = errno
                if e == EINTR { continue }
                throw X12IOError(path: name, errno: e, message: String(cString: strerror(e)))
            }
        }
        if closeWhenDone { closeSource = { _ = close(fd) } }
    }

    /// Reads bytes held in memory.
    public convenience init(bytes: [UInt8], name: String = "input", options: X12Decoder.Options = .init()) {
        self.init(chunks: [bytes], name: name, options: options)
    }

    /// Reads a sequence of chunks (of any sizes, empty ones included).
    public convenience init<S: Sequence>(chunks: S, name: String = "input", options: X12Decoder.Options = .init())
    where S.Element == [UInt8] {
        var iterator = chunks.makeIterator()
        var current: [UInt8] = []
        var offset = 0
        self.init(name: name, options: options) { (buffer) throws(X12IOError) -> Int in
            while offset >= current.count {
                guard let next = iterator.next() else { return 0 }
                current = next
                offset = 0
            }
            let n = min(buffer.count, current.count - offset)
            current.withUnsafeBytes { src in
                buffer.baseAddress!.copyMemory(from: src.baseAddress! + offset, byteCount: n)
            }
            offset += n
            return n
        }
    }

    deinit { closeSource() }

    /// The next event, or `nil` at the end of the input. Throws only on a read failure.
    /// Inlined into the caller, so that a plain segment costs no call (see ``X12Decoder/next()``).
    @inlinable @inline(__always)
    public func next() throws(X12IOError) -> X12Event? {
        if let e = decoder.next() { return e }
        return try refillAndNext()
    }

    /// ``next()`` when the decoder needs more input: reads chunks until it gives an event or the input ends.
    @usableFromInline
    func refillAndNext() throws(X12IOError) -> X12Event? {
        while true {
            if sourceDone { return nil }
            let tail = decoder.reserveTail(minimum: chunkSize)
            let n = try source(UnsafeMutableRawBufferPointer(rebasing: tail[0..<min(tail.count, chunkSize)]))
            if n == 0 {
                sourceDone = true
                decoder.finish()
                closeSource()
                closeSource = {}
            } else {
                decoder.commitTail(n)
            }
            if let e = decoder.next() { return e }
        }
    }

    /// The segment of the last event (see ``X12Decoder/segment``).
    @inlinable public var segment: SegmentView { decoder.segment }
    /// `false` for events the reader made up.
    public var hasSegment: Bool { decoder.hasSegment }
    /// Where the last event is.
    public var location: Location { decoder.location }
    /// Bytes skipped before the segment (or, at ``X12Event/endOfInput``, after the last one).
    public var leading: UnsafeRawBufferPointer { decoder.leading }
    /// What followed the segment's terminator.
    public var suffix: SegmentSuffix { decoder.suffix }
    /// The delimiters of the current interchange.
    public var delimiters: Delimiters? { decoder.delimiters }
}
