import X12

/// The segments of one transaction set copied into one reusable byte buffer with a small index, so that the
/// mapping reads ``RawSegment`` views instead of an owned ``X12/Segment`` per segment.
///
/// Filled from a reader's ``X12/SegmentView``s (the bytes are copied as they are, with the interchange's
/// delimiters) or from owned segments (written with separators that none of their values contain). The
/// arrays keep their capacity across ``reset(delimiters:)``: memory stays flat over a file.
struct TransactionBuffer {
    /// One segment's place in the index.
    struct Slot {
        /// The packed ID.
        var id: SegmentID
        /// Where the segment's entries in ``starts`` begin.
        var first: Int32
        /// The number of elements after the ID.
        var count: Int32
    }

    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int32] = []
    private(set) var slots: [Slot] = []
    private(set) var elementSeparator: UInt8 = 0x2A
    private(set) var componentSeparator: UInt8 = 0x3A
    private(set) var repetitionSeparator: UInt8?

    init() {}

    /// Empties the buffer (keeping its capacity) for a transaction read with `delimiters`.
    mutating func reset(delimiters: Delimiters) {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
        elementSeparator = delimiters.element
        componentSeparator = delimiters.component
        repetitionSeparator = delimiters.repetition
    }

    /// The number of segments.
    var count: Int { slots.count }

    /// Appends a segment read with the delimiters given to ``reset(delimiters:)``.
    mutating func append(_ view: SegmentView) {
        let b = view.bytes
        let offset = bytes.count
        let first = starts.count
        let sep = elementSeparator
        bytes.append(contentsOf: b)
        starts.append(Int32(truncatingIfNeeded: offset))
        var idEnd = b.count
        var n = 0
        for i in 0..<b.count where b[i] == sep {
            if n == 0 { idEnd = i }
            starts.append(Int32(truncatingIfNeeded: offset + i + 1))
            n += 1
        }
        starts.append(Int32(truncatingIfNeeded: offset + b.count + 1))
        slots.append(Slot(id: SegmentID(bytes: UnsafeRawBufferPointer(rebasing: b[0..<idEnd])), first: Int32(first),
                          count: Int32(n)))
    }

    /// Fills the buffer with owned segments, written with control characters as separators (others when a
    /// value holds one of them), so that every element, repetition and component reads back as it was.
    mutating func fill(_ segments: [Segment]) {
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

    private mutating func append(_ s: Segment, seen: inout Set<UInt8>) {
        let first = starts.count
        starts.append(Int32(truncatingIfNeeded: bytes.count))
        bytes.append(contentsOf: s.id.utf8)
        for e in s.elements {
            bytes.append(elementSeparator)
            starts.append(Int32(truncatingIfNeeded: bytes.count))
            for (r, rep) in e.repetitions.enumerated() {
                if r > 0 { bytes.append(repetitionSeparator!) }
                for (c, v) in rep.enumerated() {
                    if c > 0 { bytes.append(componentSeparator) }
                    for b in v.utf8 where b < 0x20 || b > 0x7E { seen.insert(b) }
                    bytes.append(contentsOf: v.utf8)
                }
            }
        }
        starts.append(Int32(truncatingIfNeeded: bytes.count + 1))
        slots.append(Slot(id: SegmentID(s.id), first: Int32(first), count: Int32(s.elements.count)))
    }

    /// Calls `body` with a cursor over the segments, a last SE left out (valid only inside `body`).
    func withCursor<R>(_ body: (inout SegmentCursor) throws(MappingError) -> R) throws(MappingError) -> R {
        let result: Result<R, MappingError> = bytes.withUnsafeBytes { b in
            starts.withUnsafeBufferPointer { st in
                slots.withUnsafeBufferPointer { all in
                    let sl = all.last?.id == "SE" ? UnsafeBufferPointer(rebasing: all.dropLast()) : all
                    var c = SegmentCursor(base: b.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, starts: st.baseAddress ?? UnsafePointer(bitPattern: 4)!,
                                          slots: sl, component: componentSeparator, repetition: repetitionSeparator)
                    do throws(MappingError) { return .success(try body(&c)) } catch { return .failure(error) }
                }
            }
        }
        return try result.get()
    }
}
