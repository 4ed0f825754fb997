#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import X12

/// Copies reader segments into owned ``Segment``s with fewer allocations than `SegmentView.copy()`: an empty
/// element is the shared `Element.empty`, and short simple values (qualifiers and codes, up to 7 bytes) are
/// shared `Element`s from a small direct-mapped cache (1,024 slots, a colliding value replaces the old one).
/// Whole segments of up to 96 bytes that come again (a payer's name loop, a common benefit line) are shared
/// from a second direct-mapped cache (512 slots), compared byte for byte. The result is equal to `copy()`.
struct SegmentCopier {
    private static let slots = 1024
    private var keys = [UInt64](repeating: 0, count: slots)
    private var values = [Element](repeating: .empty, count: slots)
    private static let segmentSlots = 512
    private static let segmentMax = 96
    private var segmentBytes = [[UInt8]](repeating: [], count: segmentSlots)
    private var segments = [Segment?](repeating: nil, count: segmentSlots)
    /// The delimiters the cached segments were read with (the cache is emptied when they change).
    private var segmentDelimiters: Delimiters?
    /// Segment IDs seen (2 or 3 bytes), by packed bytes: no `String` decoding per segment.
    private var ids: [(key: UInt32, id: String)] = []

    init() {}

    mutating func copy(_ view: SegmentView) -> Segment {
        if view.hasID("ISA") { return view.copy() }
        let b = view.bytes
        guard b.count <= Self.segmentMax, b.count > 0 else { return build(view) }
        if segmentDelimiters != view.delimiters {
            segmentDelimiters = view.delimiters
            for i in segments.indices { segments[i] = nil; segmentBytes[i] = [] }
        }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325   // FNV-1a
        for c in b { h = (h ^ UInt64(c)) &* 0x100_0000_01B3 }
        let slot = Int(truncatingIfNeeded: h >> 55)   // 9 bits
        if let hit = segments[slot],
           segmentBytes[slot].withUnsafeBytes({ $0.count == b.count && memcmp($0.baseAddress!, b.baseAddress!, b.count) == 0 }) {
            return hit
        }
        let made = build(view)
        segments[slot] = made
        segmentBytes[slot] = Array(b)
        return made
    }

    private mutating func build(_ view: SegmentView) -> Segment {
        let d = view.delimiters
        var elements: [Element] = []
        elements.reserveCapacity(view.elementCount)
        view.forEachElement { _, e in
            let b = e.bytes
            if b.isEmpty {
                elements.append(.empty)
                return
            }
            var simple = true
            for c in b where c == d.component || c == d.repetition {
                simple = false
                break
            }
            guard simple else {
                var reps: [[String]] = []
                let repParts = d.repetition.map { r in e.contains(r) ? e.repetitions : [e] } ?? [e]
                for rep in repParts {
                    reps.append(rep.contains(d.component) ? rep.components.map(\.string) : [rep.string])
                }
                elements.append(Element(repetitions: reps))
                return
            }
            guard b.count <= 7 else {
                elements.append(Element(e.string))
                return
            }
            var key = UInt64(b.count) << 56
            for (i, c) in b.enumerated() { key |= UInt64(c) << (UInt64(i) * 8) }
            let slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54)   // 10 bits
            if keys[slot] == key {
                elements.append(values[slot])
                return
            }
            let made = Element(e.string)
            keys[slot] = key
            values[slot] = made
            elements.append(made)
        }
        return Segment(id(view), elements)
    }

    private mutating func id(_ view: SegmentView) -> String {
        let b = view.idBytes
        guard b.count <= 3 else { return view.id }
        var key = UInt32(b.count) << 24
        for (i, c) in b.enumerated() { key |= UInt32(c) << (UInt32(i) * 8) }
        for e in ids where e.key == key { return e.id }
        let id = view.id
        if ids.count < 64 { ids.append((key, id)) }
        return id
    }
}
