import X12

/// Collects, from a stream of reader (or validator) events, what the acknowledgments need: the envelope structure,
/// each finding attached to the interchange, group or transaction set it is about, and the HL levels of each set.
///
/// Findings arrive just before the event they concern. A start event opens its unit first and then takes the
/// findings that came before it (a duplicate ST02 belongs to the new set); any other event hands the waiting
/// findings to the units open at that moment, then closes what it closes.
///
/// ```swift
/// let reader = try X12Reader(path: "in.x12")
/// let collector = EnvelopeCollector()
/// while let event = try reader.next() { collector.consume(event, from: reader) }
/// for interchange in collector.takeCompleted() { … }
/// ```
/// Memory: one small summary per transaction set of the open interchange (findings and HL levels only), none with
/// ``onTransactionClosed``; one per group unless ``keepsGroups`` is off.
public final class EnvelopeCollector {
    private var interchange: InterchangeSummary?
    private var group: GroupSummary?
    private var transaction: TransactionSummary?
    private var pending: [Finding] = []
    private var completed: [InterchangeSummary] = []

    /// Findings that belong to no interchange (bytes before the first ISA, a broken ISA), the first
    /// ``unattachedLimit`` of them.
    public private(set) var unattached: [Finding] = []
    /// Findings outside any interchange beyond ``unattachedLimit``: counted, not kept (bytes between each of
    /// thousands of interchanges would otherwise grow the memory with the file).
    public private(set) var unattachedOmitted = 0
    /// How many findings outside any interchange are kept.
    public static let unattachedLimit = 1_000

    /// When `false`, a closed group joins its interchange's ``InterchangeSummary/groups`` only when the interchange
    /// has no group of its kind yet (`FA` or other): ``InterchangeSummary/isAcknowledgmentOnly`` still tells the
    /// truth and the memory does not grow with the number of groups. For a caller that takes each group from
    /// ``onGroupClosed`` (``AcknowledgmentStream`` does).
    public var keepsGroups = true

    /// When set, each transaction set is handed here as it closes, with its group (whose `transactions` stay
    /// empty), and not kept: the memory then holds one set at a time (``AcknowledgmentStream`` uses it).
    public var onTransactionClosed: ((TransactionSummary, GroupSummary) -> Void)?
    /// When set, called with each functional group as it closes, before it joins its interchange.
    public var onGroupClosed: ((GroupSummary) -> Void)?

    /// Creates an empty collector.
    public init() {}

    /// Interchanges closed so far and not yet taken.
    public var completedCount: Int { completed.count }

    /// Returns the interchanges closed so far and forgets them.
    public func takeCompleted() -> [InterchangeSummary] {
        defer { completed.removeAll() }
        return completed
    }

    /// Takes one event from a reader (its current segment, location and suffix).
    public func consume(_ event: X12Event, from reader: X12Reader) {
        // Most events are segments inside a set: nothing to do unless it is an HL or a TRN (no location built).
        if case .segment = event, pending.isEmpty {
            guard transaction != nil, reader.hasSegment, reader.segment.hasID("HL") || reader.segment.hasID("TRN") else { return }
        }
        consume(event, segment: reader.hasSegment ? reader.segment : nil, location: reader.location, suffix: reader.suffix)
    }

    /// Takes one event; `segment` is the segment behind it, `nil` for events that were made up.
    public func consume(_ event: X12Event, segment: SegmentView?, location: Location, suffix: SegmentSuffix) {
        switch event {
        case .finding(let f):
            pending.append(f)
        case .interchangeStart(let header):
            closeInterchange()
            interchange = InterchangeSummary(header: header, suffix: suffix)
            flushPending()
        case .groupStart(let header):
            closeGroup()
            group = GroupSummary(header: header)
            flushPending()
        case .transactionStart(let header):
            closeTransaction()
            if interchange != nil, group == nil {
                interchange!.findings.append(Finding(
                    code: FindingCode(.ta105, "024"), location: location, value: header.id,
                    message: "Transaction set \(header.id) \(header.controlNumber) is not inside a functional group."))
            }
            transaction = TransactionSummary(header: header)
            flushPending()
        case .segment:
            flushPending()
            if let segment, transaction != nil, let position = location.segmentPosition { noteLevel(segment, at: position) }
        case .transactionEnd:
            flushPending()
            if segment == nil { transaction?.hasTrailer = false }
            closeTransaction()
        case .groupEnd:
            flushPending()
            closeTransaction()
            if let segment {
                group?.declaredTransactionCount = Int(segment.element(1).string)
            } else {
                group?.hasTrailer = false
            }
            closeGroup()
        case .interchangeEnd:
            flushPending()
            closeInterchange()
        case .interchangeAcknowledgment:
            flushPending()
            interchange?.containsTA1 = true
        case .endOfInput:
            flushPending()
            closeInterchange()
        }
    }

    /// Adds a finding that did not come through the event stream (a validator's, for instance) to the open units.
    public func add(_ finding: Finding) {
        pending.append(finding)
        flushPending()
    }

    /// Adds findings found elsewhere (a validator's, a mapping's) to the open units, leaving out those already in
    /// the unit they go to when `unlessKnown` (a validator sees the reader's envelope findings too).
    public func add(_ findings: [Finding], unlessKnown: Bool) {
        flushPending()
        guard unlessKnown else {
            for f in findings { route(f) }
            return
        }
        // Each unit's findings as a set, made once per call: thousands of findings (a flood of bad HLs) would
        // otherwise each be compared with all those before them.
        var known: [Unit: Set<Finding>] = [:]
        for f in findings {
            let unit: Unit?
            switch f.code.family {
            case .ta105: unit = interchange != nil ? .interchange : nil
            case .ak905: unit = group != nil ? .group : interchange != nil ? .interchange : nil
            case .ik502, .ik304, .ik403, .note:
                unit = transaction != nil ? .transaction : group != nil ? .group : interchange != nil ? .interchange : nil
            }
            if let unit {
                if known[unit] == nil { known[unit] = Set(knownFindings(unit)) }
                guard known[unit]!.insert(f).inserted else { continue }
            }
            route(f)
        }
    }

    /// The open unit a finding goes to.
    private enum Unit { case interchange, group, transaction }

    private func knownFindings(_ unit: Unit) -> [Finding] {
        switch unit {
        case .interchange: interchange?.findings ?? []
        case .group: group?.findings ?? []
        case .transaction: transaction?.findings ?? []
        }
    }

    /// Records the segment that triggered the situational rule behind `finding` (rendered as a 999 CTX).
    ///
    /// Call it after the finding was consumed; it applies to the open transaction set.
    public func setSituationalTrigger(_ trigger: Location, for finding: Finding) {
        transaction?.situationalTriggers[finding] = trigger
    }

    // MARK: Private

    private func keepUnattached(_ f: Finding) {
        if unattached.count < Self.unattachedLimit { unattached.append(f) } else { unattachedOmitted += 1 }
    }

    private func flushPending() {
        guard !pending.isEmpty else { return }
        for f in pending { route(f) }
        pending.removeAll(keepingCapacity: true)
    }

    private func route(_ f: Finding) {
        switch f.code.family {
        case .ta105:
            if interchange != nil { interchange!.findings.append(f) } else { keepUnattached(f) }
        case .ak905:
            if group != nil { group!.findings.append(f) } else if interchange != nil { interchange!.findings.append(f) } else { keepUnattached(f) }
        case .ik502, .ik304, .ik403, .note:
            if transaction != nil { transaction!.findings.append(f) }
            else if group != nil { group!.findings.append(f) }
            else if interchange != nil { interchange!.findings.append(f) }
            else { keepUnattached(f) }
        }
    }

    private func noteLevel(_ segment: SegmentView, at position: Int) {
        if segment.hasID("HL") {
            let parent = segment.element(2).string
            transaction!.levels.append(HierarchicalLevel(
                position: position, id: segment.element(1).string, parentID: parent.isEmpty ? nil : parent,
                levelCode: segment.element(3).string))
        } else if segment.hasID("TRN"), !transaction!.levels.isEmpty, transaction!.levels[transaction!.levels.count - 1].traceNumber == nil {
            let trace = segment.element(2).string
            if !trace.isEmpty { transaction!.levels[transaction!.levels.count - 1].traceNumber = trace }
        }
    }

    private func closeTransaction() {
        guard let tx = transaction else { return }
        transaction = nil
        guard group != nil else { return }
        if let sink = onTransactionClosed { sink(tx, group!) } else { group!.transactions.append(tx) }
    }

    private func closeGroup() {
        closeTransaction()
        guard let g = group else { return }
        group = nil
        onGroupClosed?(g)
        if keepsGroups || !(interchange?.groups.contains { $0.isAcknowledgmentGroup == g.isAcknowledgmentGroup } ?? true) {
            interchange?.groups.append(g)
        }
    }

    private func closeInterchange() {
        closeGroup()
        guard let ic = interchange else { return }
        interchange = nil
        completed.append(ic)
    }
}
