#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import X12

/// The segments of one transaction set copied into one reusable byte buffer with a small index, so that the
/// mapping reads ``RawSegment`` views instead of an owned ``X12/Segment`` per segment.
///
/// Filled from a reader's ``X12/SegmentView``s (the bytes are copied as they are, with the interchange's
/// delimiters) or from owned segments (written with separators that none of their values contain). The
/// storage is three raw, growing regions (bytes, element starts, segment slots) written through pointers —
/// no array uniqueness or capacity check per element — and is kept across ``reset(delimiters:)``: memory stays
/// flat over a file.
final class TransactionBuffer {
    /// One segment's place in the index.
    struct Slot {
        /// The packed ID.
        var id: SegmentID
        /// Where the segment's entries in the element starts begin.
        var first: Int
        /// The number of elements after the ID.
        var count: Int
    }

    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCount = 0
    private var byteCapacity: Int
    private var starts: UnsafeMutablePointer<Int>
    private var startCount = 0
    private var startCapacity: Int
    private var slots: UnsafeMutablePointer<Slot>
    private var slotCount = 0
    private var slotCapacity: Int
    private(set) var elementSeparator: UInt8 = 0x2A
    private(set) var componentSeparator: UInt8 = 0x3A
    private(set) var repetitionSeparator: UInt8?
    /// The `String`s of short values, kept across transactions (codes and names repeat through a file).
    let strings = ShortStrings.allocate()

    init() {
        byteCapacity = 4096
        bytes = .allocate(capacity: byteCapacity)
        bytes.initialize(repeating: 0, count: byteCapacity)   // the spare bytes past the end are read (and masked off)
        startCapacity = 1024
        starts = .allocate(capacity: startCapacity)
        slotCapacity = 128
        slots = .allocate(capacity: slotCapacity)
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
        slots.deallocate()
        strings.deallocate()
    }

    /// A region of at least `needed` elements holding the first `count` of `old` (which is freed), and its size.
    private static func grow<T>(_ old: UnsafeMutablePointer<T>, count: Int, capacity: Int, needed: Int) -> (UnsafeMutablePointer<T>, Int) {
        var c = capacity
        while c < needed { c *= 2 }
        let new = UnsafeMutablePointer<T>.allocate(capacity: c)
        new.moveInitialize(from: old, count: count)
        if T.self == UInt8.self {   // the spare bytes past the end are read (and masked off): no uninitialized memory
            UnsafeMutableRawPointer(new + count).initializeMemory(as: UInt8.self, repeating: 0, count: c - count)
        }
        old.deallocate()
        return (new, c)
    }

    /// Makes room for `n` more bytes, `n + 2` element starts and one slot (rarely needed: out of line, and no
    /// `inout` access to the stored properties on the common path).
    @inline(never) private func grow(bytes n: Int) {
        (bytes, byteCapacity) = Self.grow(bytes, count: byteCount, capacity: byteCapacity, needed: byteCount + n)
        (starts, startCapacity) = Self.grow(starts, count: startCount, capacity: startCapacity, needed: startCount + n + 2)
        (slots, slotCapacity) = Self.grow(slots, count: slotCount, capacity: slotCapacity, needed: slotCount + 1)
    }

    /// Empties the buffer (keeping its capacity) for a transaction read with `delimiters`.
    func reset(delimiters: Delimiters) {
        byteCount = 0
        startCount = 0
        slotCount = 0
        elementSeparator = delimiters.element
        componentSeparator = delimiters.component
        repetitionSeparator = delimiters.repetition
    }

    /// The number of segments.
    var count: Int { slotCount }

    /// Appends a segment read with the delimiters given to ``reset(delimiters:)``.
    ///
    /// One pass: each 8-byte word of the segment is loaded once, stored into the buffer and scanned for element
    /// separators (the last, partial word is the segment's last eight bytes, stored over the ones already
    /// copied, so nothing past the segment is read; a segment under eight bytes is copied byte by byte). The
    /// buffer keeps eight spare bytes, so the packed ID is read as one word.
    @inline(__always) func append(_ view: SegmentView) {
        let b = view.bytes
        let n = b.count
        if byteCount &+ n &+ 8 > byteCapacity || startCount &+ n &+ 2 > startCapacity || slotCount &+ 1 > slotCapacity {
            grow(bytes: n &+ 8)
        }
        let offset = byteCount
        let first = startCount
        let out = starts + first
        out[0] = offset
        var k = 1
        let q = UnsafeMutableRawPointer(bytes + offset)
        if let source = b.baseAddress, n > 0 {
            let pattern = UInt64(elementSeparator) &* 0x0101_0101_0101_0101
            let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            var i = 0
            while i &+ 8 <= n {
                let w = source.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                q.storeBytes(of: w, toByteOffset: i, as: UInt64.self)
                let x = UInt64(littleEndian: w) ^ pattern
                // 0x80 exactly in each byte of `x` that is zero (a separator), no false positives.
                var z = ~(((x & low7) &+ low7) | x | low7)
                while z != 0 {
                    out[k] = offset &+ i &+ (z.trailingZeroBitCount >> 3) &+ 1   // one past the separator
                    k &+= 1
                    z &= z &- 1
                }
                i &+= 8
            }
            if i < n {
                let w: UInt64
                if n >= 8 {
                    let last = source.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
                    q.storeBytes(of: last, toByteOffset: n &- 8, as: UInt64.self)
                    w = UInt64(littleEndian: last) >> UInt64((i &+ 8 &- n) &* 8)   // bytes i..<n, the rest zero
                } else {
                    var v: UInt64 = 0
                    for j in 0..<n {
                        let c = source.load(fromByteOffset: j, as: UInt8.self)
                        q.storeBytes(of: c, toByteOffset: j, as: UInt8.self)
                        v |= UInt64(c) << UInt64(j &* 8)
                    }
                    w = v
                }
                let x = w ^ pattern
                var z = ~(((x & low7) &+ low7) | x | low7)
                z &= (UInt64(1) << UInt64((n &- i) &* 8)) &- 1   // a zero separator must not match the bytes past the end
                while z != 0 {
                    out[k] = offset &+ i &+ (z.trailingZeroBitCount >> 3) &+ 1
                    k &+= 1
                    z &= z &- 1
                }
            }
        }
        let idEnd = k > 1 ? out[1] &- offset &- 1 : n
        out[k] = offset &+ n &+ 1
        byteCount = offset &+ n
        startCount = first &+ k &+ 1
        // The ID's first four bytes (or fewer) from one load: the buffer has eight bytes past the segment.
        let word = UInt32(littleEndian: UnsafeRawPointer(q).loadUnaligned(as: UInt32.self))
        let id = word & UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(min(idEnd, 4) &* 8)) &- 1)
        slots[slotCount] = Slot(id: SegmentID(raw: id), first: first, count: k &- 1)
        slotCount &+= 1
    }

    /// Fills the buffer with owned segments, written with control characters as separators (others when a
    /// value holds one of them), so that every element, repetition and component reads back as it was.
    func fill(_ segments: [Segment]) {
        var seen = Set<UInt8>()
        var d = Delimiters(element: 0x1D, component: 0x1F, repetition: 0x1E, segment: 0x1C)
        for _ in 0..<2 {
            reset(delimiters: d)
            seen.removeAll()
            for s in segments { append(s, seen: &seen) }
            guard seen.contains(d.element) || seen.contains(d.component) || seen.contains(d.repetition!) else { return }
            let free = (UInt16(0)...255).map { UInt8($0) }.filter { ($0 < 0x20 || $0 > 0x7E) && !seen.contains($0) }
            guard free.count >= 3 else { return }   // every byte value in the values: not X12 text
            d = Delimiters(element: free[0], component: free[1], repetition: free[2], segment: free.count > 3 ? free[3] : free[0])
        }
    }

    /// Writes an owned segment straight into the buffer (every element, every component, nothing trimmed) and
    /// its index entries; notes the values' control and non-ASCII bytes in `seen`.
    private func append(_ s: Segment, seen: inout Set<UInt8>) {
        var n = s.id.utf8.count
        for e in s.elements {
            n += 1 + e.repetitions.count - 1
            for rep in e.repetitions { n += max(rep.count - 1, 0) + rep.reduce(0) { $0 + $1.utf8.count } }
        }
        if byteCount + n + 8 > byteCapacity || startCount + n + 2 > startCapacity || slotCount + 1 > slotCapacity { grow(bytes: n + 8) }
        let first = startCount
        let out = starts + first
        out[0] = byteCount
        var at = byteCount
        func put(_ v: String) {
            for b in v.utf8 {
                if b < 0x20 || b > 0x7E { seen.insert(b) }
                bytes[at] = b
                at += 1
            }
        }
        put(s.id)
        for (k, e) in s.elements.enumerated() {
            bytes[at] = elementSeparator
            at += 1
            out[k + 1] = at
            for (r, rep) in e.repetitions.enumerated() {
                if r > 0 { bytes[at] = repetitionSeparator!; at += 1 }
                for (c, v) in rep.enumerated() {
                    if c > 0 { bytes[at] = componentSeparator; at += 1 }
                    put(v)
                }
            }
        }
        out[s.elements.count + 1] = at + 1
        byteCount = at
        startCount += s.elements.count + 2
        slots[slotCount] = Slot(id: SegmentID(s.id), first: first, count: s.elements.count)
        slotCount += 1
    }

    /// Calls `body` with a cursor over the segments, a last SE left out (valid only inside `body`).
    func withCursor<R>(_ body: (inout SegmentCursor) throws(MappingError) -> R) throws(MappingError) -> R {
        let all = UnsafeBufferPointer(start: slots, count: slotCount)
        let sl = all.last?.id == "SE" ? UnsafeBufferPointer(rebasing: all.dropLast()) : all
        var c = SegmentCursor(base: UnsafeRawPointer(bytes), starts: UnsafePointer(starts), slots: sl,
                              component: componentSeparator, repetition: repetitionSeparator, strings: strings)
        return try body(&c)
    }
}
