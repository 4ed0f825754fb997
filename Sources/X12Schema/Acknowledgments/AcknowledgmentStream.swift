import X12

/// Writes the 999s of an input as it is read, so that the memory stays flat however many sets it holds: each
/// transaction set's 2000 loop (AK2 … IK5) goes to a spool as the set closes, each group's AK9 as the group
/// closes, and when an interchange closes its acknowledgment interchange (ISA, the TA1 when due, one 999 per
/// group, IEA) is written by ``write(_:to:controlNumbers:)``. The bytes are those ``AcknowledgmentWriter`` writes
/// for the same summary.
///
/// Feed it every reader event; findings found elsewhere (a validator's, a mapping's) are added with
/// ``add(_:unlessKnown:)`` before the event that closes their unit. ``closedTransaction`` tells the IK501 of the
/// set the last event closed (the caller answers accepted sets only).
///
/// ```swift
/// let acks = try AcknowledgmentStream(options: options, spoolPath: nil)
/// while let event = try reader.next() {
///     acks.consume(event, from: reader)
///     if let done = acks.takeCompleted() { try acks.write(done, to: out, controlNumbers: numbers) }
/// }
/// ```
/// Memory: the open set's findings and HL levels, and one small 999 outcome per group of the open interchange
/// (one in all with ``keepsEveryGroupOutcome`` off).
public final class AcknowledgmentStream {
    /// Dates, support table and element references.
    public let options: AcknowledgmentOptions
    /// The set the last consumed event closed, with its IK501 (`nil` when that event closed none).
    public private(set) var closedTransaction: (summary: TransactionSummary, code: String)?

    private let collector = EnvelopeCollector()
    private let builder: FunctionalAcknowledgmentBuilder
    private let spool: EnvelopeSpool
    private var header: InterchangeHeader?
    private var delimiters: Delimiters = .standard
    /// The 999s of the open interchange (decisions only) and of the one completed and not yet written.
    private var acknowledgments: [FunctionalAcknowledgment] = []
    private var completed: (summary: InterchangeSummary, acknowledgments: [FunctionalAcknowledgment])?
    /// The open group's counts; `nil` when it gets no 999 (an `FA` group, no interchange).
    private var counts: (received: Int, accepted: Int, noted: Bool)?
    /// When `false`, an outcome's ``AcknowledgmentOutcome/functionalAcknowledgments`` holds one 999 only, the first
    /// with the worst AK901 (`A` < `E` < `P` < `R`), however many groups the interchange had: enough for a caller
    /// that asks whether a 999 was written and how bad the worst was, in a memory that does not grow with the
    /// number of groups.
    public var keepsEveryGroupOutcome = true
    /// The first error writing to the spool, thrown by the next ``write(_:to:controlNumbers:)``.
    private var failure: X12IOError?

    /// A stream whose 999 loops wait in a spool file at `spoolPath` (removed when the stream goes), or in memory.
    public init(options: AcknowledgmentOptions = AcknowledgmentOptions(), spoolPath: String? = nil) throws(X12IOError) {
        self.options = options
        builder = FunctionalAcknowledgmentBuilder(options: options)
        spool = try EnvelopeSpool(path: spoolPath)
        collector.onTransactionClosed = { [unowned self] tx, group in self.transactionClosed(tx, group) }
        collector.onGroupClosed = { [unowned self] group in self.groupClosed(group) }
        collector.keepsGroups = false
    }

    /// Findings that belong to no interchange (bytes before the first ISA, a broken ISA), the first
    /// ``EnvelopeCollector/unattachedLimit``.
    public var unattached: [Finding] { collector.unattached }
    /// Findings outside any interchange beyond ``EnvelopeCollector/unattachedLimit`` (counted only).
    public var unattachedOmitted: Int { collector.unattachedOmitted }

    /// Takes one event from a reader.
    public func consume(_ event: X12Event, from reader: X12Reader) {
        closedTransaction = nil
        let before = collector.completedCount
        collector.consume(event, from: reader)
        if collector.completedCount > before, let summary = collector.takeCompleted().last {
            completed = (summary, acknowledgments)
            acknowledgments = []
        }
        switch event {
        case .interchangeStart(let h):
            header = h
            delimiters = AcknowledgmentWriter.outputDelimiters(h.delimiters)
            spool.writer.delimiters = delimiters
            spool.writer.suffix = reader.suffix
        case .groupStart(let g):
            guard let h = header, g.functionalID != "FA" else {
                counts = nil
                return
            }
            spool.beginGroup(AcknowledgmentWriter.groupHeader(answering: g, in: h, controlNumber: "", options: options))
            spooling { () throws(X12IOError) in try spool.beginTransaction(id: "999", controlNumber: "0001", implementationReference: "005010X231A1") }
            write(builder.opening(for: g))
            counts = (0, 0, false)
        case .interchangeEnd, .endOfInput:
            header = nil
        default:
            break
        }
    }

    /// Adds findings found elsewhere to the open units (see ``EnvelopeCollector/add(_:unlessKnown:)``).
    public func add(_ findings: [Finding], unlessKnown: Bool = false) {
        collector.add(findings, unlessKnown: unlessKnown)
    }

    /// The interchange the last events closed, once, with at most one `FA` group and one other (their `transactions`
    /// are empty: the sets were acknowledged as they closed; enough for ``InterchangeSummary/isAcknowledgmentOnly``). Pass it, with any finding added, to ``write(_:to:controlNumbers:)``.
    public func takeCompleted() -> InterchangeSummary? {
        completed?.summary
    }

    /// Writes the acknowledgment interchange of the completed `interchange` to `writer` (nothing when none is due;
    /// no 999 when the TA1 rejects it) and forgets it.
    @discardableResult
    public func write(_ interchange: InterchangeSummary, to writer: X12Writer,
                      controlNumbers: ControlNumberSource) throws(X12IOError) -> AcknowledgmentOutcome {
        if let failure { throw failure }
        let acks = completed?.acknowledgments ?? []
        completed = nil
        let ta1 = InterchangeAcknowledgmentBuilder.build(for: interchange)
        var outcome = AcknowledgmentOutcome(interchangeControlNumber: interchange.header.controlNumber,
                                            interchangeAcknowledgment: ta1, functionalAcknowledgments: ta1?.code == "R" ? [] : acks)
        if ta1?.code == "R" { try spool.empty() }
        guard ta1 != nil || !outcome.functionalAcknowledgments.isEmpty else {
            try spool.empty()
            return outcome
        }
        let h = interchange.header
        writer.delimiters = AcknowledgmentWriter.outputDelimiters(h.delimiters)
        writer.suffix = interchange.suffix
        outcome.acknowledgmentControlNumber = try spool.envelope(
            into: writer, interchange: { AcknowledgmentWriter.interchangeFields(answering: h, controlNumber: $0, options: self.options) },
            leading: ta1.map { [$0.segment] } ?? [], controlNumbers: controlNumbers)
        return outcome
    }

    // MARK: Private

    private func write(_ segment: Segment) {
        spooling { () throws(X12IOError) in try spool.writer.write(segment) }
    }

    /// Runs a spool write, keeping its error for ``write(_:to:controlNumbers:)`` (events cannot throw).
    private func spooling(_ body: () throws(X12IOError) -> Void) {
        do { try body() } catch { if failure == nil { failure = error } }
    }

    private func transactionClosed(_ tx: TransactionSummary, _ group: GroupSummary) {
        let (loop, code) = builder.transactionLoop(tx, in: group, delimiters: delimiters)
        closedTransaction = (tx, code)
        guard counts != nil else { return }
        for segment in loop { write(segment) }
        counts!.received += 1
        if code == "A" || code == "E" { counts!.accepted += 1 }
        if code != "A" { counts!.noted = true }
    }

    private func groupClosed(_ group: GroupSummary) {
        guard let c = counts else { return }
        counts = nil
        let (ak9, code, groupCodes) = builder.trailer(for: group, received: c.received, accepted: c.accepted, anyNoted: c.noted)
        write(ak9)
        spooling { () throws(X12IOError) in try spool.writer.endTransaction() }
        let ack = FunctionalAcknowledgment(
            functionalID: group.header.functionalID, groupControlNumber: group.header.controlNumber, code: code,
            groupErrorCodes: groupCodes, transactionCodes: [], body: [], receivedCount: c.received, acceptedCount: c.accepted)
        if keepsEveryGroupOutcome || acknowledgments.isEmpty {
            acknowledgments.append(ack)
        } else if Self.rank(ack.code) > Self.rank(acknowledgments[0].code) {
            acknowledgments[0] = ack
        }
    }

    /// AK901 codes from best to worst.
    private static func rank(_ code: String) -> Int { ["A": 0, "E": 1, "P": 2, "R": 3][code] ?? 3 }
}
