import X12

extension Acknowledger {
    /// Validates the file at `path` with the guides of `validator`, then reads it again and writes the
    /// acknowledgments to `writer` as it goes: the same bytes as ``acknowledge(_:validator:to:)``, in a memory that
    /// does not grow with the file.
    ///
    /// The first reading writes the sets that have findings to a ``FindingSpool`` on disk as they close and keeps
    /// the groups' and interchanges' findings and counts, and each interchange's line ending; the second reads the
    /// spool alongside and writes, set by set, an `AK2 … IK5` for each (the HL levels that name a business unit are
    /// recorded for the sets with findings only): one set's findings are in memory at a time.
    /// Each group's findings and GE01 wait in a second spool file, each interchange's findings and the shape of its
    /// groups (how many, whether one is not `FA`) in a third; the line ending of each ISA13 is kept.
    /// ISA13 and GS06 are drawn in the same order. A file whose report holds a group outside any interchange is
    /// acknowledged the in-memory way (its interchanges cannot be paired with the second reading's). No input reaches
    /// that way today: the reader reports a GS or ST before an ISA (or after an IEA) as bytes outside any interchange
    /// and skips it, so the validator always has an interchange open when a group closes (see `AckFallbackTests`).
    ///
    /// With `onEvent`, each interchange and each group's 999 are told as they are written and the run keeps no
    /// outcome (``AcknowledgmentRun/outcomes`` is empty; ``AcknowledgmentRun/unattached`` is kept): the memory does
    /// not grow with the number of groups or interchanges.
    public func acknowledge(path: String, validator: Validator, to writer: X12Writer,
                            onEvent: ((AcknowledgmentEvent) -> Void)? = nil) throws(X12IOError) -> AcknowledgmentRun {
        let lean = Validator(library: validator.library,
                             options: Validator.Options(keepTransactions: false, readerOptions: validator.options.readerOptions))
        let first = try X12Reader(path: path, options: validator.options.readerOptions)
        var suffixes: [String: SegmentSuffix] = [:]
        var firstSuffix: SegmentSuffix?
        let spool = try FindingSpool()
        // Each group's findings and GE01 wait on disk too, and each interchange's findings and shape.
        let groupSpool = try GroupSpool(), interchangeSpool = try InterchangeSpool()
        var shape = InterchangeShape()
        var outsideInterchanges = false
        let report = try lean.validate(reader: first, onSegment: { _, location, _, _ in
            // The line ending the ``HierarchyRecorder`` would record.
            if let ic = location.interchangeControlNumber, suffixes[ic] == nil {
                suffixes[ic] = first.suffix
                if firstSuffix == nil { firstSuffix = first.suffix }
            }
        }, onTransaction: { tx in
            if !tx.findings.isEmpty { spool.appendLater(tx) }
        }, onGroup: { g, _ in
            guard let header = g.header else {
                // Sets outside any group: the TA1 says `024` (one finding is enough, the first).
                if shape.outsideGroups == nil {
                    shape.outsideGroups = Finding(code: FindingCode(.ta105, "024"), location: g.location,
                                                  message: "Transaction set(s) outside any functional group.")
                }
                return
            }
            shape.groups += 1
            if header.functionalID != "FA" { shape.acknowledged = true }
            groupSpool.appendLater(g)
        }, onInterchange: { ic in
            if ic.header.fields.isEmpty { outsideInterchanges = true }
            interchangeSpool.appendLater(InterchangeSpool.Entry(
                findings: ic.findings + (shape.outsideGroups.map { [$0] } ?? []), containsAcknowledgment: ic.containsAcknowledgment,
                groups: shape.groups, acknowledged: shape.acknowledged), at: ic.location)
            shape = InterchangeShape()
        })
        if outsideInterchanges {
            return try acknowledge(X12Reader(path: path, options: validator.options.readerOptions), validator: validator, to: writer)
        }
        try spool.rewind()
        try groupSpool.rewind()
        try interchangeSpool.rewind()
        let builder = FunctionalAcknowledgmentBuilder(options: options)
        var run = AcknowledgmentRun(unattached: report.findings)
        let reader = try X12Reader(path: path, options: validator.options.readerOptions)

        // The open interchange, group and set.
        var interchange: (summary: InterchangeSummary, outcome: AcknowledgmentOutcome, writes: Bool, acks: Bool, groups: Int,
                          spooled: Int)?
        var group: (summary: GroupSummary, received: Int, accepted: Int, noted: Bool, writes: Bool)?
        var set: (header: TransactionHeader, report: TransactionReport?, levels: HierarchyRecorder?)?
        var delimiters = Delimiters.standard

        func closeGroup() throws(X12IOError) {
            guard let g = group else { return }
            group = nil
            guard g.writes else { return }
            let (ak9, code, groupCodes) = builder.trailer(for: g.summary, received: g.received, accepted: g.accepted, anyNoted: g.noted)
            try writer.write(ak9)
            try writer.endTransaction()
            try writer.endGroup()
            let ack = FunctionalAcknowledgment(
                functionalID: g.summary.header.functionalID, groupControlNumber: g.summary.header.controlNumber, code: code,
                groupErrorCodes: groupCodes, transactionCodes: [], body: [], receivedCount: g.received, acceptedCount: g.accepted)
            if let onEvent { onEvent(.group(ack)) } else { interchange?.outcome.functionalAcknowledgments.append(ack) }
        }
        func closeInterchange() throws(X12IOError) {
            try closeGroup()
            guard var ic = interchange else { return }
            interchange = nil
            // Keeps the group spool in step should this reading see fewer groups than the first.
            while ic.groups < ic.spooled {
                _ = try groupSpool.next()
                ic.groups += 1
            }
            if ic.writes { try writer.endInterchange() }
            if onEvent == nil { run.outcomes.append(ic.outcome) }
        }

        while let event = try reader.next() {
            switch event {
            case .interchangeStart(let h):
                try closeInterchange()
                guard let received = try interchangeSpool.next() else { break }
                // What `InterchangeSummary(report:recorder:)` makes of the report, its groups waiting on disk: an
                // interchange of only `FA` groups counts as an acknowledgment.
                let summary = InterchangeSummary(
                    header: h, findings: received.findings, groups: [],
                    containsTA1: received.containsAcknowledgment || (received.groups > 0 && !received.acknowledged),
                    suffix: suffixes[h.controlNumber] ?? firstSuffix ?? .none)
                let ta1 = InterchangeAcknowledgmentBuilder.build(for: summary)
                let acks = ta1?.code != "R" && received.acknowledged
                var outcome = AcknowledgmentOutcome(interchangeControlNumber: h.controlNumber, interchangeAcknowledgment: ta1)
                if ta1 != nil || acks {
                    delimiters = AcknowledgmentWriter.outputDelimiters(h.delimiters)
                    writer.delimiters = delimiters
                    writer.suffix = summary.suffix
                    let control = controlNumbers.nextInterchangeControlNumber()
                    outcome.acknowledgmentControlNumber = control
                    try writer.beginInterchange(AcknowledgmentWriter.interchangeFields(answering: h, controlNumber: control, options: options))
                    if let ta1 { try writer.write(ta1.segment) }
                }
                onEvent?(.interchange(outcome))
                interchange = (summary, outcome, ta1 != nil || acks, acks, 0, received.groups)
            case .groupStart(let gs):
                try closeGroup()
                guard let ic = interchange, ic.groups < ic.spooled, let found = try groupSpool.next() else { break }
                let summary = GroupSummary(header: gs, findings: found.findings, declaredTransactionCount: found.declaredTransactionCount,
                                           hasTrailer: !found.findings.contains { $0.code == FindingCode(.ak905, "3") })
                interchange!.groups += 1
                let writes = ic.acks && !summary.isAcknowledgmentGroup
                if writes {
                    try writer.beginGroup(AcknowledgmentWriter.groupHeader(
                        answering: gs, in: ic.summary.header, controlNumber: String(controlNumbers.nextGroupControlNumber()), options: options))
                    try writer.beginTransaction(id: "999", controlNumber: "0001", implementationReference: "005010X231A1")
                    try writer.write(builder.opening(for: summary.header))
                }
                group = (summary, 0, 0, false, writes)
            case .transactionStart(let st):
                let found = try spool.take(at: reader.location.segmentIndex)
                set = (st, found, found == nil ? nil : HierarchyRecorder(reader: reader))
            case .segment:
                if let levels = set?.levels, reader.segment.hasID("HL") || reader.segment.hasID("TRN") {
                    levels.record(reader.segment, reader.location)
                }
            case .transactionEnd:
                guard let s = set, group != nil else { break }
                set = nil
                let tx = TransactionSummary(header: s.report?.header ?? s.header, findings: s.report?.findings ?? [],
                                            levels: s.report.flatMap { s.levels?.levels[$0.location.segmentIndex] } ?? [])
                let (loop, code) = builder.transactionLoop(tx, in: group!.summary, delimiters: delimiters)
                if group!.writes { for segment in loop { try writer.write(segment) } }
                group!.received += 1
                if code == "A" || code == "E" { group!.accepted += 1 }
                if code != "A" { group!.noted = true }
            case .groupEnd:
                try closeGroup()
            case .interchangeEnd, .endOfInput:
                try closeInterchange()
            default:
                break
            }
        }
        try closeInterchange()
        try writer.flush()
        return run
    }
}

/// What the first reading of ``Acknowledger/acknowledge(path:validator:to:)`` learns of the open interchange's groups:
/// how many were spooled, whether one is not an acknowledgment (`FA`), and the `024` finding when sets lay outside
/// any group.
private struct InterchangeShape {
    var groups = 0
    var acknowledged = false
    var outsideGroups: Finding?
}
