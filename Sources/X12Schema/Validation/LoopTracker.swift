import X12

/// Derives loop structure from a guide while segments stream past: feed it each segment of a transaction set
/// and it tells which guide segment that is, which loops opened and closed, and the current loop path.
///
/// This is the piece the mapping and the structural JSON/XML conversion use to get loop IDs and element names:
/// ```swift
/// let tracker = LoopTracker(guide: guide)
/// tracker.begin()                                   // after ST (position 1)
/// // for each segment after ST, with its position in the set (ST = 1):
/// if let spec = tracker.feed(segment, position: p) {
///     print(tracker.currentLoop.id, spec.name, spec.element(3)?.name ?? "")   // 2100C Subscriber Name …
/// }
/// tracker.finish(position: sePosition)
/// ```
/// ``opened`` and ``closed`` list the loops entered and left by the last ``feed(_:position:)``; ``issues`` collects
/// order and count problems (drain it with ``takeIssues()``). State is one frame per open loop: memory is bounded
/// by the depth of the guide, not by the input.
///
/// Internally the guide is read through its index tables (``GuideSpec``'s flattened loop tree) and the frames are
/// plain integers in buffers the tracker owns, so placing a segment touches no class reference and allocates nothing.
public final class LoopTracker {
    /// One open loop instance.
    public struct Frame: Sendable {
        /// The loop.
        public let loop: LoopSpec
        /// Index of the child last matched.
        public fileprivate(set) var position: Int
        /// How many times each child occurred in this instance.
        public fileprivate(set) var counts: [Int]
        fileprivate var firstPosition: [Int]
        fileprivate var lastPosition: [Int]

        fileprivate init(loop: LoopSpec, position: Int, counts: [Int], firstPosition: [Int], lastPosition: [Int]) {
            self.loop = loop
            self.position = position
            self.counts = counts
            self.firstPosition = firstPosition
            self.lastPosition = lastPosition
        }
    }

    /// The guide followed.
    public let guide: GuideSpec
    let table: GuideTable

    // Frames: loop index, position and the offset of its per-child slots (count, first, last position) in `slots`.
    @exclusivity(unchecked) private var depth = 0
    @exclusivity(unchecked) private var frameCapacity = 0
    @exclusivity(unchecked) private var frameLoop: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private var framePosition: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private var frameBase: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private var slotCapacity = 0
    // Loops opened and closed by the last feed: at most 8 opened (one match path), at most `depth` closed.
    @exclusivity(unchecked) private var openedLoops: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private var openedCount = 0
    @exclusivity(unchecked) private var closedLoops: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private var closedCount = 0

    /// The open loops, outermost (the transaction set) first.
    public var frames: [Frame] {
        (0..<depth).map { k in
            let n = table.count[frameLoop[k]]
            let b = frameBase[k]
            return Frame(loop: table.loops[frameLoop[k]], position: framePosition[k],
                         counts: (0..<n).map { slots[b + 3 * $0] }, firstPosition: (0..<n).map { slots[b + 3 * $0 + 1] },
                         lastPosition: (0..<n).map { slots[b + 3 * $0 + 2] })
        }
    }
    /// Loops opened by the last feed, outermost first.
    public var opened: [LoopSpec] { (0..<openedCount).map { table.loops[openedLoops[$0]] } }
    /// Loops closed by the last feed (or by ``finish(position:)``), innermost first.
    public var closed: [LoopSpec] { (0..<closedCount).map { table.loops[closedLoops[$0]] } }
    /// Problems found so far and not yet taken.
    @exclusivity(unchecked) public private(set) var issues: [StructureIssue] = []
    /// How deep a search may descend into a required loop whose first segment is missing (at most 7 is used).
    public var descentLimit = 2 {
        didSet { searchCache.clear() }
    }
    /// The length of the segment ID of the last segment ``place(_:position:)`` was given.
    @exclusivity(unchecked) private(set) var idLength = 0
    /// Search results by (loop, position in it, tag) for tags that no discriminator had to look at.
    @exclusivity(unchecked) private var searchCache = SearchCache()
    /// Set by ``leadMatches(_:key:segment:)`` when a child with the segment's tag has a discriminator: the
    /// search then depends on the segment's content and is not cached.
    @exclusivity(unchecked) private var searchReadContent = false
    /// The element and component (-1 for none) the first discriminator of the search read, and whether another
    /// discriminator read a different one.
    @exclusivity(unchecked) private var searchReadElement = 0
    @exclusivity(unchecked) private var searchReadComponent = 0
    @exclusivity(unchecked) private var searchReadMixed = false

    /// Creates a tracker for `guide`.
    public init(guide: GuideSpec) {
        self.guide = guide
        table = guide.table
        frameCapacity = 16
        frameLoop = .allocate(capacity: frameCapacity)
        framePosition = .allocate(capacity: frameCapacity)
        frameBase = .allocate(capacity: frameCapacity)
        slotCapacity = 256
        slots = .allocate(capacity: slotCapacity)
        openedLoops = .allocate(capacity: 16)
        closedLoops = .allocate(capacity: frameCapacity + 1)
    }

    deinit {
        frameLoop.deallocate()
        framePosition.deallocate()
        frameBase.deallocate()
        slots.deallocate()
        openedLoops.deallocate()
        closedLoops.deallocate()
        searchCache.deallocate()
    }

    /// Starts a transaction set (the ST segment is position 1).
    public func begin() {
        depth = 0
        push(loop: 0, leadingSeen: true, at: 1)
        openedLoops[0] = 0
        openedCount = 1
        closedCount = 0
        if !issues.isEmpty { issues.removeAll(keepingCapacity: true) }
    }

    /// The innermost open loop (the transaction root before the first loop).
    public var currentLoop: LoopSpec { depth > 0 ? table.loops[frameLoop[depth - 1]] : guide.root }

    /// The open loop IDs, outermost first, without the transaction root (`["2000C", "2100C"]`).
    public var loopPath: [String] { depth > 1 ? (1..<depth).map { table.loops[frameLoop[$0]].id } : [] }

    /// Returns and clears the issues found so far.
    public func takeIssues() -> [StructureIssue] {
        defer { issues.removeAll(keepingCapacity: true) }
        return issues
    }

    // MARK: Frames

    private func push(loop: Int, leadingSeen: Bool, at position: Int) {
        let n = table.count[loop]
        let base = depth == 0 ? 0 : frameBase[depth - 1] + 3 * table.count[frameLoop[depth - 1]]
        if depth == frameCapacity {
            let c = frameCapacity * 2
            frameLoop = grow(frameLoop, from: frameCapacity, to: c)
            framePosition = grow(framePosition, from: frameCapacity, to: c)
            frameBase = grow(frameBase, from: frameCapacity, to: c)
            closedLoops = grow(closedLoops, from: frameCapacity + 1, to: c + 1)
            frameCapacity = c
        }
        if base + 3 * n > slotCapacity {
            let c = max(slotCapacity * 2, base + 3 * n)
            slots = grow(slots, from: slotCapacity, to: c)
            slotCapacity = c
        }
        frameLoop[depth] = loop
        framePosition[depth] = 0
        frameBase[depth] = base
        (slots + base).update(repeating: 0, count: 3 * n)
        if leadingSeen { slots[base] = 1; slots[base + 1] = position; slots[base + 2] = position }
        depth += 1
    }

    private func grow(_ p: UnsafeMutablePointer<Int>, from old: Int, to new: Int) -> UnsafeMutablePointer<Int> {
        let q = UnsafeMutablePointer<Int>.allocate(capacity: new)
        q.update(from: p, count: old)
        p.deallocate()
        return q
    }

    @inline(__always) private func count(_ k: Int, _ i: Int) -> Int { slots[frameBase[k] + 3 * i] }

    // MARK: Feeding

    /// A direct-mapped table of search results (see ``cachedSearch(frame:key:segment:)``).
    private struct SearchCache {
        struct Entry {
            var key: UInt64
            var loop: Int
            var position: Int
            var found: Bool
            var match: Match
            /// A marker: the search reads `element`/`component`; results are in value slots.
            var discriminated = false
            var element = 0
            var component = 0
            /// A value slot: the result for one `value` of `element`/`component`.
            var isValue = false
            var value: UInt64 = 0

            init(key: UInt64, loop: Int, position: Int, found: Bool, match: Match) {
                self.key = key
                self.loop = loop
                self.position = position
                self.found = found
                self.match = match
            }

            @inline(__always)
            func result(frame k: Int) -> Match? {
                guard found else { return nil }
                var m = match
                m.frame = k
                return m
            }
        }

        /// Not a packed value (values are packed only up to seven bytes).
        static let noValue = UInt64.max

        static let size = 1024
        let entries: UnsafeMutablePointer<Entry>

        init() {
            entries = .allocate(capacity: Self.size)
            clear()
        }

        /// Forgets every result (a key of `UInt64.max` is never a packed tag).
        func clear() {
            entries.initialize(repeating: Entry(key: .max, loop: -1, position: -1, found: false,
                                                match: Match(frame: 0, index: 0, exact: false)), count: Self.size)
        }

        func deallocate() { entries.deallocate() }

        @inline(__always)
        func slot(loop: Int, position: Int, key: UInt64) -> UnsafeMutablePointer<Entry> {
            var h = key &* 0x9E37_79B9_7F4A_7C15
            h ^= UInt64(truncatingIfNeeded: loop &* 0x1F1F_1F1F ^ position &* 0x0101_0101_0101)
            h = h &* 0xBF58_476D_1CE4_E5B9
            return entries + Int(truncatingIfNeeded: (h >> 54) & UInt64(Self.size - 1))
        }

        /// The slot of the result for one value of a discriminating element.
        @inline(__always)
        func slot(loop: Int, position: Int, key: UInt64, element: Int, component: Int, value: UInt64) -> UnsafeMutablePointer<Entry> {
            slot(loop: loop, position: position, key: key ^ (value &* 0xD6E8_FEB8_6659_FD93) ^ UInt64(truncatingIfNeeded: element &* 31 &+ component))
        }
    }

    /// A matched place: the frame it is in, and the child indices from there (at most 8, packed 16 bits each).
    private struct Match {
        var frame: Int
        var exact: Bool
        var length: Int
        var low: UInt64
        var high: UInt64

        init(frame: Int, index: Int, exact: Bool) {
            self.frame = frame
            self.exact = exact
            length = 1
            low = UInt64(index)
            high = 0
        }

        /// `[index] + inner`, in `frame`.
        init(frame: Int, index: Int, inner: Match, exact: Bool) {
            self.frame = frame
            self.exact = exact
            length = inner.length + 1
            high = (inner.high << 16) | (inner.low >> 48)
            low = (inner.low << 16) | UInt64(index)
        }

        @inline(__always)
        func step(_ j: Int) -> Int {
            j < 4 ? Int((low >> (16 * UInt64(j))) & 0xFFFF) : Int((high >> (16 * UInt64(j - 4))) & 0xFFFF)
        }
    }

    /// Places the segment at `position` (ST = 1) in the guide. Returns its spec, or `nil` when it fits nowhere
    /// (an issue is recorded and the state does not change).
    @discardableResult
    public func feed(_ segment: SegmentView, position: Int) -> SegmentSpec? {
        let i = place(segment, position: position)
        return i >= 0 ? table.segments[i] : nil
    }

    /// ``feed(_:position:)`` for the validator's hot path: the spec's index in the guide table's segments, or -1
    /// (no reference is retained; ``GuideTable/segmentRefs`` gives the spec unretained).
    func place(_ segment: SegmentView, position: Int) -> Int {
        openedCount = 0
        closedCount = 0
        // `segment.idBytes`, inlined; the element check starts after it (``idLength``).
        let bytes = segment.bytes
        let sep = segment.delimiters.element
        var n = 0
        if let base = bytes.baseAddress {
            while n < bytes.count && base.load(fromByteOffset: n, as: UInt8.self) != sep { n &+= 1 }
        }
        idLength = n
        let key = SegmentSpec.key(UnsafeRawBufferPointer(start: bytes.baseAddress, count: n))
        var fallback: Match?
        var found: Match?
        var k = depth - 1
        while k >= 0 {
            if let m = cachedSearch(frame: k, key: key, segment: segment) {
                if m.exact { found = m; break }
                if fallback == nil { fallback = m }
            }
            k -= 1
        }
        guard let match = found ?? fallback else {
            unexpected(segment, position: position)
            return -1
        }
        return apply(match, position: position)
    }

    /// Ends the transaction set (SE at `position`, or where SE should have been): closes every loop and reports
    /// required segments and loops that never came.
    public func finish(position: Int) {
        closedCount = 0
        while depth > 1 { close(top: position) }
        guard depth > 0 else { return }
        let rootLoop = frameLoop[0]
        let n = table.count[rootLoop]
        checkSkipped(in: 0, from: framePosition[0] + 1, to: n, at: position)
        let root = table.loops[rootLoop]
        for (i, c) in root.children.enumerated() {
            if case .loop(let l) = c, l.isHierarchical, l.usage == .required, count(0, i) == 0 {
                missing(l.leadingSegment, loop: l, at: position, code: "3",
                        "Required loop \(l.id) (\(l.name)) is missing: no HL with level code \(l.levelCode ?? "?").")
            }
        }
        checkTogether(frame: 0, at: position)
        closedLoops[closedCount] = rootLoop
        closedCount += 1
        depth = 0
    }

    // MARK: Search

    /// Whether the child's leading segment has this tag, and whether its discriminator (if any) agrees.
    @inline(__always)
    private func leadMatches(_ e: UnsafeMutablePointer<GuideTable.Entry>, key: UInt64, segment: SegmentView) -> (tag: Bool, exact: Bool) {
        guard e.pointee.key == key else { return (false, false) }
        guard e.pointee.hasDiscriminator else { return (true, true) }
        let component = e.pointee.discriminatorComponent ?? -1
        if !searchReadContent {
            searchReadContent = true
            searchReadElement = e.pointee.discriminatorElement
            searchReadComponent = component
        } else if searchReadElement != e.pointee.discriminatorElement || searchReadComponent != component {
            searchReadMixed = true
        }
        return (true, discriminates(e, segment))
    }

    private func discriminates(_ e: UnsafeMutablePointer<GuideTable.Entry>, _ segment: SegmentView) -> Bool {
        var v = segment.element(e.pointee.discriminatorElement)
        if let c = e.pointee.discriminatorComponent { v = v.component(c) }
        var b = v.bytes
        // A repeated element discriminates on its first repetition.
        if let r = segment.delimiters.repetition {
            var i = 0
            while i < b.count && b[i] != r { i += 1 }
            if i < b.count { b = UnsafeRawBufferPointer(rebasing: b[0..<i]) }
        }
        return e.pointee.codes.contains(b)
    }

    /// ``search(frame:key:segment:)`` through the cache. A frame's search depends only on its loop, its position
    /// and the tag (children after the position have not occurred yet, so their counts are 0), and on the values
    /// its discriminators read. When they all read the same element (and component), the result is cached per
    /// value of that element: the slot for (loop, position, tag) then names the element, and a second slot holds
    /// the result for the value.
    @inline(__always)
    private func cachedSearch(frame k: Int, key: UInt64, segment: SegmentView) -> Match? {
        let loop = frameLoop[k]
        let position = framePosition[k]
        let slot = searchCache.slot(loop: loop, position: position, key: key)
        var valueSlot: UnsafeMutablePointer<SearchCache.Entry>?
        var value: UInt64 = 0
        if slot.pointee.key == key && slot.pointee.loop == loop && slot.pointee.position == position && !slot.pointee.isValue {
            if !slot.pointee.discriminated { return slot.pointee.result(frame: k) }
            value = discriminatorValue(segment, element: slot.pointee.element, component: slot.pointee.component)
            if value != SearchCache.noValue {
                let vs = searchCache.slot(loop: loop, position: position, key: key, element: slot.pointee.element,
                                          component: slot.pointee.component, value: value)
                if vs.pointee.isValue && vs.pointee.key == key && vs.pointee.loop == loop && vs.pointee.position == position
                    && vs.pointee.value == value && vs.pointee.element == slot.pointee.element
                    && vs.pointee.component == slot.pointee.component {
                    return vs.pointee.result(frame: k)
                }
                valueSlot = vs
            }
        }
        searchReadContent = false
        searchReadMixed = false
        let m = search(frame: k, key: key, segment: segment)
        let none = Match(frame: k, index: 0, exact: false)
        if !searchReadContent {
            slot.pointee = SearchCache.Entry(key: key, loop: loop, position: position, found: m != nil, match: m ?? none)
        } else if !searchReadMixed {
            let e = searchReadElement, c = searchReadComponent
            if valueSlot == nil {
                value = discriminatorValue(segment, element: e, component: c)
                guard value != SearchCache.noValue else { return m }
                var marker = SearchCache.Entry(key: key, loop: loop, position: position, found: false, match: none)
                marker.discriminated = true
                marker.element = e
                marker.component = c
                slot.pointee = marker
                valueSlot = searchCache.slot(loop: loop, position: position, key: key, element: e, component: c, value: value)
            } else if e != slot.pointee.element || c != slot.pointee.component {
                return m
            }
            var entry = SearchCache.Entry(key: key, loop: loop, position: position, found: m != nil, match: m ?? none)
            entry.isValue = true
            entry.element = e
            entry.component = c
            entry.value = value
            valueSlot!.pointee = entry
        }
        return m
    }

    /// The value a discriminator on `element` (and `component`, -1 for none) reads, packed; ``SearchCache/noValue``
    /// when it is too long to pack.
    private func discriminatorValue(_ segment: SegmentView, element: Int, component: Int) -> UInt64 {
        var v = segment.element(element)
        if component >= 0 { v = v.component(component) }
        var b = v.bytes
        if let r = segment.delimiters.repetition {
            var i = 0
            while i < b.count && b[i] != r { i += 1 }
            if i < b.count { b = UnsafeRawBufferPointer(rebasing: b[0..<i]) }
        }
        return b.count <= 7 ? PackedKey.pack(b) : SearchCache.noValue
    }

    private func search(frame k: Int, key: UInt64, segment: SegmentView) -> Match? {
        let loop = frameLoop[k]
        let n = table.count[loop]
        let position = framePosition[k]
        var fallback: Match?
        let start = max(position, 1)
        var i = start
        while i < n {
            let child = table.entry(loop, i)
            let r = leadMatches(child, key: key, segment: segment)
            if r.tag {
                if r.exact { return Match(frame: k, index: i, exact: true) }
                if fallback == nil { fallback = Match(frame: k, index: i, exact: false) }
            } else if child.pointee.isLoop, child.pointee.isRequired, !child.pointee.isHierarchical, count(k, i) == 0,
                      let inner = descend(child.pointee.loop, key: key, segment: segment, depth: 1) {
                if inner.exact { return Match(frame: k, index: i, inner: inner, exact: true) }
                if fallback == nil { fallback = Match(frame: k, index: i, inner: inner, exact: false) }
            }
            i += 1
        }
        // HL loops are found wherever they are: their order is the HL tree's business.
        i = 1
        while i < start && i < n {
            let child = table.entry(loop, i)
            if child.pointee.isLoop, child.pointee.isHierarchical {
                let r = leadMatches(child, key: key, segment: segment)
                if r.exact { return Match(frame: k, index: i, exact: true) }
                if r.tag && fallback == nil { fallback = Match(frame: k, index: i, exact: false) }
            }
            i += 1
        }
        return fallback
    }

    /// Looks inside a required loop whose first segment did not come (to report it missing and carry on inside).
    private func descend(_ loop: Int, key: UInt64, segment: SegmentView, depth: Int) -> Match? {
        guard depth <= min(descentLimit, 7) else { return nil }
        let n = table.count[loop]
        var i = 1
        while i < n {
            let child = table.entry(loop, i)
            let r = leadMatches(child, key: key, segment: segment)
            if r.tag { return Match(frame: 0, index: i, exact: r.exact) }
            if child.pointee.isLoop, child.pointee.isRequired,
               let inner = descend(child.pointee.loop, key: key, segment: segment, depth: depth + 1) {
                return Match(frame: 0, index: i, inner: inner, exact: inner.exact)
            }
            i += 1
        }
        return nil
    }

    // MARK: Applying a match

    private func apply(_ m: Match, position: Int) -> Int {
        while depth - 1 > m.frame { close(top: position) }
        var result = -1
        var step = 0
        while step < m.length {
            let i = m.step(step)
            let k = depth - 1
            let loop = frameLoop[k]
            let child = table.entry(loop, i)
            let lastStep = step == m.length - 1
            if i > framePosition[k] {
                checkSkipped(in: k, from: framePosition[k] + 1, to: i, at: position)
            }
            let hierarchical = child.pointee.isLoop && child.pointee.isHierarchical
            framePosition[k] = hierarchical ? max(framePosition[k], i) : i
            let s = frameBase[k] + 3 * i
            slots[s] += 1
            if slots[s + 1] == 0 { slots[s + 1] = position }
            slots[s + 2] = position
            let seen = slots[s]
            if !child.pointee.isLoop {
                if seen > child.pointee.maxCount || child.pointee.isNotUsed {
                    let spec = table.segments[child.pointee.segment]
                    let l = table.loops[loop]
                    if seen > spec.maxUse {
                        issue("5", spec.tag, l, position,
                              "\(spec.tag) (\(spec.name)) occurs more than \(spec.maxUse) time\(spec.maxUse == 1 ? "" : "s") in loop \(displayID(l)).")
                    }
                    if spec.usage == .notUsed {
                        issue("I4", spec.tag, l, position, "\(spec.tag) (\(spec.name)) is not used in loop \(displayID(l)) by this guide.")
                    }
                }
            } else {
                let inner = child.pointee.loop
                if seen > child.pointee.maxCount || child.pointee.isNotUsed {
                    let l = table.loops[inner]
                    if seen > l.maxRepeat {
                        issue("4", l.leadingSegment.tag, l, position,
                              "Loop \(l.id) (\(l.name)) occurs more than \(l.maxRepeat) time\(l.maxRepeat == 1 ? "" : "s").")
                    }
                    if l.usage == .notUsed {
                        issue("I4", l.leadingSegment.tag, l, position, "Loop \(l.id) (\(l.name)) is not used by this guide.")
                    }
                }
                push(loop: inner, leadingSeen: lastStep, at: position)
                openedLoops[openedCount] = inner
                openedCount += 1
                if !lastStep {
                    let l = table.loops[inner]
                    missing(l.leadingSegment, loop: l, at: position, code: "3",
                            "\(l.leadingSegment.tag) (\(l.leadingSegment.name)), the first segment of loop \(l.id), is missing.")
                }
            }
            result = child.pointee.segment
            step += 1
        }
        return result
    }

    private func close(top position: Int) {
        let k = depth - 1
        checkSkipped(in: k, from: framePosition[k] + 1, to: table.count[frameLoop[k]], at: position)
        checkTogether(frame: k, at: position)
        closedLoops[closedCount] = frameLoop[k]
        closedCount += 1
        depth -= 1
    }

    private func checkSkipped(in k: Int, from a: Int, to b: Int, at position: Int) {
        guard a < b else { return }
        let loop = frameLoop[k]
        var j = a
        while j < b {
            let child = table.entry(loop, j)
            if child.pointee.isRequired && count(k, j) == 0 { reportSkipped(loop: loop, child: j, at: position) }
            j += 1
        }
    }

    private func reportSkipped(loop li: Int, child j: Int, at position: Int) {
        let loop = table.loops[li]
        switch loop.children[j] {
        case .segment(let s):
            missing(s, loop: loop, at: position, code: "3", "Required segment \(s.tag) (\(s.name)) is missing from loop \(displayID(loop)).")
        case .loop(let l):
            if l.isHierarchical { return }
            missing(l.leadingSegment, loop: l, at: position, code: "3",
                    "Required loop \(l.id) (\(l.name)) is missing: its first segment \(l.leadingSegment.tag) did not come.")
        }
    }

    private func checkTogether(frame k: Int, at position: Int) {
        guard table.hasTogether[frameLoop[k]] else { return }
        let b = frameBase[k]
        // The usual case first: every group came whole or not at all.
        var g = table.together + table.togetherStart[frameLoop[k]]
        var groups = g.pointee
        g += 1
        var whole = true
        while groups > 0 && whole {
            let members = g[0]
            var seen = 0
            for m in 0..<members where slots[b + 3 * g[1 + m]] > 0 { seen += 1 }
            whole = seen == 0 || seen == members
            g += 1 + members
            groups -= 1
        }
        if whole { return }
        let loop = table.loops[frameLoop[k]]
        let counts: (Int) -> Int = { self.slots[b + 3 * $0] }
        for (g, indices) in loop.togetherIndices.enumerated() {
            var seen = 0
            for i in indices where counts(i) > 0 { seen += 1 }
            guard seen > 0, seen < indices.count else { continue }
            let names = loop.together[g].joined(separator: ", ")
            for (n, i) in indices.enumerated() where counts(i) == 0 {
                // Expected right before the next member that came, else right after the last one before it.
                var at = position
                if let next = indices[(n + 1)...].first(where: { counts($0) > 0 }) {
                    at = slots[b + 3 * next + 1]
                } else if let prev = indices[..<n].last(where: { counts($0) > 0 }) {
                    at = slots[b + 3 * prev + 2] + 1
                }
                switch loop.children[i] {
                case .segment(let s):
                    missing(s, loop: loop, at: at, code: "I6", "\(s.tag) is missing: \(names) go together in loop \(displayID(loop)).")
                case .loop(let l):
                    missing(l.leadingSegment, loop: l, at: at, code: "I6", "Loop \(l.id) is missing: \(names) go together in loop \(displayID(loop)).")
                }
            }
        }
    }


    // MARK: Issues

    private func displayID(_ loop: LoopSpec) -> String { loop === guide.root ? "header/trailer" : loop.id }

    private func issue(_ code: String, _ tag: String, _ loop: LoopSpec, _ position: Int, _ message: String) {
        let isRoot = loop === guide.root
        issues.append(StructureIssue(code: code, segmentID: tag, loopID: isRoot ? nil : loop.id,
                                     standardLoopID: isRoot || loop.standardID.isEmpty ? nil : loop.standardID,
                                     position: position, isMissing: false, message: message))
    }

    private func missing(_ s: SegmentSpec, loop: LoopSpec, at position: Int, code: String, _ message: String) {
        let isRoot = loop === guide.root
        issues.append(StructureIssue(code: code, segmentID: s.tag, loopID: isRoot ? nil : loop.id,
                                     standardLoopID: isRoot || loop.standardID.isEmpty ? nil : loop.standardID,
                                     position: position, isMissing: true, message: message))
    }

    private func unexpected(_ segment: SegmentView, position: Int) {
        let tag = segment.id
        let current = currentLoop
        var earlier = false
        for k in 0..<depth {
            let loop = table.loops[frameLoop[k]]
            for j in 0...min(framePosition[k], loop.children.count - 1) where loop.children[j].leadingSegment.tag == tag { earlier = true }
        }
        let code: String
        let message: String
        if earlier {
            code = "7"
            message = "\(tag) is not in its proper place: it belongs earlier in loop \(displayID(current)) or an enclosing loop."
        } else if guide.root.allLoops.contains(where: { l in l.children.contains { $0.leadingSegment.tag == tag } }) {
            code = "2"
            message = "\(tag) is not expected here (loop \(displayID(current))) by guide \(guide.id)."
        } else if tag.utf8.count >= 2, tag.utf8.count <= 3, tag.utf8.allSatisfy({ $0.isAlphanumericASCII }), tag.utf8.first!.isAlphanumericASCII, !tag.utf8.first!.isDigitASCII {
            code = "6"
            message = "\(tag) is not a segment of transaction set \(guide.transactionSetID) (\(guide.version))."
        } else {
            code = "1"
            message = "\(tag.isEmpty ? "An empty segment ID" : "Segment ID \(tag)") is not recognized."
        }
        issue(code, tag, current, position, message)
        issues[issues.count - 1].loopID = current === guide.root ? nil : current.id
    }
}
