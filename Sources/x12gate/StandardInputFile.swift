#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Standard input copied, in 1 MB chunks, to a hidden file in the temporary folder (`TMPDIR`, else `/tmp`), so that
/// a command that reads its input twice (validation, then the answering pass) takes `-` too without holding it.
/// ``remove()`` deletes the copy.
struct StandardInputFile {
    /// Where the copy is.
    let path: String

    /// Copies standard input to its end.
    init() throws {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder + "/.x12gate-stdin-XXXXXX").utf8) + [0]
        let fd = template.withUnsafeMutableBufferPointer { p in p.withMemoryRebound(to: CChar.self) { mkstemp($0.baseAddress!) } }
        guard fd >= 0 else { throw Self.failure(folder) }
        path = String(decoding: template.dropLast(), as: UTF8.self)
        defer { close(fd) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else {
                remove()
                throw Self.failure("standard input")
            }
            if n == 0 { break }
            var off = 0
            while off < n {
                let w = chunk.withUnsafeBytes { write(fd, $0.baseAddress! + off, n - off) }
                if w < 0 && errno == EINTR { continue }
                guard w > 0 else {
                    remove()
                    throw Self.failure(path)
                }
                off += w
            }
        }
    }

    /// Deletes the copy.
    func remove() { unlink(path) }

    private static func failure(_ what: String) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(what): \(String(cString: strerror(errno)))"])
    }
}
