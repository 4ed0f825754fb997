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

        init(loop: LoopSpec, leadingSeen: Bool, at position: Int) {
            self.loop = loop
            self.position = 0
            counts = Array(repeating: 0, count: loop.children.count)
            firstPosition = Array(repeating: 0, count: loop.children.count)
            lastPosition = Array(repeating: 0, count: loop.children.count)
            if leadingSeen { counts[0] = 1; firstPosition[0] = position; lastPosition[0] = position }
        }
    }

    /// The guide followed.
    public let guide: GuideSpec
    /// The open loops, outermost (the transaction set) first.
    public private(set) var frames: [Frame] = []
    /// Loops opened by the last feed, outermost first.
    public private(set) var opened: [LoopSpec] = []
    /// Loops closed by the last feed (or by ``finish(position:)``), innermost first.
    public private(set) var closed: [LoopSpec] = []
    /// Problems found so far and not yet taken.
    public private(set) var issues: [StructureIssue] = []
    /// How deep a search may descend into a required loop whose first segment is missing.
    public var descentLimit = 2

    /// Creates a tracker for `guide`.
    public init(guide: GuideSpec) { self.guide = guide }

    /// Starts a transaction set (the ST segment is position 1).
    public func begin() {
        frames.removeAll(keepingCapacity: true)
        frames.append(Frame(loop: guide.root, leadingSeen: true, at: 1))
        opened = [guide.root]
        closed = []
        issues.removeAll()
    }

    /// The innermost open loop (the transaction root before the first loop).
    public var currentLoop: LoopSpec { frames.last?.loop ?? guide.root }

    /// The open loop IDs, outermost first, without the transaction root (`["2000C", "2100C"]`).
    public var loopPath: [String] { frames.dropFirst().map(\.loop.id) }

    /// Returns and clears the issues found so far.
    public func takeIssues() -> [StructureIssue] {
        defer { issues.removeAll(keepingCapacity: true) }
        return issues
    }

    // MARK: Feeding

    private struct Match {
        var frame: Int
        var path: [Int]
        var exact: Bool
    }

    /// Places the segment at `position` (ST = 1) in the guide. Returns its spec, or `nil` when it fits nowhere
    /// (an issue is recorded and the state does not change).
    @discardableResult
    public func feed(_ segment: SegmentView, position: Int) -> SegmentSpec? {
        opened.removeAll(keepingCapacity: true)
        closed.removeAll(keepingCapacity: true)
        let tag = segment.idBytes
        var fallback: Match?
        var found: Match?
        var k = frames.count - 1
        while k >= 0 {
            if let m = search(frame: k, tag: tag, segment: segment) {
                if m.exact { found = m; break }
                if fallback == nil { fallback = m }
            }
            k -= 1
        }
        guard let match = found ?? fallback else {
            unexpected(segment, position: position)
            return nil
        }
        return apply(match, position: position)
    }

    /// Ends the transaction set (SE at `position`, or where SE should have been): closes every loop and reports
    /// required segments and loops that never came.
    public func finish(position: Int) {
        closed.removeAll(keepingCapacity: true)
        while frames.count > 1 { close(top: position) }
        guard let root = frames.first else { return }
        checkSkipped(in: 0, from: root.position + 1, to: root.loop.children.count, at: position)
        for (i, c) in root.loop.children.enumerated() {
            if case .loop(let l) = c, l.isHierarchical, l.usage == .required, root.counts[i] == 0 {
                missing(l.leadingSegment, loop: l, at: position, code: "3",
                        "Required loop \(l.id) (\(l.name)) is missing: no HL with level code \(l.levelCode ?? "?").")
            }
        }
        checkTogether(frame: 0, at: position)
        closed.append(root.loop)
        frames.removeAll(keepingCapacity: true)
    }

    // MARK: Search

    private func leadMatches(_ lead: SegmentSpec, tag: UnsafeRawBufferPointer, segment: SegmentView) -> (tag: Bool, exact: Bool) {
        guard tag.count == lead.tagBytes.count else { return (false, false) }
        for i in 0..<tag.count where tag[i] != lead.tagBytes[i] { return (false, false) }
        guard let d = lead.discriminator, let codes = lead.discriminatorCodes else { return (true, true) }
        var e = segment.element(d.element)
        if let c = d.component { e = e.component(c) }
        // A repeated element discriminates on its first repetition.
        if let r = segment.delimiters.repetition, e.contains(r) { e = e.repetitions[0] }
        return (true, codes.contains(e.bytes))
    }

    private func search(frame k: Int, tag: UnsafeRawBufferPointer, segment: SegmentView) -> Match? {
        let f = frames[k]
        let children = f.loop.children
        var fallback: Match?
        let start = max(f.position, 1)
        var i = start
        while i < children.count {
            let child = children[i]
            let r = leadMatches(child.leadingSegment, tag: tag, segment: segment)
            if r.tag {
                if r.exact { return Match(frame: k, path: [i], exact: true) }
                if fallback == nil { fallback = Match(frame: k, path: [i], exact: false) }
            } else if case .loop(let l) = child, f.counts[i] == 0, l.usage == .required, !l.isHierarchical,
                      let inner = descend(l, tag: tag, segment: segment, depth: 1) {
                if inner.exact { return Match(frame: k, path: [i] + inner.path, exact: true) }
                if fallback == nil { fallback = Match(frame: k, path: [i] + inner.path, exact: false) }
            }
            i += 1
        }
        // HL loops are found wherever they are: their order is the HL tree's business.
        i = 1
        while i < start && i < children.count {
            if case .loop(let l) = children[i], l.isHierarchical {
                let r = leadMatches(l.leadingSegment, tag: tag, segment: segment)
                if r.exact { return Match(frame: k, path: [i], exact: true) }
                if r.tag && fallback == nil { fallback = Match(frame: k, path: [i], exact: false) }
            }
            i += 1
        }
        return fallback
    }

    /// Looks inside a required loop whose first segment did not come (to report it missing and carry on inside).
    private func descend(_ loop: LoopSpec, tag: UnsafeRawBufferPointer, segment: SegmentView, depth: Int) -> Match? {
        guard depth <= descentLimit else { return nil }
        for (i, child) in loop.children.enumerated() where i > 0 {
            let r = leadMatches(child.leadingSegment, tag: tag, segment: segment)
            if r.tag { return Match(frame: 0, path: [i], exact: r.exact) }
            if case .loop(let l) = child, l.usage == .required, let inner = descend(l, tag: tag, segment: segment, depth: depth + 1) {
                return Match(frame: 0, path: [i] + inner.path, exact: inner.exact)
            }
        }
        return nil
    }

    // MARK: Applying a match

    private func apply(_ m: Match, position: Int) -> SegmentSpec? {
        while frames.count - 1 > m.frame { close(top: position) }
        var result: SegmentSpec?
        for (step, i) in m.path.enumerated() {
            let k = frames.count - 1
            let children = frames[k].loop.children
            let child = children[i]
            let lastStep = step == m.path.count - 1
            if i > frames[k].position {
                checkSkipped(in: k, from: frames[k].position + 1, to: i, at: position)
            }
            let hierarchical: Bool
            if case .loop(let l) = child, l.isHierarchical { hierarchical = true } else { hierarchical = false }
            frames[k].position = hierarchical ? max(frames[k].position, i) : i
            frames[k].counts[i] += 1
            if frames[k].firstPosition[i] == 0 { frames[k].firstPosition[i] = position }
            frames[k].lastPosition[i] = position
            switch child {
            case .segment(let s):
                if frames[k].counts[i] > s.maxUse {
                    issue("5", s.tag, frames[k].loop, position,
                          "\(s.tag) (\(s.name)) occurs more than \(s.maxUse) time\(s.maxUse == 1 ? "" : "s") in loop \(displayID(frames[k].loop)).")
                }
                if s.usage == .notUsed {
                    issue("I4", s.tag, frames[k].loop, position, "\(s.tag) (\(s.name)) is not used in loop \(displayID(frames[k].loop)) by this guide.")
                }
                result = s
            case .loop(let l):
                if frames[k].counts[i] > l.maxRepeat {
                    issue("4", l.leadingSegment.tag, l, position,
                          "Loop \(l.id) (\(l.name)) occurs more than \(l.maxRepeat) time\(l.maxRepeat == 1 ? "" : "s").")
                }
                if l.usage == .notUsed {
                    issue("I4", l.leadingSegment.tag, l, position, "Loop \(l.id) (\(l.name)) is not used by this guide.")
                }
                frames.append(Frame(loop: l, leadingSeen: lastStep, at: position))
                opened.append(l)
                if !lastStep {
                    missing(l.leadingSegment, loop: l, at: position, code: "3",
                            "\(l.leadingSegment.tag) (\(l.leadingSegment.name)), the first segment of loop \(l.id), is missing.")
                }
                result = l.leadingSegment
            }
        }
        return result
    }

    private func close(top position: Int) {
        let k = frames.count - 1
        let f = frames[k]
        checkSkipped(in: k, from: f.position + 1, to: f.loop.children.count, at: position)
        checkTogether(frame: k, at: position)
        closed.append(f.loop)
        frames.removeLast()
    }

    private func checkSkipped(in k: Int, from a: Int, to b: Int, at position: Int) {
        guard a < b else { return }
        let f = frames[k]
        for j in a..<b where f.counts[j] == 0 && f.loop.children[j].usage == .required {
            switch f.loop.children[j] {
            case .segment(let s):
                missing(s, loop: f.loop, at: position, code: "3", "Required segment \(s.tag) (\(s.name)) is missing from loop \(displayID(f.loop)).")
            case .loop(let l):
                if l.isHierarchical { continue }
                missing(l.leadingSegment, loop: l, at: position, code: "3",
                        "Required loop \(l.id) (\(l.name)) is missing: its first segment \(l.leadingSegment.tag) did not come.")
            }
        }
    }

    private func checkTogether(frame k: Int, at position: Int) {
        let loop = frames[k].loop
        if loop.togetherIndices.isEmpty { return }
        let f = frames[k]
        for (g, indices) in loop.togetherIndices.enumerated() {
            var seen = 0
            for i in indices where f.counts[i] > 0 { seen += 1 }
            guard seen > 0, seen < indices.count else { continue }
            let names = loop.together[g].joined(separator: ", ")
            for (n, i) in indices.enumerated() where f.counts[i] == 0 {
                // Expected right before the next member that came, else right after the last one before it.
                var at = position
                if let next = indices[(n + 1)...].first(where: { f.counts[$0] > 0 }) {
                    at = f.firstPosition[next]
                } else if let prev = indices[..<n].last(where: { f.counts[$0] > 0 }) {
                    at = f.lastPosition[prev] + 1
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
        let current = frames.last?.loop ?? guide.root
        var earlier = false
        for f in frames {
            for j in 0...min(f.position, f.loop.children.count - 1) where f.loop.children[j].leadingSegment.tag == tag { earlier = true }
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
