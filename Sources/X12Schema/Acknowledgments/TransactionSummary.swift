import X12

/// What an acknowledgment needs to know about one received transaction set: its ST, its findings and its HL levels.
///
/// Built by ``EnvelopeCollector`` from reader (and validator) events, or by hand in tests.
public struct TransactionSummary: Sendable, Hashable {
    /// The ST segment.
    public var header: TransactionHeader
    /// Transaction-, segment- and element-level findings (IK502, IK304, IK403), in the order they were found.
    public var findings: [Finding]
    /// For findings about a situational rule: the segment (and element) whose content triggered it (999 CTX).
    public var situationalTriggers: [Finding: Location]
    /// The HL levels seen, in order, to name the business unit of an error.
    public var levels: [HierarchicalLevel]
    /// `false` when the set had no SE (the reader made up its end).
    public var hasTrailer: Bool

    /// Creates a summary.
    public init(header: TransactionHeader, findings: [Finding] = [], situationalTriggers: [Finding: Location] = [:],
                levels: [HierarchicalLevel] = [], hasTrailer: Bool = true) {
        self.header = header
        self.findings = findings
        self.situationalTriggers = situationalTriggers
        self.levels = levels
        self.hasTrailer = hasTrailer
    }

    /// The TRN02 of the business unit holding the segment at `position`: the innermost HL level at or before it,
    /// or the nearest parent level that has a TRN.
    public func traceNumber(forSegmentAt position: Int) -> String? {
        guard let index = levels.lastIndex(where: { $0.position <= position }) else { return nil }
        return levelTraceNumbers()[index]
    }

    /// For each of ``levels``, the TRN02 of its business unit: its own, or its nearest parent's that has one
    /// (a parent is the last level before it with its HL02 as HL01). One pass, so a hostile chain of thousands of
    /// nested levels costs linear time, not a walk up the chain per error.
    public func levelTraceNumbers() -> [String?] {
        var traces: [String?] = []
        traces.reserveCapacity(levels.count)
        var lastIndex: [String: Int] = [:]
        for (i, level) in levels.enumerated() {
            var trace = level.traceNumber
            if trace == nil, let parent = level.parentID, let p = lastIndex[parent] { trace = traces[p] }
            traces.append(trace)
            lastIndex[level.id] = i
        }
        return traces
    }
}
