#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes X12: envelopes whose counts and trailer control numbers it fills itself, segments with any
/// delimiters, and read segments back byte for byte.
///
/// ```swift
/// let w = X12Writer.inMemory()
/// try w.beginInterchange(ISAFields(senderID: "SENDER", receiverID: "RECEIVER", date: "261125", time: "1200", controlNumber: 1))
/// try w.beginGroup(GroupHeader(functionalID: "HS", senderCode: "S", receiverCode: "R", date: "20261125", time: "1200", controlNumber: "1", version: "005010X279A1"))
/// try w.beginTransaction(id: "270", controlNumber: "0001", implementationReference: "005010X279A1")
/// try w.write(Segment("BHT", ["0022", "13", "REF1", "20261125", "1200"]))
/// try w.endTransaction()     // SE01 = 3, SE02 = 0001
/// try w.endGroup()
/// try w.endInterchange()
/// let bytes = w.bytes
/// ```
///
/// The mutable state of a writer is not checked for overlapping access at run time (`@exclusivity(unchecked)`): a
/// writer is used by one caller at a time, and the checks cost more than writing a short segment.
public final class X12Writer {
    /// The delimiters used for built segments and for re-serialized views.
    @exclusivity(unchecked) public var delimiters: Delimiters
    /// What is written after each terminator.
    @exclusivity(unchecked) public var suffix: SegmentSuffix

    @exclusivity(unchecked) private var buffer: [UInt8] = []
    private let sink: ((UnsafeRawBufferPointer) throws(X12IOError) -> Void)?
    private let flushThreshold = 64 << 10
    private var closeSink: () -> Void = {}
    /// The buffer ``encodeSegments(_:)`` lends its encoder (kept between calls).
    @exclusivity(unchecked) private var encoderStorage: EncoderStorage?

    private var interchangeControl: String?
    private var groupCount = 0
    private var groupControl: String?
    private var transactionCount = 0
    @exclusivity(unchecked) private var transactionControl: String?
    @exclusivity(unchecked) private var segmentCount = 0

    /// Bytes written so far (flushed or not).
    @exclusivity(unchecked) public private(set) var bytesWritten = 0

    /// A writer that hands full buffers to `sink`.
    public init(delimiters: Delimiters = .standard, suffix: SegmentSuffix = .none,
                sink: ((UnsafeRawBufferPointer) throws(X12IOError) -> Void)?) {
        self.delimiters = delimiters
        self.suffix = suffix
        self.sink = sink
        buffer.reserveCapacity(flushThreshold + 4096)
    }

    /// A writer that keeps everything in ``bytes``.
    public static func inMemory(delimiters: Delimiters = .standard, suffix: SegmentSuffix = .none) -> X12Writer {
        X12Writer(delimiters: delimiters, suffix: suffix, sink: nil)
    }

    /// A writer to a file (created or truncated); `-` writes standard output.
    public static func toFile(_ path: String, delimiters: Delimiters = .standard, suffix: SegmentSuffix = .none) throws(X12IOError) -> X12Writer {
        let fd: Int32 = path == "-" ? 1 : open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 {
            let e = errno
            throw X12IOError(path: path, errno: e, message: String(cString: strerror(e)))
        }
        let w = X12Writer(delimiters: delimiters, suffix: suffix) { (bytes) throws(X12IOError) in
            var off = 0
            while off < bytes.count {
                let n = systemWrite(fd, bytes.baseAddress! + off, bytes.count - off)
                if n < 0 {
                    let e = errno
                    if e == EINTR { continue }
                    throw X12IOError(path: path, errno: e, message: String(cString: strerror(e)))
                }
                off += n
            }
        }
        if path != "-" { w.closeSink = { _ = systemClose(fd) } }
        return w
    }

    deinit { closeSink() }

    /// Everything written, for an in-memory writer (for others, what is not flushed yet).
    public var bytes: [UInt8] { buffer }

    /// Hands buffered bytes to the sink.
    public func flush() throws(X12IOError) {
        guard let sink, !buffer.isEmpty else { return }
        let b = buffer
        buffer.removeAll(keepingCapacity: true)
        do {
            try b.withUnsafeBytes { try sink($0) }
        } catch let e as X12IOError {
            throw e
        } catch {
            throw X12IOError(path: "-", message: "\(error)")
        }
    }

    /// Flushes and closes the file, if the writer owns one.
    public func close() throws(X12IOError) {
        try flush()
        closeSink()
        closeSink = {}
    }

    private func maybeFlush() throws(X12IOError) {
        if sink != nil && buffer.count >= flushThreshold { try flush() }
    }

    private func endSegment() {
        buffer.append(delimiters.segment)
        buffer.append(contentsOf: suffix.bytes)
    }

    // MARK: Verbatim

    /// Writes bytes as they are (leading blank lines kept by a round trip, for instance).
    public func writeRaw(_ bytes: UnsafeRawBufferPointer) throws(X12IOError) {
        bytesWritten += bytes.count
        buffer.append(contentsOf: bytes)
        try maybeFlush()
    }

    /// Writes a read segment exactly as it was: its bytes, its own terminator (if it had one) and `suffix`.
    public func writeVerbatim(_ view: SegmentView, suffix: SegmentSuffix, terminated: Bool = true) throws(X12IOError) {
        let before = buffer.count
        buffer.append(contentsOf: view.bytes)
        if terminated { buffer.append(view.delimiters.segment) }
        buffer.append(contentsOf: suffix.bytes)
        bytesWritten += buffer.count - before
        try maybeFlush()
    }

    /// Writes a read segment with this writer's delimiters and suffix, keeping every element, empty ones included.
    ///
    /// ISA11 and ISA16 are set to the new repetition and component separators. Throws when a data byte equals one of
    /// the new delimiters (X12 has no escape character).
    public func write(view: SegmentView) throws(X12WriterError) {
        let from = view.delimiters
        let to = delimiters
        let before = buffer.count
        if view.hasID("ISA") {
            buffer.append(contentsOf: view.idBytes)
            var fail: X12WriterError?
            view.forEachElement { n, e in
                buffer.append(to.element)
                if n == 11, from.repetition != nil, let r = to.repetition {
                    buffer.append(r)
                } else if n == 16 {
                    buffer.append(to.component)
                } else {
                    if fail == nil, let b = clash(e.bytes, to) { fail = .delimiterInData(segmentID: "ISA", element: n, byte: b) }
                    buffer.append(contentsOf: e.bytes)
                }
            }
            if let fail { buffer.removeSubrange(before...); throw fail }
        } else {
            var element = 0
            for b in view.bytes {
                var out = b
                if b == from.element {
                    out = to.element
                    element += 1
                } else if b == from.component {
                    out = to.component
                } else if let r = from.repetition, b == r {
                    out = to.repetition ?? to.component
                } else if b == to.element || b == to.component || b == to.segment || (to.repetition.map { $0 == b } ?? false) {
                    buffer.removeSubrange(before...)
                    throw .delimiterInData(segmentID: view.id, element: element, byte: b)
                }
                buffer.append(out)
            }
        }
        buffer.append(to.segment)
        buffer.append(contentsOf: suffix.bytes)
        bytesWritten += buffer.count - before
        do { try maybeFlush() } catch { throw .io(error) }
    }

    private func clash(_ bytes: UnsafeRawBufferPointer, _ d: Delimiters) -> UInt8? {
        for b in bytes where b == d.element || b == d.component || b == d.segment || b == d.repetition { return b }
        return nil
    }

    // MARK: Building

    /// Writes one segment built in memory (trailing empty elements and components dropped).
    ///
    /// Inside a transaction set the segment is counted for SE01.
    public func write(_ segment: Segment) throws(X12IOError) {
        let before = buffer.count
        segment.append(to: &buffer, delimiters: delimiters)
        if transactionControl != nil { segmentCount += 1 }
        endSegment()
        bytesWritten += buffer.count - before
        try maybeFlush()
    }

    /// Writes segments through a ``SegmentEncoder`` over this writer's buffer, with its delimiters and suffix:
    /// no ``Segment`` is built. Inside a transaction set each segment is counted for SE01.
    ///
    /// ```swift
    /// try writer.encodeSegments { e in
    ///     e.begin("REF"); e.element("BB"); e.element(authorizationNumber); e.end()
    /// }
    /// ```
    public func encodeSegments(_ body: (inout SegmentEncoder) -> Void) throws(X12IOError) {
        var encoder = lendEncoder()
        body(&encoder)
        if transactionControl != nil { segmentCount += encoder.segmentCount }
        try takeBack(encoder)
    }

    /// Writes a whole transaction set through one ``SegmentEncoder``: ST, the segments `body` writes and SE with the
    /// true count and ST02. The bytes are those of ``beginTransaction(id:controlNumber:implementationReference:)``,
    /// ``encodeSegments(_:)`` and ``endTransaction()`` in a row, for one encoder instead of three.
    ///
    /// ```swift
    /// try writer.encodeTransaction(id: "278", controlNumber: "0001", implementationReference: "005010X217") { e in
    ///     e.begin("BHT"); e.element("0007"); e.element("13"); e.end()
    /// }
    /// ```
    public func encodeTransaction(id: String, controlNumber: String, implementationReference: String? = nil,
                                  _ body: (inout SegmentEncoder) -> Void) throws(X12IOError) {
        transactionCount += 1
        var encoder = lendEncoder()
        encoder.begin("ST"); encoder.element(id); encoder.element(controlNumber)
        if let r = implementationReference { encoder.element(r) }
        encoder.end()
        body(&encoder)
        segmentCount = encoder.segmentCount
        encoder.begin("SE"); encoder.element(segmentCount + 1); encoder.element(controlNumber); encoder.end()
        transactionControl = nil
        try takeBack(encoder)
    }

    /// An encoder over the kept buffer (made the first time), which it then holds alone: it need not copy it.
    private func lendEncoder() -> SegmentEncoder {
        let encoder = SegmentEncoder(storage: encoderStorage ?? EncoderStorage(capacity: 16 << 10), count: 0,
                                     delimiters: delimiters, suffix: suffix)
        encoderStorage = nil
        return encoder
    }

    /// Appends what `encoder` wrote and keeps its buffer for the next one.
    private func takeBack(_ encoder: SegmentEncoder) throws(X12IOError) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: encoder.base, count: encoder.count))
        encoderStorage = encoder.storage
        bytesWritten += encoder.count
        try maybeFlush()
    }

    /// Writes an ISA with every field padded to its width, and this writer's delimiters in ISA11 and ISA16.
    public func beginInterchange(_ isa: ISAFields) throws(X12IOError) {
        let before = buffer.count
        let fields = isa.paddedFields(delimiters: delimiters)
        buffer.append(contentsOf: "ISA".utf8)
        for f in fields {
            buffer.append(delimiters.element)
            buffer.append(contentsOf: f.utf8)
        }
        interchangeControl = fields[12]
        groupCount = 0
        endSegment()
        bytesWritten += buffer.count - before
        try maybeFlush()
    }

    /// Writes a GS and starts counting its transaction sets.
    public func beginGroup(_ gs: GroupHeader) throws(X12IOError) {
        groupControl = gs.controlNumber
        transactionCount = 0
        groupCount += 1
        try write(Segment("GS", [.init(gs.functionalID), .init(gs.senderCode), .init(gs.receiverCode), .init(gs.date),
                                 .init(gs.time), .init(gs.controlNumber), .init(gs.agency), .init(gs.version)]))
    }

    /// Writes an ST and starts counting segments for SE01.
    public func beginTransaction(id: String, controlNumber: String, implementationReference: String? = nil) throws(X12IOError) {
        transactionCount += 1
        transactionControl = controlNumber
        segmentCount = 0
        try encodeSegments { e in
            e.begin("ST"); e.element(id); e.element(controlNumber)
            if let r = implementationReference { e.element(r) }
            e.end()
        }
    }

    /// Writes the SE with the true segment count (ST and SE included) and ST02.
    public func endTransaction() throws(X12IOError) {
        let control = transactionControl ?? ""
        let count = segmentCount + 1
        transactionControl = nil
        try encodeSegments { e in e.begin("SE"); e.element(count); e.element(control); e.end() }
    }

    /// Writes the GE with the true transaction set count and GS06.
    public func endGroup() throws(X12IOError) {
        try write(Segment("GE", [.init(String(transactionCount)), .init(groupControl ?? "")]))
        groupControl = nil
    }

    /// Writes the IEA with the true group count and ISA13.
    public func endInterchange() throws(X12IOError) {
        try write(Segment("IEA", [.init(String(groupCount)), .init(interchangeControl ?? "")]))
        interchangeControl = nil
    }

    /// Segments written so far in the open transaction set (ST included).
    public var segmentsInTransaction: Int { segmentCount }
}

private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }

/// Why the writer refused a segment.
public enum X12WriterError: Error, Sendable, CustomStringConvertible {
    /// Writing failed.
    case io(X12IOError)
    /// A data byte equals one of the output delimiters; X12 cannot escape it.
    case delimiterInData(segmentID: String, element: Int, byte: UInt8)

    public var description: String {
        switch self {
        case .io(let e): return e.description
        case .delimiterInData(let id, let n, let b):
            return "\(id)\(n < 10 ? "0" : "")\(n) contains \"\(String(UnicodeScalar(b)))\", which is a delimiter of the output; choose other delimiters."
        }
    }
}
