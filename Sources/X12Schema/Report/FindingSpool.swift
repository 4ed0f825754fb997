#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import X12

/// The transaction sets a validation pass found problems in, written to a file on disk in input order and read back
/// in the same order by a second reading of the input, so that the memory holds one set's findings at a time
/// however many the input has.
///
/// The file is created in `directory` (the system's temporary folder by default) and unlinked at once: it never
/// shows in a folder listing and goes away with the spool, even when the process dies. Records are compact and
/// binary (``TransactionReport`` with every ``Location`` field); writes and reads go through a 64 KB buffer.
///
/// ```swift
/// let spool = try FindingSpool()
/// let report = try validator.validate(reader: first, onTransaction: { tx in
///     if !tx.findings.isEmpty { spool.appendLater(tx) }   // a write error is thrown by rewind()
/// })
/// try spool.rewind()
/// while let event = try second.next() {
///     if case .transactionStart = event, let found = try spool.take(at: second.location.segmentIndex) { … }
/// }
/// ```
public final class FindingSpool {
    private let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    /// Reading: the next unread byte of `buffer`.
    private var position = 0
    private var reading = false
    private var endOfFile = false
    /// The record read ahead by ``take(at:)``.
    private var ahead: TransactionReport?
    private var failure: X12IOError?
    private static let chunk = 1 << 16

    /// The number of sets appended.
    public private(set) var count = 0

    /// A spool in a new file in `directory` (default: `TMPDIR`, else `/tmp`).
    public init(directory: String? = nil) throws(X12IOError) {
        let file = try TemporaryFile(prefix: "findings", directory: directory)
        self.fd = file.descriptor
        self.path = file.path
        buffer.reserveCapacity(Self.chunk)
    }

    deinit { close(fd) }

    /// Appends one set's report (call before ``rewind()``; the sets must come in input order).
    public func append(_ report: TransactionReport) throws(X12IOError) {
        precondition(!reading, "FindingSpool: append after rewind")
        var record: [UInt8] = []
        FindingSpoolCoding.encode(report, into: &record)
        FindingSpoolCoding.putUnsigned(UInt64(record.count), into: &buffer)
        buffer += record
        count += 1
        if buffer.count >= Self.chunk { try flush() }
    }

    /// Appends, keeping a failure for the next ``rewind()`` (for callbacks that cannot throw).
    public func appendLater(_ report: TransactionReport) {
        guard failure == nil else { return }
        do { try append(report) } catch { failure = error }
    }

    /// Ends the writing and goes back to the first record.
    public func rewind() throws(X12IOError) {
        if let failure { throw failure }
        if !reading { try flush() }
        if lseek(fd, 0, SEEK_SET) < 0 { throw error() }
        reading = true
        endOfFile = false
        ahead = nil
        buffer.removeAll(keepingCapacity: true)
        position = 0
    }

    /// The next record, `nil` at the end.
    public func next() throws(X12IOError) -> TransactionReport? {
        precondition(reading, "FindingSpool: next before rewind")
        if let a = ahead {
            ahead = nil
            return a
        }
        guard try fill(1) else { return nil }
        var length: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard try fill(1) else { throw corrupt() }
            let b = buffer[position]
            position += 1
            guard shift < 64 else { throw corrupt() }
            length |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        guard length <= UInt64(Int.max / 2), try fill(Int(length)) else { throw corrupt() }
        let end = position + Int(length)
        let report = buffer.withUnsafeBytes { raw in
            FindingSpoolCoding.decode(UnsafeRawBufferPointer(rebasing: raw[position..<end]))
        }
        position = end
        guard let report else { throw corrupt() }
        return report
    }

    /// The next record when it is the set whose ST is segment `segmentIndex`; records of earlier sets are skipped,
    /// a later one is kept for the next call.
    public func take(at segmentIndex: Int) throws(X12IOError) -> TransactionReport? {
        while let r = try next() {
            if r.location.segmentIndex == segmentIndex { return r }
            if r.location.segmentIndex > segmentIndex {
                ahead = r
                return nil
            }
        }
        return nil
    }

    // MARK: Private

    private func flush() throws(X12IOError) {
        var off = 0
        while off < buffer.count {
            let n = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + off, $0.count - off) }
            if n < 0 {
                if errno == EINTR { continue }
                throw error()
            }
            off += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Makes `want` unread bytes available in `buffer` from `position`; `false` at the end of the file.
    private func fill(_ want: Int) throws(X12IOError) -> Bool {
        if buffer.count - position >= want { return true }
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        while buffer.count < want && !endOfFile {
            let room = max(Self.chunk, want - buffer.count)
            let old = buffer.count
            buffer += repeatElement(0, count: room)
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + old, room) }
            if n < 0 {
                buffer.removeSubrange(old...)
                if errno == EINTR { continue }
                throw error()
            }
            buffer.removeSubrange((old + n)...)
            if n == 0 { endOfFile = true }
        }
        return buffer.count >= want
    }

    private func error() -> X12IOError {
        X12IOError(path: path, errno: errno, message: String(cString: strerror(errno)))
    }

    private func corrupt() -> X12IOError {
        X12IOError(path: path, message: "the findings spool is damaged")
    }
}
