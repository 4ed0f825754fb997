#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A new file in the temporary folder that is unlinked at once: it never shows in a folder listing and goes away
/// when its descriptor is closed, even when the process dies. Spools keep what does not fit in memory in one.
///
/// ```swift
/// let file = try TemporaryFile(prefix: "report")
/// defer { close(file.descriptor) }
/// ```
public struct TemporaryFile: Sendable {
    /// The open descriptor (read and write); the owner closes it.
    public let descriptor: Int32
    /// The name the file had before it was unlinked (for error messages).
    public let path: String

    /// Creates the file in `directory` (default: `TMPDIR`, else `/tmp`) as `.x12gate-<prefix>-XXXXXX`.
    public init(prefix: String, directory: String? = nil) throws(X12IOError) {
        let folder = directory ?? getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder + "/.x12gate-\(prefix)-XXXXXX").utf8) + [0]
        let fd = template.withUnsafeMutableBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { mkstemp($0.baseAddress!) }
        }
        guard fd >= 0 else { throw X12IOError(path: folder, errno: errno, message: String(cString: strerror(errno))) }
        path = String(decoding: template.dropLast(), as: UTF8.self)
        unlink(path)
        descriptor = fd
    }
}
