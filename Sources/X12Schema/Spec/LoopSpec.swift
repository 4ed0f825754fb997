/// A loop of a guide (or the whole transaction set, the root): its IDs, usage, repeat and ordered children.
///
/// Immutable once loaded; shared freely between threads.
public final class LoopSpec: Sendable {
    /// One entry of a loop, in the guide's order.
    public enum Child: Sendable {
        /// A segment at this place.
        case segment(SegmentSpec)
        /// A nested loop.
        case loop(LoopSpec)

        /// The segment that starts this child (the segment itself, or the loop's first segment).
        public var leadingSegment: SegmentSpec {
            switch self {
            case .segment(let s): return s
            case .loop(let l): return l.leadingSegment
            }
        }

        /// Usage of the child.
        public var usage: Usage {
            switch self {
            case .segment(let s): return s.usage
            case .loop(let l): return l.usage
            }
        }
    }

    /// The guide's loop ID (`2100C`); the transaction set ID (`270`) for the root.
    public let id: String
    /// The base standard's loop ID, at most 4 characters (`2100`); empty for the root (IK303 not sent).
    public let standardID: String
    /// The loop's name.
    public let name: String
    /// Usage.
    public let usage: Usage
    /// The most times the loop may repeat at its place (`Int.max` = unbounded).
    public let maxRepeat: Int
    /// Segments and loops, in order; the first is a segment that starts the loop.
    public let children: [Child]
    /// Groups of members (segment tags or loop IDs) that occur all together or not at all.
    public let together: [[String]]
    /// `true` for an HL loop whose place is given by the HL tree (found at any position of its parent).
    public let isHierarchical: Bool
    /// The HL03 code that opens this loop, when it is hierarchical.
    public let levelCode: String?
    /// ``together`` resolved to child indices (members not found are left out).
    public let togetherIndices: [[Int]]

    /// Creates a loop.
    public init(id: String, standardID: String, name: String, usage: Usage, maxRepeat: Int, children: [Child],
                together: [[String]] = [], isHierarchical: Bool = false, levelCode: String? = nil) {
        self.id = id
        self.standardID = standardID
        self.name = name
        self.usage = usage
        self.maxRepeat = maxRepeat
        self.children = children
        self.together = together
        self.isHierarchical = isHierarchical
        self.levelCode = levelCode
        togetherIndices = together.map { group in
            group.compactMap { m in
                children.firstIndex { c in
                    switch c {
                    case .segment(let s): return s.tag == m
                    case .loop(let l): return l.id == m
                    }
                }
            }
        }
    }

    /// The segment that starts the loop.
    public var leadingSegment: SegmentSpec { children[0].leadingSegment }

    /// This loop and every loop inside it, depth first.
    public var allLoops: [LoopSpec] {
        var out: [LoopSpec] = [self]
        for c in children { if case .loop(let l) = c { out += l.allLoops } }
        return out
    }

    /// The loop with guide ID `id` in this subtree.
    public func loop(id: String) -> LoopSpec? { allLoops.first { $0.id == id } }
}
