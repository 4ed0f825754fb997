#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The incremental X12 decoder: feed it bytes in chunks of any size, pull envelope and segment events.
///
/// It holds the unread bytes plus at most one segment (bounded by ``Options/maxSegmentLength``), so memory
/// stays flat whatever the input size. Segments are views into its buffer: no allocation per segment.
/// Where chunk boundaries fall never changes the events, their locations or their findings.
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
        /// The longest segment accepted; a longer one is reported (TA105 024) and skipped. It also bounds the
        /// blank or stray bytes kept between segments, so memory stays flat on any input.
        public var maxSegmentLength: Int
        /// Initial buffer size.
        public var initialCapacity: Int

        /// Creates options.
        public init(maxSegmentLength: Int = 1 << 20, initialCapacity: Int = 256 << 10) {
            self.maxSegmentLength = maxSegmentLength
            self.initialCapacity = initialCapacity
        }
    }

    struct Pending {
        var event: X12Event
        var attachesSegment: Bool
        var location: Location
    }

    struct InterchangeState {
        var header: InterchangeHeader
    }

    struct GroupState {
        var header: GroupHeader
    }

    struct TransactionState {
        var header: TransactionHeader
    }

    /// Bytes outside any interchange that are being skipped (reported once, when they start).
    struct Stray {
        /// Absolute offset where the search for the next ISA resumes.
        var scanFrom: Int
        /// Line at `scanFrom`.
        var scanLine: Int
        /// Absolute offset of the first stray byte.
        var start: Int
        /// More than ``Options/maxSegmentLength`` stray bytes: none of them is kept as `leading`.
        var dropped = false
    }

    /// What one production step did.
    enum Step {
        case needInput
        case queued
        case fastSegment
        /// An envelope event without findings, returned without the queue (its location is built on demand).
        case direct(X12Event)
    }

    // MARK: Buffer
    // The decoder is used from one thread at a time and its stored properties are only touched by short, plain
    // accesses, so the dynamic exclusivity checks are turned off: they cost more than the rest of the hot path.

    @usableFromInline @exclusivity(unchecked) var storage: UnsafeMutableRawPointer
    @usableFromInline @exclusivity(unchecked) var capacity: Int
    @usableFromInline @exclusivity(unchecked) var readIndex = 0
    @usableFromInline @exclusivity(unchecked) var writeIndex = 0
    /// Absolute stream offset of `storage[0]`.
    @usableFromInline @exclusivity(unchecked) var baseOffset = 0
    @exclusivity(unchecked) var finished = false
    @exclusivity(unchecked) var ended = false
    /// Skipping an over-long segment up to its terminator.
    @exclusivity(unchecked) var discarding = false
    @exclusivity(unchecked) var stray: Stray?
    /// A run of blank bytes longer than ``Options/maxSegmentLength`` was dropped: the next `leading` is empty.
    @exclusivity(unchecked) var blankDropped = false
    /// Absolute offset where the search for the current segment's terminator resumes (after a need-more).
    @usableFromInline @exclusivity(unchecked) var searchFrom = 0

    // MARK: Position and envelope state

    @usableFromInline let options: Options
    /// Line at `readIndex`.
    @usableFromInline @exclusivity(unchecked) var line = 1
    @usableFromInline @exclusivity(unchecked) var segmentCounter = 0
    @exclusivity(unchecked) var _delimiters: Delimiters?
    /// The delimiters of the current (or last) interchange.
    public var delimiters: Delimiters? { _delimiters }
    @exclusivity(unchecked) var interchange: InterchangeState? { didSet { inInterchange = interchange != nil } }
    @exclusivity(unchecked) var group: GroupState? { didSet { inGroup = group != nil } }
    @exclusivity(unchecked) var transaction: TransactionState? { didSet { inTransaction = transaction != nil } }
    // The same as `x != nil` above, read on the hot path without touching the headers.
    @exclusivity(unchecked) var inInterchange = false
    @exclusivity(unchecked) var inGroup = false
    @exclusivity(unchecked) var inTransaction = false
    /// Segments so far in the open transaction set, ST included.
    @usableFromInline @exclusivity(unchecked) var transactionSegmentCount = 0
    /// Groups so far in the open interchange, and their GS06 values (kept apart from the headers so that they
    /// are mutated in place, never copied; numbered groups are a run, not one string each).
    @exclusivity(unchecked) var groupCount = 0
    @exclusivity(unchecked) var groupControlNumbers = UniqueControlNumbers()
    /// Transaction sets so far in the open group, and their ST02 values.
    @exclusivity(unchecked) var transactionCount = 0
    @exclusivity(unchecked) var transactionControlNumbers = UniqueControlNumbers()
    /// The SE just returned closes its transaction set when the next event is produced, so that its location
    /// (built on demand) still has the transaction's context.
    @exclusivity(unchecked) var closeTransactionPending = false
    /// The segment ID of a direct envelope event, for its location: 0 none, 1 ST, 2 SE (no String on the hot path,
    /// so nothing to retain or release per segment).
    @usableFromInline @exclusivity(unchecked) var fastSegmentKind: UInt8 = 0
    /// Which fast path the next call to ``next()`` may take: 0 none (slow path only), 1 inside a transaction set
    /// (a plain segment or its SE), 2 right after an SE returned directly (the next ST). Nothing is queued or
    /// pending in either case. Recomputed whenever the slow path or an envelope fast path returns.
    @usableFromInline @exclusivity(unchecked) var hotState: UInt8 = 0
    /// The delimiters of the open interchange, unwrapped, while ``hotState`` is not 0.
    @usableFromInline @exclusivity(unchecked) var hotDelimiters = Delimiters.standard

    /// The last ST01 and ST03 strings with their bytes: senders repeat them set after set, so the String is
    /// reused instead of decoded again.
    @exclusivity(unchecked) var stStringCache = (StringCache(), StringCache())
    /// The open set's ST02 bytes (two little-endian words) when they are 1 to 15 ASCII bytes, and their count;
    /// -1 otherwise (SE02 is then compared with the header's String). See ``transactionControlNumber(_:)``.
    @exclusivity(unchecked) var st02Words: (UInt64, UInt64) = (0, 0)
    @exclusivity(unchecked) var st02Count = -1
    /// ``SmallASCIIString/layoutHolds``, read once (a global costs a call per read).
    let makesSmallASCII = SmallASCIIString.layoutHolds

    @exclusivity(unchecked) var queue: [Pending] = []
    @exclusivity(unchecked) var queueHead = 0

    // MARK: Current event

    // Stored privately, read through the public getters: the optimizer then sees every access to them and
    // drops the dynamic exclusivity checks on the hot path.
    @usableFromInline @exclusivity(unchecked) var _segment = SegmentView(bytes: UnsafeRawBufferPointer(start: nil, count: 0), delimiters: .standard)
    @usableFromInline @exclusivity(unchecked) var _hasSegment = false
    @usableFromInline @exclusivity(unchecked) var _segmentTerminated = true
    @usableFromInline @exclusivity(unchecked) var _leading = UnsafeRawBufferPointer(start: nil, count: 0)
    @usableFromInline @exclusivity(unchecked) var _suffix: SegmentSuffix = .none

    /// The segment of the last event, when ``hasSegment`` is `true`.
    @inlinable public var segment: SegmentView { _segment }
    /// `false` for events made up by the reader (an end for a missing trailer, findings, end of input).
    public var hasSegment: Bool { _hasSegment }
    /// `false` when the segment ended at end of input without its terminator.
    public var segmentTerminated: Bool { _segmentTerminated }
    /// Bytes skipped before this segment (blank lines, a byte-order mark, stray bytes between interchanges).
    public var leading: UnsafeRawBufferPointer { _leading }
    /// What followed the segment's terminator.
    public var suffix: SegmentSuffix { _suffix }

    // The location of the last event: stored for queued events, built on demand for plain segments.
    @exclusivity(unchecked) var queuedLocation = Location(byteOffset: 0, line: 1, segmentIndex: 0)
    @usableFromInline @exclusivity(unchecked) var locationIsFast = false
    @usableFromInline @exclusivity(unchecked) var fastOffset = 0
    @usableFromInline @exclusivity(unchecked) var fastLine = 1
    @usableFromInline @exclusivity(unchecked) var fastIndex = 0
    @usableFromInline @exclusivity(unchecked) var fastPosition = 0

    /// Where the last event is.
    ///
    /// For a plain segment this is built when asked for (the hot path only keeps integers), from the envelope
    /// state that holds until the next call to ``next()``.
    public var location: Location {
        guard locationIsFast else { return queuedLocation }
        return Location(byteOffset: fastOffset, line: fastLine, segmentIndex: fastIndex,
                        interchangeControlNumber: interchange?.header.controlNumber,
                        groupControlNumber: group?.header.controlNumber,
                        transactionControlNumber: transaction?.header.controlNumber,
                        transactionSetID: transaction?.header.id,
                        segmentPosition: fastPosition,
                        segmentID: fastSegmentKind == 0 ? nil : fastSegmentKind == 1 ? "ST" : "SE")
    }

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
        if readIndex > 0 && capacity - writeIndex < minimum {
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
    ///
    /// Inlined into the caller for a plain segment inside a transaction set (no call, and the caller sees
    /// that the event is ``X12Event/segment``); everything else is one call away.
    @inlinable @inline(__always)
    public func next() -> X12Event? {
        if hotState == 1, fastNext(plainOnly: true) != nil { return .segment }
        return nextOutOfLine()
    }

    /// Everything ``next()`` does but a plain segment: the ST and SE fast path, then the slow path.
    @usableFromInline @inline(never)
    func nextOutOfLine() -> X12Event? {
        if hotState != 0, let event = fastNext(plainOnly: false) { return event }
        let event = slowNext()
        updateHotState()
        return event
    }

    @inline(__always)
    func updateHotState() {
        if inInterchange && queueHead == queue.count && !ended && !discarding && stray == nil && !blankDropped
            && searchFrom == 0 {
            hotState = closeTransactionPending ? 2 : inTransaction ? 1 : 0
            hotDelimiters = _delimiters!
        } else {
            hotState = 0
        }
    }

    /// The fast path: a segment starting right at `readIndex`, complete in the buffer (suffix included), that is
    /// a plain segment or the SE of the open transaction set (``hotState`` 1), or the ST after an SE (2). A plain
    /// segment builds no location, queues nothing, touches no String and retains nothing.
    /// Anything else (blank bytes first, another envelope segment, a segment cut by the chunk end, an over-long
    /// one) returns `nil` with the state untouched except `searchFrom`, so the slow path goes on without
    /// rescanning. The results equal the slow path's (`produce` → `readSegment` → `dispatch`).
    /// With `plainOnly` an ST or SE also returns `nil`, before any state is changed.
    @inlinable @inline(__always)
    func fastNext(plainOnly: Bool) -> X12Event? {
        let base = storage
        let start = readIndex
        let end = writeIndex
        guard start < end else { return nil }
        let b0 = base.load(fromByteOffset: start, as: UInt8.self)
        // Blank bytes (all <= 0x20) go through the slow path, and so does any `I` (ISA, IEA).
        if b0 <= 0x20 || b0 == UInt8(ascii: "I") { return nil }
        let d = hotDelimiters
        let term = d.segment
        // One scan for the terminator or an LF before it (a broken file: its lines are counted below).
        guard let first = Self.firstOf(term, 0x0A, in: base, from: start, to: end) else {
            searchFrom = baseOffset + end
            return nil
        }
        var t = first
        var lfInside = false
        if term != 0x0A && base.load(fromByteOffset: first, as: UInt8.self) == 0x0A {
            guard let hit = memchr(base + first, Int32(term), end - first) else {
                searchFrom = baseOffset + end
                return nil
            }
            t = base.distance(to: UnsafeMutableRawPointer(hit))
            lfInside = true
        }
        let n = t - start
        if n > options.maxSegmentLength { return nil }
        // 0 a plain segment, 1 ST, 2 SE; GS, GE and TA1 (and short segments) are left to the slow path.
        var kind: UInt8 = 0
        if b0 == UInt8(ascii: "S") || b0 == UInt8(ascii: "G") || b0 == UInt8(ascii: "T") {
            if n <= 3 { searchFrom = baseOffset + t; return nil }
            let sep = d.element
            let b1 = base.load(fromByteOffset: start + 1, as: UInt8.self)
            let b2 = base.load(fromByteOffset: start + 2, as: UInt8.self)
            if b2 == sep {
                if b0 == UInt8(ascii: "S") && b1 == UInt8(ascii: "T") {
                    kind = 1
                } else if b0 == UInt8(ascii: "S") && b1 == UInt8(ascii: "E") {
                    kind = 2
                } else if b0 == UInt8(ascii: "G") && (b1 == UInt8(ascii: "S") || b1 == UInt8(ascii: "E")) {
                    searchFrom = baseOffset + t
                    return nil
                }
            } else if b0 == UInt8(ascii: "T") && b1 == UInt8(ascii: "A") && b2 == UInt8(ascii: "1")
                        && base.load(fromByteOffset: start + 3, as: UInt8.self) == sep {
                searchFrom = baseOffset + t
                return nil
            }
        }
        // Only an ST right after an SE; only a plain segment or an SE inside a set.
        if (hotState == 2) != (kind == 1) { searchFrom = baseOffset + t; return nil }
        if plainOnly && kind != 0 { return nil }
        let segLine = line
        var next = t + 1
        var l = segLine
        var sfx = SegmentSuffix.none
        if term == 0x0A {
            l += 1
        } else {
            // Two bytes after the terminator tell every suffix apart, whatever comes later.
            if next + 1 >= end { searchFrom = baseOffset + t; return nil }
            let c = base.load(fromByteOffset: next, as: UInt8.self)
            if c == 0x0A {
                sfx = .lf; next += 1; l += 1
            } else if c == 0x0D && term != 0x0D {
                if base.load(fromByteOffset: next + 1, as: UInt8.self) == 0x0A {
                    sfx = .crlf; next += 2; l += 1
                } else {
                    sfx = .cr; next += 1
                }
            }
            // LF bytes inside the segment (a broken file) still count as lines.
            if lfInside { l += countLines(from: start, to: t) }
        }
        let index = segmentCounter + 1
        _leading = UnsafeRawBufferPointer(start: base + start, count: 0)
        _segment = SegmentView(bytes: UnsafeRawBufferPointer(start: base + start, count: n), delimiters: d)
        _segmentTerminated = true
        _suffix = sfx
        segmentCounter = index
        readIndex = next
        line = l
        if kind == 0 {
            let position = transactionSegmentCount + 1
            transactionSegmentCount = position
            _hasSegment = true
            locationIsFast = true
            fastOffset = baseOffset + start
            fastLine = segLine
            fastIndex = index
            fastPosition = position
            fastSegmentKind = 0
            return .segment
        }
        return envelopeEvent(kind, start, segLine)
    }

    /// The ST or SE of the fast path, through the same checks as the slow path.
    @usableFromInline @inline(never)
    func envelopeEvent(_ kind: UInt8, _ start: Int, _ segLine: Int) -> X12Event? {
        let step: Step
        if kind == 1 {
            // What `produce` does first after an SE.
            closeTransactionPending = false
            transaction = nil
            transactionSegmentCount = 0
            step = onST(start, segLine)
        } else {
            step = onSE(start, segLine)
        }
        let event: X12Event?
        switch step {
        case .direct(let e):
            _hasSegment = true
            locationIsFast = true
            event = e
        case .queued where queueHead < queue.count:
            event = dequeue()
        default:
            // Not reached (ST and SE always give an event); the slow path would go on producing.
            event = slowNext()
        }
        updateHotState()
        return event
    }

    /// Everything but the fast path.
    @inline(never)
    func slowNext() -> X12Event? {
        if queueHead < queue.count { return dequeue() }
        if ended { return nil }
        while true {
            switch produce() {
            case .fastSegment:
                _hasSegment = true
                locationIsFast = true
                return .segment
            case .direct(let event):
                _hasSegment = true
                locationIsFast = true
                return event
            case .queued:
                if queueHead < queue.count { return dequeue() }
            case .needInput:
                return queueHead < queue.count ? dequeue() : nil
            }
        }
    }

    func dequeue() -> X12Event {
        let p = queue[queueHead]
        queueHead += 1
        if queueHead == queue.count {
            queue.removeAll(keepingCapacity: true)
            queueHead = 0
        }
        _hasSegment = p.attachesSegment
        locationIsFast = false
        queuedLocation = p.location
        return p.event
    }

    func emit(_ event: X12Event, segment attaches: Bool, at location: Location) {
        queue.append(Pending(event: event, attachesSegment: attaches, location: location))
    }

    func finding(_ family: FindingCode.Family, _ code: String, _ severity: Finding.Severity = .error,
                 at loc: Location, value: String? = nil, _ message: String) {
        emit(.finding(Finding(code: FindingCode(family, code), severity: severity, location: loc, value: value, message: message)),
             segment: false, at: loc)
    }

    @inline(__always) func byte(_ i: Int) -> UInt8 { storage.load(fromByteOffset: i, as: UInt8.self) }

    @inline(__always) func isBlank(_ b: UInt8) -> Bool {
        b == 0x0A || b == 0x0D || b == 0x20 || b == 0x09
    }

    /// The index of the first `b` in `[from, writeIndex)`.
    @inline(__always) func find(_ b: UInt8, from start: Int) -> Int? {
        guard start < writeIndex else { return nil }
        guard let p = memchr(storage + start, Int32(b), writeIndex - start) else { return nil }
        return storage.distance(to: UnsafeMutableRawPointer(p))
    }

    /// The number of LF bytes in `[a, b)`.
    @usableFromInline func countLines(from a: Int, to b: Int) -> Int {
        var n = 0
        var k = a
        while k < b, let p = memchr(storage + k, 0x0A, b - k) {
            n += 1
            k = storage.distance(to: UnsafeMutableRawPointer(p)) + 1
        }
        return n
    }

    /// A location with the envelope context of the current state.
    func baseLocation(at index: Int, line: Int, segmentIndex: Int) -> Location {
        Location(byteOffset: baseOffset + index, line: line, segmentIndex: segmentIndex,
                 interchangeControlNumber: interchange?.header.controlNumber,
                 groupControlNumber: group?.header.controlNumber,
                 transactionControlNumber: transaction?.header.controlNumber,
                 transactionSetID: transaction?.header.id,
                 segmentPosition: inTransaction ? transactionSegmentCount : nil)
    }

    // MARK: Production

    /// Produces the next event(s): either a plain segment on the fast path, or events into the queue.
    /// A step that needs more input consumes nothing and emits nothing.
    func produce() -> Step {
        if closeTransactionPending {
            closeTransactionPending = false
            transaction = nil
            transactionSegmentCount = 0
        }
        if discarding, !skipDiscarded() { return .needInput }
        if let s = stray { return continueStray(s) }
        // Skip blank bytes between segments; they become the next segment's `leading`.
        let leadStart = readIndex
        let end = writeIndex
        let base = storage
        var i = readIndex
        var l = line
        while i < end {
            let b = base.load(fromByteOffset: i, as: UInt8.self)
            if isBlank(b) {
                if b == 0x0A { l += 1 }
                i += 1
            } else if !inInterchange, b == 0xEF {
                if i + 2 >= writeIndex && !finished { return .needInput }
                guard i + 2 < writeIndex, byte(i + 1) == 0xBB, byte(i + 2) == 0xBF else { break }
                i += 3
            } else {
                break
            }
        }
        if i == writeIndex {
            if !finished {
                // Keep the blank bytes (bounded) so that a round trip has them.
                if i - leadStart > options.maxSegmentLength { readIndex = i; line = l; blankDropped = true }
                return .needInput
            }
            let kept = blankDropped || i - leadStart > options.maxSegmentLength ? i : leadStart
            blankDropped = false
            _leading = UnsafeRawBufferPointer(start: storage + kept, count: i - kept)
            readIndex = i
            line = l
            endOfInput()
            return .queued
        }
        if i + 4 > writeIndex && !finished && !inInterchange { return .needInput }
        if blankDropped || i - leadStart > options.maxSegmentLength {
            // Blank bytes beyond the bound are not kept, whatever the chunks.
            blankDropped = false
            readIndex = i
            line = l
            return .queued
        }
        if !inInterchange {
            // Outside an interchange only an ISA may come.
            if looksLikeISA(at: i) { return parseISA(leadStart: leadStart, at: i, line: l) }
            var loc = baseLocation(at: i, line: l, segmentIndex: segmentCounter + 1)
            loc.segmentID = nil
            finding(.ta105, "022", at: loc, "Bytes outside any interchange, where an ISA segment was expected; skipped up to the next ISA.")
            stray = Stray(scanFrom: baseOffset + i + 1, scanLine: l, start: baseOffset + readIndex)
            return .queued
        }
        // Inside an interchange: a new ISA here means the IEA is missing.
        if byte(i) == UInt8(ascii: "I"), looksLikeISA(at: i) {
            return parseISA(leadStart: leadStart, at: i, line: l)
        }
        return readSegment(leadStart: leadStart, at: i, line: l)
    }

    /// `true` when an ISA starts at `i`: `ISA` followed by a byte that can be an element separator.
    func looksLikeISA(at i: Int) -> Bool {
        guard i + 3 < writeIndex else { return false }
        return byte(i) == UInt8(ascii: "I") && byte(i + 1) == UInt8(ascii: "S") && byte(i + 2) == UInt8(ascii: "A")
            && !byte(i + 3).isAlphanumericASCII && !isBlank(byte(i + 3))
    }

    /// Skips the rest of an over-long segment, up to and including its terminator.
    func skipDiscarded() -> Bool {
        let term = _delimiters?.segment ?? UInt8(ascii: "~")
        if let t = find(term, from: readIndex) {
            if term != 0x0A { line += countLines(from: readIndex, to: t) } else { line += 1 }
            readIndex = t + 1
            discarding = false
            return true
        }
        if term != 0x0A { line += countLines(from: readIndex, to: writeIndex) }
        readIndex = writeIndex
        if finished { discarding = false; return true }
        return false
    }

    /// Looks for the next ISA in bytes outside any interchange; they are kept as the ISA's `leading` bytes
    /// (up to ``Options/maxSegmentLength``).
    func continueStray(_ s: Stray) -> Step {
        var k = max(s.scanFrom - baseOffset, readIndex)
        var l = s.scanLine
        /// Drops the stray bytes before `k` when there are more than the bound (the same decision for any chunks).
        func dropIfLong() -> Bool {
            if s.dropped || baseOffset + k - s.start > options.maxSegmentLength { readIndex = k; return true }
            return false
        }
        while k + 3 < writeIndex {
            guard let p = memchr(storage + k, Int32(UInt8(ascii: "I")), writeIndex - 3 - k) else {
                l += countLines(from: k, to: writeIndex - 3)
                k = writeIndex - 3
                break
            }
            let at = storage.distance(to: UnsafeMutableRawPointer(p))
            l += countLines(from: k, to: at)
            k = at
            if looksLikeISA(at: k), k == 0 || !byte(k - 1).isAlphanumericASCII {
                let dropped = dropIfLong()
                stray = nil
                let step = parseISA(leadStart: readIndex, at: k, line: l, quiet: true)
                if case .needInput = step {
                    stray = Stray(scanFrom: baseOffset + k, scanLine: l, start: s.start, dropped: dropped)
                } else if case .queued = step, let again = stray {
                    // A broken ISA inside the stray bytes: the stray run goes on.
                    stray = Stray(scanFrom: again.scanFrom, scanLine: again.scanLine, start: s.start, dropped: dropped)
                }
                return step
            }
            k += 1
        }
        if !finished {
            stray = Stray(scanFrom: baseOffset + k, scanLine: l, start: s.start, dropped: dropIfLong())
            return .needInput
        }
        l += countLines(from: k, to: writeIndex)
        k = writeIndex
        _ = dropIfLong()
        _leading = UnsafeRawBufferPointer(start: storage + readIndex, count: writeIndex - readIndex)
        readIndex = writeIndex
        line = l
        stray = nil
        endOfInput()
        return .queued
    }

    // MARK: Segments inside an interchange

    func readSegment(leadStart: Int, at start: Int, line segLine: Int) -> Step {
        let d = _delimiters!
        let from = max(start, searchFrom - baseOffset)
        guard let t = find(d.segment, from: from) else {
            if !finished {
                if writeIndex - start > options.maxSegmentLength { return skipOverLong(at: start, line: segLine) }
                searchFrom = baseOffset + writeIndex
                return .needInput
            }
            // Input over without a terminator: take the rest as a last, unterminated segment.
            searchFrom = 0
            _leading = UnsafeRawBufferPointer(start: storage + leadStart, count: start - leadStart)
            _segment = SegmentView(bytes: UnsafeRawBufferPointer(start: storage + start, count: writeIndex - start), delimiters: d)
            _segmentTerminated = false
            _suffix = .none
            readIndex = writeIndex
            line = segLine + countLines(from: start, to: writeIndex)
            segmentCounter += 1
            var loc = baseLocation(at: start, line: segLine, segmentIndex: segmentCounter)
            loc.segmentID = _segment.id
            finding(.ta105, "023", at: loc, "The input ends in the middle of a segment (no segment terminator).")
            _ = dispatch(at: start, line: segLine, fast: false)
            return .queued
        }
        // Too long, though complete: the same finding as when it arrives in pieces.
        if t - start > options.maxSegmentLength { return skipOverLong(at: start, line: segLine) }
        // The suffix (CR, LF, CRLF) must be there to be told apart.
        let base = storage
        let writeIndex = self.writeIndex
        @inline(__always) func byte(_ i: Int) -> UInt8 { base.load(fromByteOffset: i, as: UInt8.self) }
        var next = t + 1
        var sfx = SegmentSuffix.none
        var l = segLine
        let term = d.segment
        if term == 0x0A {
            l += 1
        } else {
            if next >= writeIndex && !finished { searchFrom = baseOffset + t; return .needInput }
            if term == 0x0D {
                if next < writeIndex && byte(next) == 0x0A { sfx = .lf; next += 1; l += 1 }
            } else if next < writeIndex {
                let b = byte(next)
                if b == 0x0A {
                    sfx = .lf; next += 1; l += 1
                } else if b == 0x0D {
                    if next + 1 >= writeIndex && !finished { searchFrom = baseOffset + t; return .needInput }
                    if next + 1 < writeIndex && byte(next + 1) == 0x0A {
                        sfx = .crlf; next += 2; l += 1
                    } else {
                        sfx = .cr; next += 1
                    }
                }
            }
            // LF bytes inside the segment (a broken file) still count as lines.
            if memchr(storage + start, 0x0A, t - start) != nil { l += countLines(from: start, to: t) }
        }
        searchFrom = 0
        _leading = UnsafeRawBufferPointer(start: storage + leadStart, count: start - leadStart)
        _segment = SegmentView(bytes: UnsafeRawBufferPointer(start: storage + start, count: t - start), delimiters: d)
        _segmentTerminated = true
        _suffix = sfx
        readIndex = next
        line = l
        segmentCounter += 1
        return dispatch(at: start, line: segLine, fast: true)
    }

    /// Reports a segment longer than ``Options/maxSegmentLength`` (TA105 024) and skips it up to its terminator.
    func skipOverLong(at start: Int, line segLine: Int) -> Step {
        segmentCounter += 1
        let loc = baseLocation(at: start, line: segLine, segmentIndex: segmentCounter)
        finding(.ta105, "024", at: loc, "A segment longer than \(options.maxSegmentLength) bytes; skipped up to its terminator.")
        readIndex = start
        line = segLine
        searchFrom = 0
        discarding = true
        return .queued
    }

    /// Classifies the current segment and runs the envelope checks. A plain segment inside a transaction set
    /// takes the fast path: no location is built and nothing is queued.
    func dispatch(at start: Int, line segLine: Int, fast: Bool) -> Step {
        let p = storage + start
        let n = _segment.bytes.count
        let sep = _segment.delimiters.element
        let b0 = n > 0 ? p.load(as: UInt8.self) : 0
        if b0 == UInt8(ascii: "S") || b0 == UInt8(ascii: "G") || b0 == UInt8(ascii: "I") || b0 == UInt8(ascii: "T") {
            let b1 = n > 1 ? p.load(fromByteOffset: 1, as: UInt8.self) : 0
            let two = n == 2 || (n > 2 && p.load(fromByteOffset: 2, as: UInt8.self) == sep)
            let three = n == 3 || (n > 3 && p.load(fromByteOffset: 3, as: UInt8.self) == sep)
            let b2 = n > 2 ? p.load(fromByteOffset: 2, as: UInt8.self) : 0
            if two && b0 == UInt8(ascii: "S") && b1 == UInt8(ascii: "T") { return onST(start, segLine) }
            if two && b0 == UInt8(ascii: "S") && b1 == UInt8(ascii: "E") { return onSE(start, segLine) }
            if two && b0 == UInt8(ascii: "G") && b1 == UInt8(ascii: "S") { onGS(envelopeLocation(start, segLine)); return .queued }
            if two && b0 == UInt8(ascii: "G") && b1 == UInt8(ascii: "E") { onGE(envelopeLocation(start, segLine)); return .queued }
            if three && b0 == UInt8(ascii: "I") && b1 == UInt8(ascii: "E") && b2 == UInt8(ascii: "A") {
                onIEA(envelopeLocation(start, segLine)); return .queued
            }
            if three && b0 == UInt8(ascii: "T") && b1 == UInt8(ascii: "A") && b2 == UInt8(ascii: "1") {
                onTA1(envelopeLocation(start, segLine)); return .queued
            }
        }
        if inTransaction {
            transactionSegmentCount += 1
            if fast {
                fastOffset = baseOffset + start
                fastLine = segLine
                fastIndex = segmentCounter
                fastPosition = transactionSegmentCount
                fastSegmentKind = 0
                return .fastSegment
            }
            let loc = baseLocation(at: start, line: segLine, segmentIndex: segmentCounter)
            emit(.segment, segment: true, at: loc)
            return .queued
        }
        var loc = baseLocation(at: start, line: segLine, segmentIndex: segmentCounter)
        loc.segmentID = _segment.id
        finding(.ta105, "024", at: loc, value: _segment.id,
                "Segment \(_segment.id) is outside any transaction set (expected ST, SE, GS, GE or IEA here).")
        emit(.segment, segment: true, at: loc)
        return .queued
    }

    func envelopeLocation(_ start: Int, _ segLine: Int) -> Location {
        baseLocation(at: start, line: segLine, segmentIndex: segmentCounter)
    }

    func endOfInput() {
        closeOpenInterchange(at: readIndex, line: line, because: "the end of the input")
        let loc = baseLocation(at: readIndex, line: line, segmentIndex: segmentCounter)
        emit(.endOfInput, segment: false, at: loc)
        // `leading` keeps the bytes after the last segment for the end-of-input event.
        ended = true
    }
}
