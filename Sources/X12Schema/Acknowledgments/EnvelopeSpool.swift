#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import X12

/// The functional groups of one outbound interchange, written set by set as they are made and enveloped at the
/// end: ISA13 and GS06 are drawn only then, in the order a writer that held everything would draw them
/// (ISA13, then one GS06 per group), and the interchange can still be dropped whole (a TA1 that rejects what it
/// answers).
///
/// The sets go to a spool file (or memory when no path is given) and are copied into the real output by
/// ``envelope(into:interchange:leading:controlNumbers:)``, so the memory does not grow with the interchange.
///
/// ```swift
/// let spool = try EnvelopeSpool(path: nil)
/// spool.beginGroup(GroupHeader(functionalID: "HB", senderCode: "US", receiverCode: "THEM", date: "20261125",
///                              time: "1200", controlNumber: "", version: "005010X279A1"))
/// try spool.beginTransaction(id: "271", controlNumber: "0001", implementationReference: "005010X279A1")
/// try spool.writer.write(Segment("BHT", ["0022", "11"]))
/// try spool.writer.endTransaction()
/// let isa13 = try spool.envelope(into: out, interchange: { ISAFields(senderID: "US", receiverID: "THEM",
///                                date: "261125", time: "1200", controlNumber: $0) }, controlNumbers: numbers)
/// ```
public final class EnvelopeSpool {
    /// The groups begun since the spool was last emptied, in order, in a few bytes each: runs of equal GS headers
    /// (an acknowledgment's groups share theirs), and the closed groups' byte lengths and set counts as varints
    /// (a group starts where the one before it ended).
    private struct Groups {
        var runs: [(header: GroupHeader, count: Int)] = []
        var closed: [UInt8] = []
        /// Where the first group starts.
        var start = 0
        /// The open group's start and sets, when one is open.
        var open: (start: Int, sets: Int)?
        var count = 0
        var sets = 0

        mutating func begin(_ header: GroupHeader, at offset: Int) {
            close(at: offset)
            if count == 0 { start = offset }
            if let last = runs.indices.last, runs[last].header == header { runs[last].count += 1 } else { runs.append((header, 1)) }
            open = (offset, 0)
            count += 1
        }

        mutating func close(at offset: Int) {
            guard let o = open else { return }
            open = nil
            Self.put(offset - o.start, into: &closed)
            Self.put(o.sets, into: &closed)
        }

        /// Each group's header, byte range and set count, in order (all closed).
        func forEach(_ body: (GroupHeader, Range<Int>, Int) throws(X12IOError) -> Void) throws(X12IOError) {
            var position = 0, offset = start
            for run in runs {
                for _ in 0..<run.count {
                    let length = Self.take(closed, &position), sets = Self.take(closed, &position)
                    try body(run.header, offset..<(offset + length), sets)
                    offset += length
                }
            }
        }

        private static func put(_ value: Int, into out: inout [UInt8]) {
            var v = UInt(value)
            while v >= 0x80 {
                out.append(UInt8(truncatingIfNeeded: v) | 0x80)
                v >>= 7
            }
            out.append(UInt8(v))
        }

        private static func take(_ bytes: [UInt8], _ position: inout Int) -> Int {
            var v: UInt = 0, shift: UInt = 0
            while true {
                let b = bytes[position]
                position += 1
                v |= UInt(b & 0x7F) << shift
                if b < 0x80 { return Int(v) }
                shift += 7
            }
        }
    }

    /// Where the caller writes the transaction sets (ST … SE) of the current group; set its delimiters and suffix
    /// to those of the output.
    public private(set) var writer = X12Writer.inMemory()
    private let path: String?
    private var fd: Int32 = -1
    private var memory: [UInt8] = []
    private var groups = Groups()
    /// ``X12Writer/bytesWritten`` when the spool was last emptied.
    private var base = 0

    /// A spool in the file at `path` (created or truncated, removed when the spool goes), or in memory.
    public init(path: String?) throws(X12IOError) {
        self.path = path
        if let path {
            fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
            if fd < 0 { throw X12IOError(path: path, errno: errno, message: String(cString: strerror(errno))) }
        }
        writer = X12Writer(sink: { [unowned self] (bytes) throws(X12IOError) in try self.append(bytes) })
    }

    deinit {
        if fd >= 0 {
            close(fd)
            if let path { unlink(path) }
        }
    }

    /// `true` when no group was begun since the spool was last emptied.
    public var isEmpty: Bool { groups.count == 0 }

    /// The transaction sets begun since the spool was last emptied.
    public var transactionCount: Int { groups.sets }

    /// Starts a group; its GS06 (`controlNumber`) is replaced when the interchange is enveloped.
    public func beginGroup(_ header: GroupHeader) {
        groups.begin(header, at: writer.bytesWritten - base)
    }

    /// Starts a transaction set in the current group (counted for its GE01).
    public func beginTransaction(id: String, controlNumber: String, implementationReference: String? = nil) throws(X12IOError) {
        if groups.count > 0 {
            groups.sets += 1
            if groups.open != nil { groups.open!.sets += 1 }
        }
        try writer.beginTransaction(id: id, controlNumber: controlNumber, implementationReference: implementationReference)
    }

    /// Writes the interchange into `output` (whose delimiters and suffix the caller set): the ISA built by
    /// `interchange` from the ISA13 drawn, the `leading` segments (a TA1), each group with the GS06 drawn for it,
    /// its sets and its GE, the IEA. Empties the spool; returns the ISA13.
    @discardableResult
    public func envelope(into output: X12Writer, interchange: (Int) -> ISAFields, leading: [Segment] = [],
                         controlNumbers: ControlNumberSource) throws(X12IOError) -> Int {
        closeGroup()
        try writer.flush()
        let control = controlNumbers.nextInterchangeControlNumber()
        try output.beginInterchange(interchange(control))
        for segment in leading { try output.write(segment) }
        try groups.forEach { (g, range, sets) throws(X12IOError) in
            var header = g
            header.controlNumber = String(controlNumbers.nextGroupControlNumber())
            try output.beginGroup(header)
            try copy(range, into: output)
            try output.write(Segment("GE", [.init(String(sets)), .init(header.controlNumber)]))
        }
        try output.endInterchange()
        try empty()
        return control
    }

    /// Forgets everything written since the spool was last emptied.
    public func empty() throws(X12IOError) {
        try writer.flush()
        groups = Groups()
        memory.removeAll(keepingCapacity: true)
        if fd >= 0 {
            if ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) < 0 {
                throw X12IOError(path: path ?? "", errno: errno, message: String(cString: strerror(errno)))
            }
        }
        base = writer.bytesWritten
    }

    // MARK: Private

    private func closeGroup() {
        groups.close(at: writer.bytesWritten - base)
    }

    private func append(_ bytes: UnsafeRawBufferPointer) throws(X12IOError) {
        guard fd >= 0 else {
            memory.append(contentsOf: bytes)
            return
        }
        var off = 0
        while off < bytes.count {
            let n = write(fd, bytes.baseAddress! + off, bytes.count - off)
            if n < 0 {
                if errno == EINTR { continue }
                throw X12IOError(path: path ?? "", errno: errno, message: String(cString: strerror(errno)))
            }
            off += n
        }
    }

    private func copy(_ range: Range<Int>, into output: X12Writer) throws(X12IOError) {
        var failure: X12IOError?
        guard fd >= 0 else {
            memory.withUnsafeBytes { p in
                do throws(X12IOError) { try output.writeRaw(UnsafeRawBufferPointer(rebasing: p[range])) } catch { failure = error }
            }
            if let failure { throw failure }
            return
        }
        var chunk = [UInt8](repeating: 0, count: min(range.count, 1 << 20))
        var offset = range.lowerBound
        while offset < range.upperBound {
            let want = min(chunk.count, range.upperBound - offset)
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, want, off_t(offset)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw X12IOError(path: path ?? "", errno: errno, message: String(cString: strerror(errno)))
            }
            if n == 0 { throw X12IOError(path: path ?? "", message: "the spool file ended early") }
            chunk.withUnsafeBytes { p in
                do throws(X12IOError) { try output.writeRaw(UnsafeRawBufferPointer(rebasing: p[..<n])) } catch { failure = error }
            }
            if let failure { throw failure }
            offset += n
        }
    }
}
