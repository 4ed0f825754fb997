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
        var level: HierarchicalLevel? = levels[index]
        var hops = 0
        while let l = level, hops < levels.count {
            if let t = l.traceNumber { return t }
            guard let parent = l.parentID else { return nil }
            level = levels[..<index].last { $0.id == parent }
            hops += 1
        }
        return nil
    }
}
