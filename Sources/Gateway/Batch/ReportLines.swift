#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import X12

/// The lines of a file's report (what was refused and why), kept in order without growing the memory: the first
/// ``kept`` lines stay in memory as strings (``FileResult/problems``), every line goes as UTF-8 text to a buffer that
/// spills to a file in the temporary folder (created on the first spill and unlinked at once) and is read back by
/// ``text(_:)``.
final class ReportLines {
    /// How many first lines are kept as strings.
    static let kept = 1_000

    /// The first ``kept`` lines.
    private(set) var first: [String] = []
    /// The number of lines.
    private(set) var count = 0
    private var buffer: [UInt8] = []
    private var fd: Int32 = -1
    private let directory: String?
    private static let chunk = 1 << 16

    /// Empty lines; a spill file goes to `directory` (default: `TMPDIR`, else `/tmp`).
    init(directory: String? = nil) {
        self.directory = directory
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Appends one line (without its line feed).
    func append(_ line: String) throws {
        if first.count < Self.kept { first.append(line) }
        count += 1
        buffer += line.utf8
        buffer.append(0x0A)
        if buffer.count >= Self.chunk { try spill() }
    }

    /// Appends every line of `other`, in order.
    func append(contentsOf other: ReportLines) throws {
        let room = Self.kept - first.count
        if room > 0 { first += other.first.prefix(room) }
        count += other.count
        try other.text { bytes in
            buffer += bytes
            if buffer.count >= Self.chunk { try spill() }
        }
    }

    /// Hands the text of every line, each ended by a line feed, in chunks.
    func text(_ sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        if fd >= 0 {
            var chunk = [UInt8](repeating: 0, count: Self.chunk)
            var offset: off_t = 0
            while true {
                let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, offset) }
                if n < 0 && errno == EINTR { continue }
                guard n >= 0 else { throw BatchError("cannot read the report spool: \(String(cString: strerror(errno)))") }
                if n == 0 { break }
                try chunk.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0[..<n])) }
                offset += off_t(n)
            }
        }
        try buffer.withUnsafeBytes { try sink($0) }
    }

    /// Writes every line, each ended by a line feed, to the file at `path` (created or truncated).
    func save(to path: String) throws {
        let out = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard out >= 0 else { throw BatchError("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(out) }
        try text { bytes in
            var off = 0
            while off < bytes.count {
                let n = write(out, bytes.baseAddress! + off, bytes.count - off)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw BatchError("cannot write \(path): \(String(cString: strerror(errno)))") }
                off += n
            }
        }
    }

    private func spill() throws {
        if fd < 0 {
            do throws(X12IOError) {
                fd = try TemporaryFile(prefix: "report", directory: directory).descriptor
            } catch {
                throw BatchError("cannot create a report spool: \(error)")
            }
        }
        var off = 0
        while off < buffer.count {
            let n = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + off, $0.count - off) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw BatchError("cannot write the report spool: \(String(cString: strerror(errno)))") }
            off += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
