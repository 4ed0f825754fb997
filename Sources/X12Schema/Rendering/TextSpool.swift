#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import X12

/// Text that waits for its place in a report: appended in memory, moved to an unlinked temporary file (made only
/// when needed) once it passes 64 KB, and moved on in order into another spool or out to the caller. The report
/// streams keep one per nesting level, so that memory stays flat however many findings, sets and groups there are.
final class TextSpool {
    private static let chunk = 1 << 16
    private let directory: String?
    private var file: TemporaryFile?
    /// Bytes written to the file so far (the file is read from 0 to here).
    private var stored = 0
    private var buffer: [UInt8] = []
    private var failure: X12IOError?

    /// A spool whose file, when one is needed, goes to `directory` (default: `TMPDIR`, else `/tmp`).
    init(directory: String? = nil) {
        self.directory = directory
    }

    deinit {
        if let file { close(file.descriptor) }
    }

    /// `true` when nothing waits in the spool.
    var isEmpty: Bool { stored == 0 && buffer.isEmpty }

    /// Appends `text`; a write failure is kept for the next ``move(into:linePrefix:)`` or ``drain(_:)``.
    func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.chunk { spill() }
    }

    /// Appends `text` and a line feed.
    func appendLine(_ text: String) {
        append(text)
        buffer.append(0x0A)
    }

    /// Appends raw bytes.
    func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.chunk { spill() }
    }

    /// Moves everything into `other`, in order, with `linePrefix` put before every line when given, and empties
    /// this spool.
    func move(into other: TextSpool, linePrefix: String? = nil) throws(X12IOError) {
        guard let linePrefix else {
            try drain { other.append($0) }
            return
        }
        let prefix = Array(linePrefix.utf8)
        var atLineStart = true
        try drain { chunk in
            var i = 0
            while i < chunk.count {
                if atLineStart { prefix.withUnsafeBytes { other.append($0) } }
                var end = i
                while end < chunk.count && chunk[end] != 0x0A { end += 1 }
                atLineStart = end < chunk.count
                if atLineStart { end += 1 }
                other.append(UnsafeRawBufferPointer(rebasing: chunk[i..<end]))
                i = end
            }
        }
    }

    /// Hands everything to `body` in chunks, in order, and empties the spool.
    func drain(_ body: (UnsafeRawBufferPointer) -> Void) throws(X12IOError) {
        if let failure { throw failure }
        if let file, stored > 0 {
            var chunk = [UInt8](repeating: 0, count: Self.chunk)
            var offset = 0
            while offset < stored {
                let n = chunk.withUnsafeMutableBytes { pread(file.descriptor, $0.baseAddress!, min($0.count, stored - offset), off_t(offset)) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw X12IOError(path: file.path, errno: errno, message: "cannot read the report spool") }
                chunk.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
                offset += n
            }
            stored = 0
            _ = ftruncate(file.descriptor, 0)
        }
        buffer.withUnsafeBytes { if !$0.isEmpty { body($0) } }
        buffer.removeAll(keepingCapacity: buffer.capacity <= 4 * Self.chunk)
    }

    /// Writes the buffer to the file (made now if it is the first time).
    private func spill() {
        guard failure == nil else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        do throws(X12IOError) {
            if file == nil { file = try TemporaryFile(prefix: "report", directory: directory) }
            let fd = file!.descriptor
            var off = 0
            while off < buffer.count {
                let n = buffer.withUnsafeBytes { pwrite(fd, $0.baseAddress! + off, $0.count - off, off_t(stored + off)) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw X12IOError(path: file!.path, errno: errno, message: String(cString: strerror(errno))) }
                off += n
            }
            stored += off
        } catch {
            failure = error
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
