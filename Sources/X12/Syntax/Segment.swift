/// An owned segment: an ID and its elements, independent of any delimiters.
///
/// ```swift
/// let nm1 = Segment("NM1", ["IL", "1", "DOE", "JANE", "", "", "", "MI", "123456789"])
/// nm1.bytes(delimiters: .standard)   // NM1*IL*1*DOE*JANE****MI*123456789~
/// ```
public struct Segment: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The segment ID (`NM1`, `HL`, …).
    public var id: String
    /// The elements after the ID, position 1 first.
    public var elements: [Element]

    /// Creates a segment from its ID and elements.
    public init(_ id: String, _ elements: [Element]) {
        self.id = id
        self.elements = elements
    }

    /// Copies a segment out of a reader's buffer.
    ///
    /// ISA elements are kept whole (ISA11 and ISA16 are delimiters, not data).
    public init(view: SegmentView) {
        id = view.id
        var elements: [Element] = []
        let isISA = view.hasID("ISA")
        let d = view.delimiters
        view.forEachElement { _, e in
            if isISA {
                elements.append(Element(e.string))
                return
            }
            var reps: [[String]] = []
            let repParts = d.repetition.map { r in e.contains(r) ? e.repetitions : [e] } ?? [e]
            for rep in repParts {
                reps.append(rep.contains(d.component) ? rep.components.map(\.string) : [rep.string])
            }
            elements.append(Element(repetitions: reps))
        }
        self.elements = elements
    }

    /// The element at `position` (1-based), or the empty element past the end.
    public subscript(position: Int) -> Element {
        get { position >= 1 && position <= elements.count ? elements[position - 1] : .empty }
        set {
            precondition(position >= 1, "element positions start at 1")
            while elements.count < position { elements.append(.empty) }
            elements[position - 1] = newValue
        }
    }

    /// The segment's bytes with `delimiters` and its terminator.
    ///
    /// - Parameter trimTrailing: drop trailing empty elements and trailing empty components, as X12 requires.
    public func bytes(delimiters: Delimiters, trimTrailing: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        append(to: &out, delimiters: delimiters, trimTrailing: trimTrailing)
        out.append(delimiters.segment)
        return out
    }

    /// Appends the segment (without terminator) to `out`.
    public func append(to out: inout [UInt8], delimiters d: Delimiters, trimTrailing: Bool = true) {
        out.append(contentsOf: id.utf8)
        var last = elements.count
        if trimTrailing { while last > 0, elements[last - 1].isEmpty { last -= 1 } }
        for i in 0..<last {
            out.append(d.element)
            let reps = elements[i].repetitions
            for (r, rep) in reps.enumerated() {
                if r > 0 { out.append(d.repetition ?? d.component) }
                var lastComponent = rep.count
                if trimTrailing { while lastComponent > 1, rep[lastComponent - 1].isEmpty { lastComponent -= 1 } }
                for c in 0..<lastComponent {
                    if c > 0 { out.append(d.component) }
                    out.append(contentsOf: rep[c].utf8)
                }
            }
        }
    }

    /// Text with the standard delimiters and no terminator.
    public var description: String {
        var out: [UInt8] = []
        append(to: &out, delimiters: .standard, trimTrailing: false)
        return String(decoding: out, as: UTF8.self)
    }
}
