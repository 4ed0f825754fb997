import X12

/// Copies reader segments into owned ``Segment``s with fewer allocations than `SegmentView.copy()`: an empty
/// element is the shared `Element.empty`, and short simple values (qualifiers and codes, up to 7 bytes) are
/// shared `Element`s from a small cache. The result is equal to `copy()`.
struct SegmentCopier {
    private var cache: [UInt64: Element] = [:]
    private static let cacheLimit = 4096

    init() { cache.reserveCapacity(Self.cacheLimit) }

    mutating func copy(_ view: SegmentView) -> Segment {
        if view.hasID("ISA") { return view.copy() }
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
            if let hit = cache[key] {
                elements.append(hit)
                return
            }
            if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            let made = Element(e.string)
            cache[key] = made
            elements.append(made)
        }
        return Segment(view.id, elements)
    }
}
