/// A guide's loop tree flattened into index tables for the ``LoopTracker``'s hot path: loops and their children
/// are numbered, and every child is a plain ``Entry`` (packed lead tag, discriminator, usage, counts), so
/// placing a segment touches no class reference. Built once per ``GuideSpec``; immutable.
final class GuideTable: @unchecked Sendable {
    /// One child of a loop, as the tracker needs it.
    struct Entry {
        /// The packed tag of the segment that starts the child (``SegmentSpec/key(_:)``).
        var key: UInt64
        /// `true` when the segment is told from same-tag neighbours by a discriminator.
        var hasDiscriminator: Bool
        /// The discriminating element and component.
        var discriminatorElement: Int
        var discriminatorComponent: Int?
        /// The discriminator's codes (`.none` without a discriminator).
        var codes: CodeLookup
        /// `true` for a nested loop.
        var isLoop: Bool
        /// `true` for an HL loop.
        var isHierarchical: Bool
        var isRequired: Bool
        var isNotUsed: Bool
        /// Max use (a segment) or max repeat (a loop).
        var maxCount: Int
        /// The loop's index in ``loops`` when ``isLoop``.
        var loop: Int
        /// The leading segment's index in ``segments``.
        var segment: Int
    }

    /// Every loop, depth first; index 0 is the transaction set root.
    let loops: [LoopSpec]
    /// Every leading segment an entry refers to.
    let segments: [SegmentSpec]
    /// ``segments`` unretained (valid while the table lives), for the validator's per-segment path.
    let segmentRefs: UnsafeMutablePointer<Unmanaged<SegmentSpec>>
    /// Per loop: index of its first entry in ``entries``, and its child count.
    let start: UnsafeMutablePointer<Int>
    let count: UnsafeMutablePointer<Int>
    /// Per loop: `true` when it has "together" groups.
    let hasTogether: UnsafeMutablePointer<Bool>
    /// Per loop: where its "together" groups start in ``together``. The groups of a loop are laid out as
    /// `[group count, (member count, member child indices…)…]`.
    let togetherStart: UnsafeMutablePointer<Int>
    let together: UnsafeMutablePointer<Int>
    /// The children of every loop, loop after loop.
    let entries: UnsafeMutablePointer<Entry>
    private let entryCount: Int

    init(root: LoopSpec) {
        var loops: [LoopSpec] = []
        func number(_ l: LoopSpec) {
            loops.append(l)
            for c in l.children { if case .loop(let inner) = c { number(inner) } }
        }
        number(root)
        var loopIndex: [ObjectIdentifier: Int] = [:]
        for (i, l) in loops.enumerated() { loopIndex[ObjectIdentifier(l)] = i }
        var segments: [SegmentSpec] = []
        var segmentIndex: [ObjectIdentifier: Int] = [:]
        var all: [Entry] = []
        start = .allocate(capacity: loops.count)
        count = .allocate(capacity: loops.count)
        hasTogether = .allocate(capacity: loops.count)
        togetherStart = .allocate(capacity: loops.count)
        var groups: [Int] = []
        for (li, l) in loops.enumerated() {
            start[li] = all.count
            count[li] = l.children.count
            hasTogether[li] = !l.togetherIndices.isEmpty
            togetherStart[li] = groups.count
            groups.append(l.togetherIndices.count)
            for g in l.togetherIndices { groups.append(g.count); groups.append(contentsOf: g) }
            for c in l.children {
                let lead = c.leadingSegment
                let si: Int
                if let s = segmentIndex[ObjectIdentifier(lead)] { si = s } else {
                    si = segments.count
                    segments.append(lead)
                    segmentIndex[ObjectIdentifier(lead)] = si
                }
                var e = Entry(key: lead.tagKey, hasDiscriminator: false, discriminatorElement: 0, discriminatorComponent: nil, codes: .none,
                              isLoop: false, isHierarchical: false, isRequired: c.usage == .required, isNotUsed: c.usage == .notUsed,
                              maxCount: 0, loop: -1, segment: si)
                if let d = lead.discriminator, let codes = lead.discriminatorCodes {
                    e.hasDiscriminator = true
                    e.discriminatorElement = d.element
                    e.discriminatorComponent = d.component
                    e.codes = codes.lookup
                }
                switch c {
                case .segment(let s):
                    e.maxCount = s.maxUse
                case .loop(let inner):
                    e.isLoop = true
                    e.isHierarchical = inner.isHierarchical
                    e.maxCount = inner.maxRepeat
                    e.loop = loopIndex[ObjectIdentifier(inner)]!
                }
                all.append(e)
            }
        }
        together = .allocate(capacity: groups.count)
        together.initialize(from: groups, count: groups.count)
        entryCount = all.count
        entries = .allocate(capacity: max(all.count, 1))
        entries.initialize(from: all, count: all.count)
        self.loops = loops
        self.segments = segments
        segmentRefs = .allocate(capacity: max(segments.count, 1))
        for (i, s) in segments.enumerated() { (segmentRefs + i).initialize(to: .passUnretained(s)) }
    }

    deinit {
        start.deallocate()
        count.deallocate()
        hasTogether.deallocate()
        togetherStart.deallocate()
        segmentRefs.deallocate()
        together.deallocate()
        entries.deinitialize(count: entryCount)
        entries.deallocate()
    }

    /// Child `i` of loop `loop`.
    @inline(__always)
    func entry(_ loop: Int, _ i: Int) -> UnsafeMutablePointer<Entry> { entries + (start[loop] + i) }
}
