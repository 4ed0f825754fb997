import X12

/// Validates one transaction set at a time against a guide, segment by segment: loop structure (through a
/// ``LoopTracker``), the HL tree, and every element. Findings carry the guide loop (`2100C`) and the standard
/// loop (`2100`) in their ``X12/Location``.
///
/// The ``Validator`` drives it from reader events; use it directly to validate segments you already have.
public final class TransactionValidator {
    /// The guide in use.
    public let guide: GuideSpec
    /// The loop tracker (current loop path, loops opened and closed by the last segment).
    public let tracker: LoopTracker
    /// Findings of the current set, in order.
    @exclusivity(unchecked) public private(set) var findings: [Finding] = []
    @exclusivity(unchecked) private var hierarchy: HierarchyTracker
    @exclusivity(unchecked) private var hierarchyProblems: [HierarchyTracker.Problem] = []
    /// The ST's location: what HL locations are built from (the set's control numbers and ID).
    @exclusivity(unchecked) private var setLocation = Location(byteOffset: 0, line: 1, segmentIndex: 0)
    /// `HL` as a packed tag: a segment the tracker placed is an HL when its spec has this key.
    private let hlKey: UInt64
    @exclusivity(unchecked) private var lastPosition = 1
    @exclusivity(unchecked) private var problems: [SegmentChecker.Problem] = []
    private let hasLevels: Bool
    /// Byte classes for the clean-path element scan, for `classDelimiters`.
    private let classes = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    @exclusivity(unchecked) private var classDelimiters = Delimiters.standard
    @exclusivity(unchecked) private var classesFilled = false

    /// Creates a validator for `guide`.
    public init(guide: GuideSpec) {
        self.guide = guide
        tracker = LoopTracker(guide: guide)
        hasLevels = !guide.levels.isEmpty
        hierarchy = HierarchyTracker(levels: guide.levels)
        var hl = "HL"
        hlKey = hl.withUTF8 { SegmentSpec.key(UnsafeRawBufferPointer($0)) }
    }

    deinit { classes.deallocate() }

    /// Starts a set: `st` is the ST segment, `location` its location.
    public func begin(st: SegmentView, location: Location) {
        findings.removeAll(keepingCapacity: true)
        hierarchy.reset()
        setLocation = location
        tracker.begin()
        lastPosition = 1
        if case .segment(let spec) = guide.root.children[0] {
            if !isClean(st, spec) { checkElements(st, spec: spec, location: location, loop: guide.root) }
        }
    }

    /// Validates one segment of the set (not ST, not SE). Returns the guide segment it was matched to.
    @discardableResult
    public func segment(_ seg: SegmentView, location: Location) -> SegmentSpec? {
        segment(seg, position: location.segmentPosition ?? (lastPosition + 1), location: { location },
                place: { (location.byteOffset, location.line, location.segmentIndex) })?.takeUnretainedValue()
    }

    /// The hot path: `location` is asked for only when there is something to report; `place` (where the segment
    /// is, as integers) for an HL to remember. The spec comes back unretained (the guide keeps it).
    @inline(__always)
    func segment(_ seg: SegmentView, position: Int, location: () -> Location,
                 place: () -> (byteOffset: Int, line: Int, segmentIndex: Int)) -> Unmanaged<SegmentSpec>? {
        lastPosition = position
        let index = tracker.place(seg, position: position)
        if !tracker.issues.isEmpty { takeStructureIssues(at: location()) }
        guard index >= 0 else { return nil }
        let ref = tracker.table.segmentRefs[index]
        ref._withUnsafeGuaranteedRef { spec in
            if !isClean(seg, spec, idLength: tracker.idLength) {
                checkElements(seg, spec: spec, location: location(), loop: tracker.currentLoop)
            }
            if hasLevels, spec.tagKey == hlKey {
                let at = place()
                hierarchy.add(seg, place: HierarchyTracker.Place(byteOffset: at.byteOffset, line: at.line, segmentIndex: at.segmentIndex,
                                                                 segmentPosition: position, loop: tracker.currentLoop),
                              problems: &hierarchyProblems)
                if !hierarchyProblems.isEmpty { takeHierarchyProblems() }
            }
        }
        return ref
    }

    /// Ends the set: `se` is the SE segment (or `nil` when the reader made the end up), `location` where it is.
    public func end(se: SegmentView?, location: Location) {
        let position = location.segmentPosition ?? (lastPosition + 1)
        if let se {
            let spec = tracker.feed(se, position: position)
            takeStructureIssues(at: location)
            if let spec, !isClean(se, spec) { checkElements(se, spec: spec, location: location, loop: tracker.currentLoop) }
        }
        tracker.finish(position: position)
        takeStructureIssues(at: location)
        hierarchy.finish(problems: &hierarchyProblems)
        if !hierarchyProblems.isEmpty { takeHierarchyProblems() }
    }

    /// Returns the findings of the set and clears them.
    public func takeFindings() -> [Finding] {
        defer { findings.removeAll(keepingCapacity: true) }
        return findings
    }

    // MARK: Helpers

    /// `true` when the element check would find nothing (the byte class table follows the segment's delimiters).
    @inline(__always)
    private func isClean(_ seg: SegmentView, _ spec: SegmentSpec, idLength: Int? = nil) -> Bool {
        let d = seg.delimiters
        if d.element != classDelimiters.element || d.component != classDelimiters.component || d.repetition != classDelimiters.repetition
            || !classesFilled {
            SegmentChecker.fillClasses(classes, for: d)
            classDelimiters = d
            classesFilled = true
        }
        if let idLength { return SegmentChecker.isClean(seg, spec: spec, classes: classes, idLength: idLength) }
        return SegmentChecker.isClean(seg, spec: spec, classes: classes)
    }

    private func setLoop(_ loc: inout Location, _ loop: LoopSpec, segmentID: String) {
        loc.segmentID = segmentID
        if loop !== guide.root {
            loc.loopID = loop.id
            loc.standardLoopID = loop.standardID.isEmpty ? nil : loop.standardID
        } else {
            loc.loopID = nil
            loc.standardLoopID = nil
        }
    }

    /// The HL tree's problems as findings, at the HL each concerns.
    private func takeHierarchyProblems() {
        for p in hierarchyProblems {
            var loc = setLocation
            loc.byteOffset = p.place.byteOffset
            loc.line = p.place.line
            loc.segmentIndex = p.place.segmentIndex
            loc.segmentPosition = p.place.segmentPosition
            loc.elementPosition = nil
            loc.componentPosition = nil
            loc.repetitionPosition = nil
            setLoop(&loc, p.place.loop, segmentID: "HL")
            findings.append(Finding(code: FindingCode(.ik403, p.code), location: loc.at(element: p.element), value: p.value, message: p.message))
        }
        hierarchyProblems.removeAll(keepingCapacity: true)
    }

    private func takeStructureIssues(at location: Location) {
        guard !tracker.issues.isEmpty else { return }
        for i in tracker.takeIssues() {
            var loc = location
            loc.segmentID = i.segmentID
            loc.segmentPosition = i.position
            loc.loopID = i.loopID
            loc.standardLoopID = i.standardLoopID
            loc.elementPosition = nil
            findings.append(Finding(code: FindingCode(.ik304, i.code), location: loc, message: i.message))
        }
    }

    private func checkElements(_ seg: SegmentView, spec: SegmentSpec, location: Location, loop: LoopSpec) {
        problems.removeAll(keepingCapacity: true)
        SegmentChecker.check(seg, spec: spec, problems: &problems)
        guard !problems.isEmpty else { return }
        var base = location
        setLoop(&base, loop, segmentID: spec.tag)
        for p in problems {
            findings.append(Finding(code: FindingCode(.ik403, p.code), location: base.at(element: p.element, component: p.component, repetition: p.repetition),
                                    value: p.value, message: p.message))
        }
    }
}
