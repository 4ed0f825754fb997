#if canImport(Glibc)
import Glibc
#endif
import X12

/// An output written as it is produced: in memory (``bytes``), or to a file created at the first bytes and
/// flushed to the disk by ``finish()`` (the batch processor's hidden temporary names).
final class StreamedOutput {
    /// The writer.
    private(set) var writer: X12Writer
    private let path: String?
    private var fd: Int32 = -1

    /// An output kept in memory when `path` is `nil`, else written to `path`.
    init(path: String?) {
        self.path = path
        writer = X12Writer.inMemory()
        guard let path else { return }
        writer = X12Writer(sink: { [unowned self] (bytes) throws(X12IOError) in
            if fd < 0 {
                fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                if fd < 0 { throw X12IOError(path: path, errno: errno, message: String(cString: strerror(errno))) }
            }
            var off = 0
            while off < bytes.count {
                let n = write(fd, bytes.baseAddress! + off, bytes.count - off)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw X12IOError(path: path, errno: errno, message: String(cString: strerror(errno)))
                }
                off += n
            }
        })
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Whether anything was written.
    var isEmpty: Bool { writer.bytesWritten == 0 }

    /// Flushes, fsyncs and closes the file, renamed to `renamedTo` when given (the output's name is known only at
    /// the end); returns the output (content in `bytes` when kept in memory).
    func finish(folder: FileOutput.Folder, name: String, renamedTo: String? = nil) throws -> FileOutput {
        guard let path else { return FileOutput(folder: folder, name: name, bytes: writer.bytes) }
        try writer.flush()
        if fd >= 0 {
            guard fsync(fd) == 0 else { throw BatchError("cannot flush \(path): \(String(cString: strerror(errno)))") }
            close(fd)
            fd = -1
            if let renamedTo, rename(path, renamedTo) != 0 {
                throw BatchError("cannot rename \(path): \(String(cString: strerror(errno)))")
            }
        }
        return FileOutput(folder: folder, name: name, bytes: [], fileSize: writer.bytesWritten)
    }

    /// Closes and removes the file (nothing of it is delivered).
    func discard() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        if let path { unlink(path) }
    }
}
