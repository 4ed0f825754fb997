import X12
import X12Schema

/// A ``StructuralAnnotator`` that follows each transaction set through its guide in `Specs/` with the schema's
/// ``LoopTracker``: loop IDs (`2100C`) and element names (`Entity Identifier Code`) for every segment.
///
/// The guide is picked from ST01 and ST03 (else GS08); for the 278, whose request and response share both,
/// after BHT02 is read. Sets without a guide get no annotations.
///
/// ```swift
/// let annotator = SpecStructuralAnnotator(library: try SpecLibrary.load())
/// let exporter = StructuralExporter(format: .json, annotator: annotator)
/// ```
public final class SpecStructuralAnnotator: StructuralAnnotator {
    private struct NameKey: Hashable {
        var tag: String
        var name: String
        var count: Int
    }

    /// The specs.
    public let library: SpecLibrary
    private var tracker: LoopTracker?
    private var header: TransactionHeader?
    private var version = ""
    private var waitingForBHT = false
    private var position = 0
    private var names: [NameKey: [String]] = [:]
    /// One tracker per guide, reset by `begin()` for each set (as the validator keeps them): making one per set
    /// built its search cache again each time (a twentieth of `convert --to json`).
    private var trackers: [ObjectIdentifier: LoopTracker] = [:]

    /// Creates an annotator over loaded specs.
    public init(library: SpecLibrary) { self.library = library }

    /// An annotator over the specs ``SpecLocator`` finds (`explicit` first), or `nil` when none load.
    public static func load(specs explicit: String? = nil) -> SpecStructuralAnnotator? {
        guard let library = try? SpecLibrary.load(directory: explicit, checkSchema: false) else { return nil }
        return SpecStructuralAnnotator(library: library)
    }

    public func beginTransaction(_ header: TransactionHeader, group: GroupHeader?) {
        self.header = header
        version = header.implementationReference ?? group?.version ?? ""
        position = 0
        tracker = nil
        waitingForBHT = library.needsBHT02(st01: header.id, version: version)
        if !waitingForBHT { start(library.guide(st01: header.id, version: version)) }
    }

    private func start(_ guide: GuideSpec?) {
        guard let guide else { return }
        let key = ObjectIdentifier(guide)
        let t: LoopTracker
        if let known = trackers[key] { t = known } else {
            t = LoopTracker(guide: guide)
            trackers[key] = t
        }
        t.begin()
        tracker = t
    }

    public func annotate(_ segment: SegmentView) -> SegmentAnnotation? {
        position += 1
        if position == 1 {
            // The ST: the tracker starts on it.
            guard let t = tracker, case .segment(let st)? = t.guide.root.children.first else { return nil }
            return SegmentAnnotation(loopID: nil, elementNames: elementNames(st))
        }
        if waitingForBHT && segment.hasID("BHT") {
            waitingForBHT = false
            start(library.guide(st01: header?.id ?? "", version: version, bht02: segment.element(2).string))
        }
        guard let t = tracker, let spec = t.feed(segment, position: position) else { return nil }
        _ = t.takeIssues()
        let loop = t.currentLoop
        return SegmentAnnotation(loopID: loop === t.guide.root ? nil : loop.id, elementNames: elementNames(spec))
    }

    public func endTransaction() {
        tracker = nil
        header = nil
    }

    private func elementNames(_ spec: SegmentSpec) -> [String] {
        let key = NameKey(tag: spec.tag, name: spec.name, count: spec.elements.count)
        if let n = names[key] { return n }
        let n = spec.elements.map(\.name)
        names[key] = n
        return n
    }
}
