#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The incremental X12 decoder: feed it bytes in chunks of any size, pull envelope and segment events.
///
/// It holds the unread bytes plus at most one segment (bounded by ``Options/maxSegmentLength``), so memory
/// stays flat whatever the input size. Segments are views into its buffer: no allocation per segment.
///
/// ```swift
/// let decoder = X12Decoder()
/// decoder.feed(chunk)
/// while let event = decoder.next() {
///     if case .segment = event, decoder.segment.hasID("NM1") { … }
/// }
/// decoder.finish()          // at end of input, then drain `next()` again
/// ```
/// Views (``segment``, ``leading``) are valid until the next call to ``next()``, ``feed(_:)`` or
/// ``reserveTail(minimum:)``.
public final class X12Decoder {
    /// Limits and tolerances.
    public struct Options: Sendable {
        /// The longest segment accepted; a longer one is reported (TA105 024) and skipped.
        public var maxSegmentLength: Int
        /// Initial buffer size.
        public var initialCapacity: Int

        /// Creates options.
        public init(maxSegmentLength: Int = 1 << 20, initialCapacity: Int = 256 << 10) {
            self.maxSegmentLength = maxSegmentLength
            self.initialCapacity = initialCapacity
        }
    }

    private struct Pending {
        var event: X12Event
        var attachesSegment: Bool
        var location: Location
    }

    private struct InterchangeState {
        var header: InterchangeHeader
        var groupCount = 0
        var groupControlNumbers: Set<String> = []
    }

    private struct GroupState {
        var header: GroupHeader
        var transactionCount = 0
        var transactionControlNumbers: Set<String> = []
    }

    private struct TransactionState {
        var header: TransactionHeader
        var segmentCount = 1
    }

    // MARK: Buffer

    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    private var readIndex = 0
    private var writeIndex = 0
    /// Absolute stream offset of `storage[0]`.
    private var baseOffset = 0
    private var finished = false
    private var ended = false
    private var discarding = false

    // MARK: Position and envelope state

    private let options: Options
    private var line = 1
    private var segmentCounter = 0
    /// The delimiters of the current (or last) interchange.
    public private(set) var delimiters: Delimiters?
    private var interchange: InterchangeState?
    private var group: GroupState?
    private var transaction: TransactionState?

    private var queue: [Pending] = []
    private var queueHead = 0

    // MARK: Current event

    /// The segment of the last event, when ``hasSegment`` is `true`.
    public private(set) var segment = SegmentView(bytes: UnsafeRawBufferPointer(start: nil, count: 0), delimiters: .standard)
    /// `false` for events made up by the reader (an end for a missing trailer, findings, end of input).
    public private(set) var hasSegment = false
    /// `false` when the segment ended at end of input without its terminator.
    public private(set) var segmentTerminated = true
    /// Bytes skipped before this segment (blank lines, a byte-order mark, stray bytes between interchanges).
    public private(set) var leading = UnsafeRawBufferPointer(start: nil, count: 0)
    /// What followed the segment's terminator.
    public private(set) var suffix: SegmentSuffix = .none
    /// Where the last event is.
    public private(set) var location = Location(byteOffset: 0, line: 1, segmentIndex: 0)

    /// Creates a decoder.
    public init(options: Options = Options()) {
        self.options = options
        capacity = max(options.initialCapacity, 4096)
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        queue.reserveCapacity(8)
    }

    deinit { storage.deallocate() }

    /// Total bytes fed so far.
    public var bytesFed: Int { baseOffset + writeIndex }

    /// Segments read so far.
    public var segmentsRead: Int { segmentCounter }

    // MARK: Feeding

    /// Appends bytes to the input. Invalidates the current views.
    public func feed(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        let tail = reserveTail(minimum: bytes.count)
        tail.baseAddress!.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        commitTail(bytes.count)
    }

    /// Appends bytes to the input.
    public func feed(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { feed($0) }
    }

    /// Free space at the end of the buffer, at least `minimum` bytes, to read into directly;
    /// call ``commitTail(_:)`` with the number of bytes written. Invalidates the current views.
    public func reserveTail(minimum: Int) -> UnsafeMutableRawBufferPointer {
        if readIndex > 0 {
            let live = writeIndex - readIndex
            if live > 0 { storage.copyMemory(from: storage + readIndex, byteCount: live) }
            baseOffset += readIndex
            writeIndex = live
            readIndex = 0
        }
        if capacity - writeIndex < minimum {
            var newCapacity = capacity
            while newCapacity - writeIndex < minimum { newCapacity *= 2 }
            let newStorage = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
            newStorage.copyMemory(from: storage, byteCount: writeIndex)
            storage.deallocate()
            storage = newStorage
            capacity = newCapacity
        }
        return UnsafeMutableRawBufferPointer(start: storage + writeIndex, count: capacity - writeIndex)
    }

    /// Marks `count` bytes written into the tail from ``reserveTail(minimum:)`` as input.
    public func commitTail(_ count: Int) {
        precondition(count >= 0 && writeIndex + count <= capacity)
        writeIndex += count
    }

    /// Says that no more input will come. Drain ``next()`` afterwards.
    public func finish() { finished = true }

    // MARK: Events

    /// The next event, or `nil` when more input is needed (before ``finish()``) or the input is over.
    public func next() -> X12Event? {
        if let e = dequeue() { return e }
        if ended { return nil }
        while produce() {
            if let e = dequeue() { return e }
        }
        return dequeue()
    }

    private func dequeue() -> X12Event? {
        guard queueHead < queue.count else {
            if queueHead > 0 { queue.removeAll(keepingCapacity: true); queueHead = 0 }
            return nil
        }
        let p = queue[queueHead]
        queueHead += 1
        hasSegment = p.attachesSegment
        location = p.location
        return p.event
    }

    private func emit(_ event: X12Event, segment attaches: Bool, at location: Location) {
        queue.append(Pending(event: event, attachesSegment: attaches, location: location))
    }

    private func finding(_ family: FindingCode.Family, _ code: String, _ severity: Finding.Severity = .error,
                         at loc: Location, value: String? = nil, _ message: String) {
        emit(.finding(Finding(code: FindingCode(family, code), severity: severity, location: loc, value: value, message: message)),
             segment: false, at: loc)
    }

    @inline(__always) private func byte(_ i: Int) -> UInt8 { storage.load(fromByteOffset: i, as: UInt8.self) }

    private func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x0A || b == 0x0D || b == 0x20 || b == 0x09
    }

    /// Produces events into the queue. Returns `false` when it needs more input (or the input is over).
    private func produce() -> Bool {
        if discarding {
            let term = delimiters?.segment ?? UInt8(ascii: "~")
            if let t = find(term, from: readIndex) {
                readIndex = t + 1
                discarding = false
            } else {
                readIndex = writeIndex
                if finished { discarding = false } else { return false }
            }
        }
        // Skip blank bytes between segments; keep them as `leading`.
        let leadStart = readIndex
        var i = readIndex
        while i < writeIndex {
            let b = byte(i)
            if isWhitespace(b) {
                if b == 0x0A { line += 1 }
                i += 1
            } else if interchange == nil, b == 0xEF, i + 2 < writeIndex, byte(i + 1) == 0xBB, byte(i + 2) == 0xBF {
                i += 3
            } else {
                break
            }
        }
        if i == writeIndex {
            if !finished {
                // Give the bytes back so the line count stays right when more arrives.
                rewindLines(from: leadStart, to: i)
                return false
            }
            leading = UnsafeRawBufferPointer(start: storage + leadStart, count: i - leadStart)
            readIndex = i
            endOfInput()
            return false
        }
        if interchange == nil {
            return startInterchange(leadStart: leadStart, at: i)
        }
        // Inside an interchange: a new ISA here means the IEA is missing.
        if looksLikeISA(at: i) {
            return startInterchange(leadStart: leadStart, at: i)
        }
        return readSegment(leadStart: leadStart, at: i)
    }

    private func rewindLines(from start: Int, to end: Int) {
        var k = start
        while k < end {
            if byte(k) == 0x0A { line -= 1 }
            k += 1
        }
    }

    private func find(_ b: UInt8, from start: Int) -> Int? {
        guard start < writeIndex else { return nil }
        guard let p = memchr(storage + start, Int32(b), writeIndex - start) else { return nil }
        return storage.distance(to: UnsafeMutableRawPointer(p))
    }

    private func looksLikeISA(at i: Int) -> Bool {
        guard i + 3 < writeIndex else { return false }
        return byte(i) == UInt8(ascii: "I") && byte(i + 1) == UInt8(ascii: "S") && byte(i + 2) == UInt8(ascii: "A")
            && !byte(i + 3).isAlphanumericASCII && !isWhitespace(byte(i + 3))
    }

    private func baseLocation(at index: Int) -> Location {
        Location(byteOffset: baseOffset + index, line: line, segmentIndex: segmentCounter,
                 interchangeControlNumber: interchange?.header.controlNumber,
                 groupControlNumber: group?.header.controlNumber,
                 transactionControlNumber: transaction?.header.controlNumber,
                 transactionSetID: transaction?.header.id,
                 segmentPosition: transaction?.segmentCount)
    }

    // MARK: Interchange header

    private func startInterchange(leadStart: Int, at start: Int) -> Bool {
        // Not an ISA: stray bytes outside any interchange. Skip to the next ISA.
        if !looksLikeISA(at: start) {
            if start + 4 > writeIndex && !finished { rewindLines(from: leadStart, to: start); return false }
            var k = start + 1
            var found: Int?
            while k + 3 < writeIndex {
                if byte(k) == UInt8(ascii: "I"), looksLikeISA(at: k), k == 0 || !byte(k - 1).isAlphanumericASCII {
                    found = k
                    break
                }
                k += 1
            }
            if found == nil && !finished {
                if writeIndex - start > options.maxSegmentLength {
                    var loc = baseLocation(at: start)
                    loc.segmentIndex = segmentCounter + 1
                    finding(.ta105, "022", at: loc, "\(writeIndex - start) bytes outside any interchange (no ISA); skipped.")
                    countLines(from: start, to: writeIndex - 3)
                    readIndex = writeIndex - 3
                    return true
                }
                rewindLines(from: leadStart, to: start)
                return false
            }
            let stop = found ?? writeIndex
            var loc = baseLocation(at: start)
            loc.segmentIndex = segmentCounter + 1
            finding(.ta105, "022", at: loc,
                    "\(stop - start) byte(s) outside any interchange, where an ISA segment was expected; ignored.")
            countLines(from: start, to: stop)
            if found == nil {
                leading = UnsafeRawBufferPointer(start: storage + leadStart, count: stop - leadStart)
                readIndex = stop
                endOfInput()
                return true
            }
            // Keep the stray bytes as leading bytes of the ISA, so a round trip keeps them.
            return parseISA(leadStart: leadStart, at: stop)
        }
        return parseISA(leadStart: leadStart, at: start)
    }

    private func countLines(from a: Int, to b: Int) {
        var k = a
        while k < b {
            if byte(k) == 0x0A { line += 1 }
            k += 1
        }
    }

    /// Reads the ISA at `start`; the delimiters come from it by position.
    private func parseISA(leadStart: Int, at start: Int) -> Bool {
        let sep = byte(start + 3)
        // Find the sixteen element separators (tolerating an ISA that is not padded).
        var seps: [Int] = []
        seps.reserveCapacity(16)
        var k = start + 3
        let limit = min(writeIndex, start + 512)
        while k < limit && seps.count < 16 {
            if byte(k) == sep { seps.append(k) }
            k += 1
        }
        let needed = seps.count == 16 ? seps[15] + 3 : -1
        if seps.count < 16 || needed > writeIndex {
            if !finished && limit < start + 512 { rewindLines(from: leadStart, to: start); return false }
            if !finished && needed > writeIndex { rewindLines(from: leadStart, to: start); return false }
            // Broken or cut-off ISA: report and skip to the next possible ISA.
            closeOpenInterchange(at: start, because: "a new ISA")
            var loc = baseLocation(at: start)
            segmentCounter += 1
            loc.segmentIndex = segmentCounter
            loc.segmentID = "ISA"
            let code = finished && (needed > writeIndex || limit == writeIndex) ? "023" : "022"
            finding(.ta105, code, at: loc,
                    code == "023" ? "The input ends inside the ISA segment." : "The ISA segment does not have 16 elements separated by the byte at position 3.")
            readIndex = start + 3
            return true
        }
        let componentIndex = seps[15] + 1
        let termIndex = seps[15] + 2
        let component = byte(componentIndex)
        let terminator = byte(termIndex)
        if !suffixReady(after: termIndex, terminator: terminator) { rewindLines(from: leadStart, to: start); return false }
        // The new interchange starts: close anything still open.
        closeOpenInterchange(at: start, because: "the next ISA")

        var fields: [String] = []
        fields.reserveCapacity(16)
        for f in 0..<16 {
            let a = seps[f] + 1
            let b = f < 15 ? seps[f + 1] : termIndex
            fields.append(String(decoding: UnsafeRawBufferPointer(start: storage + a, count: b - a), as: UTF8.self))
        }
        let version = fields[11]
        let repByte = fields[10].utf8.count == 1 ? fields[10].utf8.first! : 0
        let hasRepetition = version >= "00501" && !repByte.isAlphanumericASCII && repByte != 0
        let delims = Delimiters(element: sep, component: component,
                                repetition: hasRepetition ? repByte : nil, segment: terminator)
        delimiters = delims
        let header = InterchangeHeader(fields: fields, delimiters: delims)
        segmentCounter += 1
        var loc = baseLocation(at: start)
        loc.segmentIndex = segmentCounter
        loc.segmentID = "ISA"
        loc.interchangeControlNumber = fields[12]
        loc.groupControlNumber = nil
        loc.transactionControlNumber = nil
        loc.segmentPosition = nil
        interchange = InterchangeState(header: header)

        checkISA(header, seps: seps.map { $0 - start }, terminatorOffset: termIndex - start, at: loc)

        leading = UnsafeRawBufferPointer(start: storage + leadStart, count: start - leadStart)
        segment = SegmentView(bytes: UnsafeRawBufferPointer(start: storage + start, count: termIndex - start), delimiters: delims)
        segmentTerminated = true
        readIndex = termIndex + 1
        _ = consumeSuffix(terminator: terminator)
        emit(.interchangeStart(header), segment: true, at: loc)
        return true
    }

    private static let fixedSeparatorOffsets = [3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103]
    private static let qualifiers: Set<String> = ["01", "14", "20", "27", "28", "29", "30", "33", "ZZ"]

    private func checkISA(_ h: InterchangeHeader, seps: [Int], terminatorOffset: Int, at loc: Location) {
        let d = h.delimiters
        if d.segment.isAlphanumericASCII || d.segment == d.element || d.segment == d.component {
            finding(.ta105, "004", at: loc.at(element: 16), "The segment terminator after ISA16 is not a valid delimiter.")
        }
        if d.element.isAlphanumericASCII {
            finding(.ta105, "026", at: loc.at(element: 1), "The element separator must not be a letter or digit.")
        }
        if d.component.isAlphanumericASCII || d.component == d.element {
            finding(.ta105, "027", at: loc.at(element: 16), value: h[16], "ISA16 is not a valid component separator.")
        }
        if seps != Self.fixedSeparatorOffsets || terminatorOffset != 105 {
            finding(.ta105, "022", .warning, at: loc,
                    "The ISA segment is not padded to its fixed width (106 characters); its fields were read by separator.")
        }
        func check(_ n: Int, _ code: String, _ ok: Bool, _ what: String) {
            if !ok { finding(.ta105, code, at: loc.at(element: n), value: h[n], what) }
        }
        check(1, "010", ["00", "03"].contains(h[1]), "ISA01 must be 00 or 03.")
        check(2, "011", h[2].utf8.count == 10, "ISA02 must be 10 characters wide.")
        check(3, "012", ["00", "01"].contains(h[3]), "ISA03 must be 00 or 01.")
        check(4, "013", h[4].utf8.count == 10, "ISA04 must be 10 characters wide.")
        check(5, "005", Self.qualifiers.contains(h[5]), "ISA05 is not a valid interchange ID qualifier.")
        check(6, "006", h[6].utf8.count == 15 && !h.senderID.allSatisfy { $0 == " " }, "ISA06 must be a sender ID padded to 15 characters.")
        check(7, "007", Self.qualifiers.contains(h[7]), "ISA07 is not a valid interchange ID qualifier.")
        check(8, "008", h[8].utf8.count == 15 && !h.receiverID.allSatisfy { $0 == " " }, "ISA08 must be a receiver ID padded to 15 characters.")
        check(9, "014", DateCheck.isValidDate(h[9]), "ISA09 is not a valid YYMMDD date.")
        check(10, "015", DateCheck.isValidTime(h[10]) && h[10].utf8.count == 4, "ISA10 is not a valid HHMM time.")
        if h[12] >= "00501" {
            check(11, "026", h[11].utf8.count == 1 && d.repetition != nil && d.repetition != d.element
                    && d.repetition != d.component && d.repetition != d.segment,
                  "ISA11 must be a repetition separator distinct from the other delimiters.")
        }
        if h[12].utf8.count != 5 || !h[12].utf8.allSatisfy(\.isDigitASCII) {
            check(12, "017", false, "ISA12 is not a valid interchange control version number.")
        } else {
            check(12, "003", h[12] == "00501", "This gateway supports interchange control version 00501 only.")
        }
        check(13, "018", h[13].utf8.count == 9 && h[13].utf8.allSatisfy(\.isDigitASCII), "ISA13 must be nine digits.")
        check(14, "019", ["0", "1"].contains(h[14]), "ISA14 must be 0 or 1.")
        check(15, "020", ["P", "T", "I"].contains(h[15]), "ISA15 must be P or T.")
    }

    /// `true` when the bytes after the terminator at `t` are there (or the input is over), so the suffix can be told.
    private func suffixReady(after t: Int, terminator: UInt8) -> Bool {
        if finished || terminator == 0x0A { return true }
        if t + 1 >= writeIndex { return false }
        if terminator != 0x0D && byte(t + 1) == 0x0D && t + 2 >= writeIndex { return false }
        return true
    }

    /// Reads the CR / LF that may follow a terminator. Returns `false` when more input is needed to tell.
    private func consumeSuffix(terminator: UInt8) -> Bool {
        suffix = .none
        if terminator == 0x0A {
            line += 1
            return true
        }
        if terminator == 0x0D {
            // A CR terminator followed by LF: the LF is the suffix.
            if readIndex >= writeIndex { if !finished { return false } else { return true } }
            if byte(readIndex) == 0x0A { suffix = .lf; readIndex += 1; line += 1 }
            return true
        }
        if readIndex >= writeIndex { return finished }
        let b = byte(readIndex)
        if b == 0x0A {
            suffix = .lf
            readIndex += 1
            line += 1
        } else if b == 0x0D {
            if readIndex + 1 >= writeIndex && !finished { return false }
            if readIndex + 1 < writeIndex && byte(readIndex + 1) == 0x0A {
                suffix = .crlf
                readIndex += 2
                line += 1
            } else {
                suffix = .cr
                readIndex += 1
            }
        }
        return true
    }

    // MARK: Segments inside an interchange

    private func readSegment(leadStart: Int, at start: Int) -> Bool {
        let d = delimiters!
        guard let t = find(d.segment, from: start) else {
            if !finished {
                if writeIndex - start > options.maxSegmentLength {
                    segmentCounter += 1
                    var loc = baseLocation(at: start)
                    loc.segmentIndex = segmentCounter
                    finding(.ta105, "024", at: loc,
                            "A segment longer than \(options.maxSegmentLength) bytes (no terminator found); skipped up to the next terminator.")
                    readIndex = writeIndex
                    discarding = true
                    return true
                }
                rewindLines(from: leadStart, to: start)
                return false
            }
            // Input over without a terminator: take the rest as a last, unterminated segment.
            leading = UnsafeRawBufferPointer(start: storage + leadStart, count: start - leadStart)
            segment = SegmentView(bytes: UnsafeRawBufferPointer(start: storage + start, count: writeIndex - start), delimiters: d)
            segmentTerminated = false
            suffix = .none
            readIndex = writeIndex
            segmentCounter += 1
            var loc = baseLocation(at: start)
            loc.segmentIndex = segmentCounter
            loc.segmentID = segment.id
            finding(.ta105, "023", at: loc, "The input ends in the middle of a segment (no segment terminator).")
            dispatch(at: start)
            return true
        }
        if !suffixReady(after: t, terminator: d.segment) {
            rewindLines(from: leadStart, to: start)
            return false
        }
        let saveLine = line
        readIndex = t + 1
        _ = consumeSuffix(terminator: d.segment)
        leading = UnsafeRawBufferPointer(start: storage + leadStart, count: start - leadStart)
        segment = SegmentView(bytes: UnsafeRawBufferPointer(start: storage + start, count: t - start), delimiters: d)
        segmentTerminated = true
        segmentCounter += 1
        dispatch(at: start, line: saveLine)
        return true
    }

    /// Classifies the current segment and runs the envelope checks.
    private func dispatch(at start: Int, line segLine: Int? = nil) {
        let seg = segment
        var loc = baseLocation(at: start)
        if let segLine { loc.line = segLine }
        loc.segmentIndex = segmentCounter
        let id = seg.idBytes
        // Envelope segments have IDs of two or three bytes; compare bytes, no string.
        if id.count == 2, id[0] == UInt8(ascii: "S"), id[1] == UInt8(ascii: "T") { return onST(loc) }
        if id.count == 2, id[0] == UInt8(ascii: "S"), id[1] == UInt8(ascii: "E") { return onSE(loc) }
        if id.count == 2, id[0] == UInt8(ascii: "G"), id[1] == UInt8(ascii: "S") { return onGS(loc) }
        if id.count == 2, id[0] == UInt8(ascii: "G"), id[1] == UInt8(ascii: "E") { return onGE(loc) }
        if id.count == 3, id[0] == UInt8(ascii: "I"), id[1] == UInt8(ascii: "E"), id[2] == UInt8(ascii: "A") { return onIEA(loc) }
        if id.count == 3, id[0] == UInt8(ascii: "T"), id[1] == UInt8(ascii: "A"), id[2] == UInt8(ascii: "1") { return onTA1(loc) }
        if transaction != nil {
            transaction!.segmentCount += 1
            loc.segmentPosition = transaction!.segmentCount
            loc.segmentID = nil
            emit(.segment, segment: true, at: loc)
            return
        }
        loc.segmentID = seg.id
        finding(.ta105, "024", at: loc, value: seg.id,
                "Segment \(seg.id) is outside any transaction set (expected ST, SE, GS, GE or IEA here).")
        emit(.segment, segment: true, at: loc)
    }

    private func closeTransaction(at loc: Location, before what: String) {
        guard let tx = transaction else { return }
        var l = loc
        l.segmentID = "SE"
        l.transactionControlNumber = tx.header.controlNumber
        l.transactionSetID = tx.header.id
        l.segmentPosition = tx.segmentCount + 1
        finding(.ik502, "2", at: l, "Transaction set \(tx.header.id) \(tx.header.controlNumber) has no SE trailer before \(what).")
        emit(.transactionEnd, segment: false, at: l)
        transaction = nil
    }

    private func closeGroup(at loc: Location, before what: String) {
        guard let g = group else { return }
        closeTransaction(at: loc, before: what)
        var l = loc
        l.segmentID = "GE"
        l.groupControlNumber = g.header.controlNumber
        l.transactionControlNumber = nil
        l.segmentPosition = nil
        finding(.ak905, "3", at: l, "Functional group \(g.header.controlNumber) has no GE trailer before \(what).")
        emit(.groupEnd, segment: false, at: l)
        group = nil
    }

    private func closeOpenInterchange(at index: Int, because what: String) {
        guard let ic = interchange else { return }
        var loc = baseLocation(at: index)
        loc.segmentIndex = segmentCounter + 1
        closeGroup(at: loc, before: what)
        loc.segmentID = "IEA"
        loc.groupControlNumber = nil
        loc.transactionControlNumber = nil
        loc.segmentPosition = nil
        finding(.ta105, "023", at: loc, "Interchange \(ic.header.controlNumber) has no IEA trailer before \(what).")
        emit(.interchangeEnd, segment: false, at: loc)
        interchange = nil
    }

    private func endOfInput() {
        closeOpenInterchange(at: readIndex, because: "the end of the input")
        let loc = baseLocation(at: readIndex)
        emit(.endOfInput, segment: false, at: loc)
        // `leading` keeps the bytes after the last segment for the end-of-input event.
        ended = true
    }

    private func elementString(_ n: Int) -> String { segment.element(n).string }

    private func onST(_ location: Location) {
        var loc = location
        loc.segmentID = "ST"
        closeTransaction(at: loc, before: "the next ST")
        let header = TransactionHeader(id: elementString(1), controlNumber: elementString(2),
                                       implementationReference: segment.element(3).isEmpty ? nil : elementString(3))
        transaction = TransactionState(header: header)
        loc.transactionControlNumber = header.controlNumber
        loc.transactionSetID = header.id
        loc.segmentPosition = 1
        if group == nil {
            finding(.ik502, "18", at: loc, "Transaction set \(header.id) \(header.controlNumber) is not inside a functional group (no GS).")
        } else {
            group!.transactionCount += 1
            if !group!.transactionControlNumbers.insert(header.controlNumber).inserted {
                finding(.ik502, "23", at: loc.at(element: 2), value: header.controlNumber,
                        "ST02 \(header.controlNumber) is used twice in functional group \(group!.header.controlNumber).")
            }
        }
        let c = header.controlNumber.utf8.count
        if c < 4 || c > 9 {
            finding(.ik502, "7", at: loc.at(element: 2), value: header.controlNumber, "ST02 must be 4 to 9 characters.")
        }
        if header.id.isEmpty {
            finding(.ik502, "6", at: loc.at(element: 1), "ST01 (transaction set identifier) is missing.")
        }
        emit(.transactionStart(header), segment: true, at: loc)
    }

    private func onSE(_ location: Location) {
        var loc = location
        loc.segmentID = "SE"
        guard let tx = transaction else {
            finding(.ta105, "024", at: loc, "SE without a matching ST.")
            emit(.segment, segment: true, at: loc)
            return
        }
        let count = tx.segmentCount + 1
        loc.segmentPosition = count
        let se01 = elementString(1)
        let se02 = elementString(2)
        if Int(se01) != count {
            finding(.ik502, "4", at: loc.at(element: 1), value: se01,
                    "SE01 says \(se01.isEmpty ? "nothing" : se01) but the transaction set has \(count) segments (ST and SE included).")
        }
        if se02 != tx.header.controlNumber {
            finding(.ik502, "3", at: loc.at(element: 2), value: se02,
                    "SE02 \(se02) does not match ST02 \(tx.header.controlNumber).")
        }
        emit(.transactionEnd, segment: true, at: loc)
        transaction = nil
    }

    private func onGS(_ location: Location) {
        var loc = location
        loc.segmentID = "GS"
        closeGroup(at: loc, before: "the next GS")
        let header = GroupHeader(functionalID: elementString(1), senderCode: elementString(2), receiverCode: elementString(3),
                                 date: elementString(4), time: elementString(5), controlNumber: elementString(6),
                                 agency: elementString(7), version: elementString(8))
        group = GroupState(header: header)
        loc.groupControlNumber = header.controlNumber
        loc.transactionControlNumber = nil
        loc.segmentPosition = nil
        interchange!.groupCount += 1
        if !interchange!.groupControlNumbers.insert(header.controlNumber).inserted {
            finding(.ak905, "19", at: loc.at(element: 6), value: header.controlNumber,
                    "GS06 \(header.controlNumber) is used twice in interchange \(interchange!.header.controlNumber).")
        }
        if header.controlNumber.isEmpty || header.controlNumber.utf8.count > 9 || !header.controlNumber.utf8.allSatisfy(\.isDigitASCII) {
            finding(.ak905, "6", at: loc.at(element: 6), value: header.controlNumber, "GS06 must be a number of 1 to 9 digits.")
        }
        if !DateCheck.isValidDate(header.date) || header.date.utf8.count != 8 {
            finding(.ik403, "8", at: loc.at(element: 4), value: header.date, "GS04 is not a valid CCYYMMDD date.")
        }
        if !DateCheck.isValidTime(header.time) {
            finding(.ik403, "9", at: loc.at(element: 5), value: header.time, "GS05 is not a valid time.")
        }
        emit(.groupStart(header), segment: true, at: loc)
    }

    private func onGE(_ location: Location) {
        var loc = location
        loc.segmentID = "GE"
        closeTransaction(at: loc, before: "GE")
        loc.transactionControlNumber = nil
        loc.transactionSetID = nil
        loc.segmentPosition = nil
        guard let g = group else {
            finding(.ta105, "024", at: loc, "GE without a matching GS.")
            emit(.segment, segment: true, at: loc)
            return
        }
        let ge01 = elementString(1)
        let ge02 = elementString(2)
        if Int(ge02) == nil || Int(ge02) != Int(g.header.controlNumber) {
            finding(.ak905, "4", at: loc.at(element: 2), value: ge02, "GE02 \(ge02) does not match GS06 \(g.header.controlNumber).")
        }
        if Int(ge01) != g.transactionCount {
            finding(.ak905, "5", at: loc.at(element: 1), value: ge01,
                    "GE01 says \(ge01.isEmpty ? "nothing" : ge01) but the group holds \(g.transactionCount) transaction set(s).")
        }
        emit(.groupEnd, segment: true, at: loc)
        group = nil
    }

    private func onIEA(_ location: Location) {
        var loc = location
        loc.segmentID = "IEA"
        closeGroup(at: loc, before: "IEA")
        loc.groupControlNumber = nil
        loc.transactionControlNumber = nil
        loc.transactionSetID = nil
        loc.segmentPosition = nil
        let ic = interchange!
        let iea01 = elementString(1)
        let iea02 = elementString(2)
        if iea02 != ic.header.controlNumber {
            finding(.ta105, "001", at: loc.at(element: 2), value: iea02,
                    "IEA02 \(iea02) does not match ISA13 \(ic.header.controlNumber).")
        }
        if Int(iea01) != ic.groupCount {
            finding(.ta105, "021", at: loc.at(element: 1), value: iea01,
                    "IEA01 says \(iea01.isEmpty ? "nothing" : iea01) but the interchange holds \(ic.groupCount) functional group(s).")
        }
        emit(.interchangeEnd, segment: true, at: loc)
        interchange = nil
    }

    private func onTA1(_ location: Location) {
        var loc = location
        loc.segmentID = "TA1"
        if group != nil || transaction != nil {
            finding(.ta105, "024", at: loc, "A TA1 segment must come between ISA and the first GS.")
        }
        emit(.interchangeAcknowledgment, segment: true, at: loc)
    }
}
