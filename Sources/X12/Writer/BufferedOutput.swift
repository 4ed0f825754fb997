#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered byte and text output to a file descriptor (standard output by default), for command-line
/// tools that print one line per segment: one `write(2)` per 64 KiB, not one per line.
///
/// ```swift
/// let out = BufferedOutput.standardOutput
/// out.write("segments: "); out.write(count); out.write("\n")
/// try out.flush()
/// ```
public final class BufferedOutput {
    private let fd: Int32
    private let ownsDescriptor: Bool
    /// Written to once per byte or token, by the output's one owner: no run-time exclusivity check per access (it
    /// was half of `inspect`'s time).
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    private let threshold: Int
    /// The path or `-`, for error messages.
    public let name: String
    /// The first write error, kept until ``flush()`` throws it.
    @exclusivity(unchecked) private var failure: X12IOError?

    /// An output to an open file descriptor.
    public init(fileDescriptor: Int32, name: String, closeWhenDone: Bool = false, bufferSize: Int = 64 << 10) {
        fd = fileDescriptor
        ownsDescriptor = closeWhenDone
        self.name = name
        threshold = bufferSize
        buffer.reserveCapacity(bufferSize + 1024)
    }

    /// Standard output.
    public static var standardOutput: BufferedOutput { BufferedOutput(fileDescriptor: 1, name: "-") }

    /// Standard error (flushed by the caller when it matters).
    public static var standardError: BufferedOutput { BufferedOutput(fileDescriptor: 2, name: "stderr", bufferSize: 4096) }

    /// Creates or truncates the file at `path`; `-` is standard output.
    public static func file(_ path: String) throws(X12IOError) -> BufferedOutput {
        if path == "-" { return standardOutput }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 {
            let e = errno
            throw X12IOError(path: path, errno: e, message: String(cString: strerror(e)))
        }
        return BufferedOutput(fileDescriptor: fd, name: path, closeWhenDone: true)
    }

    deinit {
        try? flush()
        if ownsDescriptor { _ = close(fd) }
    }

    /// Appends text.
    public func write(_ text: String) {
        var t = text
        t.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= threshold { try? flush() }
    }

    /// Appends bytes.
    public func write(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= threshold { try? flush() }
    }

    /// Appends bytes.
    public func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= threshold { try? flush() }
    }

    /// Appends one byte.
    public func write(byte: UInt8) {
        buffer.append(byte)
        if buffer.count >= threshold { try? flush() }
    }

    /// Appends a number in decimal, right-aligned in `width` columns, without building a `String`.
    public func write(_ n: Int, width: Int = 0) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = n.magnitude
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[19 - count] = UInt8(truncatingIfNeeded: v % 10) + 0x30
                v /= 10
                count += 1
            } while v > 0
            let sign = n < 0 ? 1 : 0
            if width > count + sign { buffer.append(contentsOf: repeatElement(0x20, count: width - count - sign)) }
            if n < 0 { buffer.append(0x2D) }
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[(20 - count)...]))
        }
        if buffer.count >= threshold { try? flush() }
    }

    /// Writes what is buffered; throws the first write error met so far.
    public func flush() throws(X12IOError) {
        var off = 0
        while off < buffer.count, failure == nil {
            let n = buffer.withUnsafeBytes { rawWrite(fd, $0.baseAddress! + off, $0.count - off) }
            if n < 0 {
                let e = errno
                if e == EINTR { continue }
                failure = X12IOError(path: name, errno: e, message: String(cString: strerror(e)))
            } else {
                off += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
        if let failure { throw failure }
    }
}

private func rawWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
