import X12

/// Watches the segments the validator passes on and keeps what a 999 needs beyond the ``ValidationReport``: each
/// transaction set's HL levels and their TRN02 (the business unit named in CTX), and each interchange's line ending.
///
/// Use it as the validator's `onSegment` handler. Levels are keyed by the segment index of the set's ST (the
/// ``TransactionReport/location``), so sets with equal control numbers stay apart.
public final class HierarchyRecorder {
    /// HL levels by the segment index of their transaction set's ST.
    public private(set) var levels: [Int: [HierarchicalLevel]] = [:]
    /// The line ending seen first in each interchange, by ISA13.
    public private(set) var suffixes: [String: SegmentSuffix] = [:]
    /// The first line ending seen at all (for interchanges without a transaction set).
    public private(set) var firstSuffix: SegmentSuffix?
    private let reader: X12Reader

    /// Records for the segments `reader` yields.
    public init(reader: X12Reader) {
        self.reader = reader
    }

    /// Takes one segment (the validator's `onSegment` signature without the spec arguments).
    public func record(_ segment: SegmentView, _ location: Location) {
        if let ic = location.interchangeControlNumber, suffixes[ic] == nil {
            suffixes[ic] = reader.suffix
            if firstSuffix == nil { firstSuffix = reader.suffix }
        }
        guard let position = location.segmentPosition else { return }
        let isHL = segment.hasID("HL")
        guard isHL || segment.hasID("TRN") else { return }
        let st = location.segmentIndex - position + 1
        if isHL {
            let parent = segment.element(2).string
            levels[st, default: []].append(HierarchicalLevel(
                position: position, id: segment.element(1).string, parentID: parent.isEmpty ? nil : parent,
                levelCode: segment.element(3).string))
        } else if var list = levels[st], !list.isEmpty, list[list.count - 1].traceNumber == nil {
            let trace = segment.element(2).string
            guard !trace.isEmpty else { return }
            list[list.count - 1].traceNumber = trace
            levels[st] = list
        }
    }
}
