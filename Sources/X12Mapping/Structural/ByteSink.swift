#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import X12

/// A buffered byte output for the converters: a file, standard output (`-`), or memory.
///
/// ```swift
/// let sink = try ByteSink(path: "out.json")
/// sink.append(contentsOf: "{}".utf8)
/// try sink.close()
/// ```
public final class ByteSink {
    /// The output's name in messages.
    public let name: String
    /// Bytes not handed to the file yet (for an in-memory sink: everything).
    ///
    /// Appended to once per JSON or XML token: a sink has one owner and is not shared between threads, so the
    /// run-time exclusivity check of each access (`swift_beginAccess`, about a quarter of `convert --to json`) is
    /// left out.
    @exclusivity(unchecked) var buffer: [UInt8] = []
    private var fd: Int32 = -1
    private var ownsFD = false
    private let flushThreshold = 256 << 10
    /// Bytes written so far (flushed or not).
    public private(set) var flushedCount = 0
    /// The hidden file written instead of `name` until ``close()`` renames it (`replacing` sinks only).
    private var temporaryPath: String?

    /// Creates (or truncates) a file; `-` writes standard output.
    ///
    /// With `replacing`, a regular file (or a new one) is written under a hidden temporary name in the same folder
    /// and renamed over `path` by ``close()``: a run that fails (``discard()``) leaves an existing file as it was
    /// and creates nothing. Other outputs (a device such as `/dev/null`, a pipe) are written directly and never
    /// removed.
    public init(path: String, replacing: Bool = false) throws(X12IOError) {
        name = path
        if path == "-" {
            fd = 1
        } else {
            var st = stat()
            let exists = lstat(path, &st) == 0
            if replacing && (!exists || (st.st_mode & S_IFMT) == S_IFREG) {
                let slash = path.lastIndex(of: "/")
                let folder = slash.map { String(path[...$0]) } ?? ""
                let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
                var template = Array((folder + "." + base + ".x12gate-XXXXXX").utf8CString)
                fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
                if fd >= 0 {
                    temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                    let mask = umask(0)
                    umask(mask)
                    _ = fchmod(fd, exists ? st.st_mode & 0o7777 : 0o644 & ~mask)
                }
            } else {
                fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            }
            if fd < 0 {
                let e = errno
                throw X12IOError(path: path, errno: e, message: String(cString: strerror(e)))
            }
            ownsFD = true
        }
        buffer.reserveCapacity(flushThreshold + 4096)
    }

    /// A sink that keeps everything in ``bytes``.
    public init() {
        name = "memory"
    }

    deinit { discard() }

    /// Everything written, for an in-memory sink.
    public var bytes: [UInt8] { buffer }

    /// Total bytes written.
    public var count: Int { flushedCount + buffer.count }

    /// Appends one byte.
    @inline(__always)
    func append(_ b: UInt8) { buffer.append(b) }

    /// Appends bytes.
    public func append<S: Sequence>(contentsOf bytes: S) where S.Element == UInt8 { buffer.append(contentsOf: bytes) }

    /// Appends raw bytes.
    public func append(raw bytes: UnsafeRawBufferPointer) { buffer.append(contentsOf: bytes) }

    /// Hands the buffer to the file when it is full enough; call between items.
    @inline(__always)
    func maybeFlush() throws(X12IOError) {
        if fd >= 0 && buffer.count >= flushThreshold { try flush() }
    }

    /// Hands buffered bytes to the file (no-op in memory).
    public func flush() throws(X12IOError) {
        guard fd >= 0, !buffer.isEmpty else { return }
        let fd = self.fd
        let failure: Int32? = buffer.withUnsafeBytes { b in
            var off = 0
            while off < b.count {
                let n = systemWrite(fd, b.baseAddress! + off, b.count - off)
                if n < 0 {
                    let e = errno
                    if e == EINTR { continue }
                    return e
                }
                off += n
            }
            return nil
        }
        if let e = failure { throw X12IOError(path: name, errno: e, message: String(cString: strerror(e))) }
        flushedCount += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file if the sink opened one; a `replacing` sink's file then takes its name.
    public func close() throws(X12IOError) {
        try flush()
        if ownsFD { _ = systemClose(fd); ownsFD = false }
        fd = -1
        if let temporaryPath {
            self.temporaryPath = nil
            if rename(temporaryPath, name) != 0 {
                let e = errno
                unlink(temporaryPath)
                throw X12IOError(path: name, errno: e, message: String(cString: strerror(e)))
            }
        }
    }

    /// Closes without delivering: a `replacing` sink's temporary file is removed, so `path` is as it was before
    /// the run; any other output is left alone (nothing that existed before is ever removed).
    public func discard() {
        if ownsFD { _ = systemClose(fd); ownsFD = false }
        fd = -1
        if let temporaryPath {
            unlink(temporaryPath)
            self.temporaryPath = nil
        }
    }
}

private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
