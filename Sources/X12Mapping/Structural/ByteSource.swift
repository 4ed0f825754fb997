#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import X12

/// A byte input for the converters: a file, standard input (`-`), or bytes in memory.
///
/// It reads in chunks, so memory stays flat, and it can ``peek(_:)`` at the first bytes (to tell X12 from
/// JSON from XML) without losing them.
///
/// ```swift
/// let source = try ByteSource(path: "in.x12")
/// let kind = ConversionInputKind.detect(source.peek(512))
/// ```
public final class ByteSource {
    /// The input's name in messages (`-` for standard input).
    public let name: String
    private var fd: Int32 = -1
    private var ownsFD = false
    private var memory: [UInt8] = []
    private var memoryOffset = 0
    private var pushback: [UInt8] = []
    private var pushbackOffset = 0
    private var atEnd = false
    private var readLimit = Int.max

    /// Opens a file; `-` reads standard input.
    public init(path: String) throws(X12IOError) {
        name = path
        if path == "-" {
            fd = 0
        } else {
            fd = open(path, O_RDONLY)
            if fd < 0 {
                let e = errno
                throw X12IOError(path: path, errno: e, message: String(cString: strerror(e)))
            }
            ownsFD = true
        }
    }

    /// Reads bytes held in memory, at most `readLimit` bytes per read (small limits test chunk boundaries).
    public init(bytes: [UInt8], name: String = "input", readLimit: Int = .max) {
        self.name = name
        memory = bytes
        self.readLimit = max(1, readLimit)
    }

    deinit { if ownsFD { _ = close(fd) } }

    /// Up to `count` bytes from the start of what is left, without consuming them.
    public func peek(_ count: Int) throws(X12IOError) -> [UInt8] {
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 1)
        defer { chunk.deallocate() }
        while pushback.count - pushbackOffset < count && !atEnd {
            let n = try rawRead(chunk)
            if n == 0 { atEnd = true } else { pushback.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<n])) }
        }
        return Array(pushback[pushbackOffset..<min(pushback.count, pushbackOffset + count)])
    }

    /// Fills `buffer` with the next bytes; returns how many (0 at the end of the input).
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(X12IOError) -> Int {
        if pushbackOffset < pushback.count {
            let n = min(buffer.count, pushback.count - pushbackOffset, readLimit)
            pushback.withUnsafeBytes { src in
                buffer.baseAddress!.copyMemory(from: src.baseAddress! + pushbackOffset, byteCount: n)
            }
            pushbackOffset += n
            if pushbackOffset == pushback.count { pushback = []; pushbackOffset = 0 }
            return n
        }
        if atEnd { return 0 }
        return try rawRead(buffer)
    }

    private func rawRead(_ buffer: UnsafeMutableRawBufferPointer) throws(X12IOError) -> Int {
        guard buffer.count > 0 else { return 0 }
        if fd < 0 {
            let n = min(buffer.count, memory.count - memoryOffset, readLimit)
            if n > 0 {
                memory.withUnsafeBytes { src in
                    buffer.baseAddress!.copyMemory(from: src.baseAddress! + memoryOffset, byteCount: n)
                }
            }
            memoryOffset += n
            return n
        }
        while true {
            let n = systemRead(fd, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            let e = errno
            if e == EINTR { continue }
            throw X12IOError(path: name, errno: e, message: String(cString: strerror(e)))
        }
    }
}

private func systemRead(_ fd: Int32, _ p: UnsafeMutableRawPointer?, _ n: Int) -> Int { read(fd, p, n) }
