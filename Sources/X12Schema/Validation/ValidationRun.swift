import X12

/// The state of one ``Validator`` pass over an input: the units open now, findings waiting for the unit they
/// belong to, and the report so far.
struct ValidationRun {
    let validator: Validator
    let onSegment: Validator.SegmentHandler?
    let onTransaction: Validator.TransactionHandler?
    let onGroup: Validator.GroupHandler?
    let onInterchange: Validator.InterchangeHandler?
    var report: ValidationReport

    private var interchange: InterchangeReport?
    /// Interchanges closed so far (handed over or kept).
    private var interchangesClosed = 0
    private var group: GroupReport?
    private var orphanGroup = false
    private var transaction: TransactionReport?
    /// Unowned: the ``Validator`` keeps every transaction-set validator it hands out (and `lastValidator` this one).
    private var current: TransactionValidator? {
        didSet { currentRef = current.map { Unmanaged.passUnretained($0) } }
    }
    /// `current`, unretained, for the per-segment call.
    private var currentRef: Unmanaged<TransactionValidator>?
    private var pendingInterchange: [Finding] = []
    private var pendingGroup: [Finding] = []
    private var pendingTransaction: [Finding] = []
    /// A 278-style set whose guide depends on BHT02: the ST kept until BHT arrives.
    private var deferredST: (bytes: [UInt8], delimiters: Delimiters, location: Location, version: String)?
    private var hasDeferredST = false
    /// `transaction != nil`, kept as a flag so the per-segment test does not copy the report.
    private var inTransaction = false
    /// The current segment's position in its set (ST = 1), counted here so the reader's `Location` is built only
    /// when a finding needs it.
    private var segmentPosition = 0
    /// The last ST01 and version looked up, and what the library answered.
    private var lastChoice: (st01: String, version: String, needsBHT02: Bool, guide: GuideSpec?)?
    /// The transaction-set validator used last (a file repeats the same guide).
    private var lastValidator: TransactionValidator?
    /// The same for a set whose guide depends on BHT02.
    private var lastBHT02Choice: (st01: String, version: String, bht02: String?, guide: GuideSpec?)?

    init(validator: Validator, source: String, onSegment: Validator.SegmentHandler?, onTransaction: Validator.TransactionHandler? = nil,
         onGroup: Validator.GroupHandler? = nil, onInterchange: Validator.InterchangeHandler? = nil) {
        self.validator = validator
        self.onSegment = onSegment
        self.onTransaction = onTransaction
        self.onGroup = onGroup
        self.onInterchange = onInterchange
        report = ValidationReport(source: source)
    }

    private var library: SpecLibrary { validator.library }

    mutating func handle(_ event: X12Event, reader: X12Reader) {
        switch event {
        case .finding(let f):
            route(f)
        case .interchangeStart(let h):
            closeInterchange()
            interchange = InterchangeReport(header: h, location: reader.location, findings: pendingInterchange)
            pendingInterchange = []
        case .interchangeAcknowledgment:
            interchange?.containsAcknowledgment = true
            if reader.hasSegment, let envelope = library.envelope, let checker = InterchangeAcknowledgmentChecker(envelope: envelope) {
                let findings = checker.check(reader.segment, at: reader.location)
                if !findings.isEmpty { interchange?.findings += findings }
            }
        case .groupStart(let h):
            var g = GroupReport(header: h, location: reader.location, findings: pendingGroup)
            pendingGroup = []
            var loc = reader.location
            loc.segmentID = "GS"
            if !library.guides.contains(where: { $0.functionalGroupID == h.functionalID }) {
                g.findings.append(Finding(code: FindingCode(.ak905, "1"), location: loc.at(element: 1), value: h.functionalID,
                                          message: "Functional group \(h.functionalID) is not supported (no guide for it)."))
            } else if !library.guides.contains(where: { $0.functionalGroupID == h.functionalID && $0.version == h.version }) {
                g.findings.append(Finding(code: FindingCode(.ak905, "2"), location: loc.at(element: 8), value: h.version,
                                          message: "Version \(h.version) is not supported for functional group \(h.functionalID)."))
            }
            group = g
            orphanGroup = false
        case .transactionStart(let h):
            startTransaction(h, reader: reader)
        case .segment:
            guard inTransaction else { return }
            segmentPosition += 1
            assert(segmentPosition == reader.location.segmentPosition, "the run's segment count drifted from the reader's")
            if hasDeferredST, let d = deferredST {
                deferredST = nil
                hasDeferredST = false
                let bht02 = reader.segment.hasID("BHT") ? reader.segment.element(2).string : nil
                let guide = guideChoice(st01: transaction!.header.id, version: d.version, bht02: bht02)
                begin(guide: guide, stBytes: d.bytes, delimiters: d.delimiters, location: d.location)
            }
            if let ref = currentRef {
                // The validator is kept alive by `current`'s owner (see `current`): no retain per segment.
                let position = segmentPosition
                let spec = ref._withUnsafeGuaranteedRef { v in
                    v.segment(reader.segment, position: position, location: { reader.location },
                              place: { reader.decoder.segmentPlace })
                }
                if let onSegment { onSegment(reader.segment, reader.location, spec?.takeUnretainedValue(), ref.takeUnretainedValue().tracker) }
            } else if let onSegment {
                onSegment(reader.segment, reader.location, nil, nil)
            }
        case .transactionEnd:
            guard inTransaction else { return }
            if hasDeferredST, let d = deferredST {
                deferredST = nil
                hasDeferredST = false
                begin(guide: library.guide(st01: transaction!.header.id, version: d.version), stBytes: d.bytes, delimiters: d.delimiters, location: d.location)
            }
            let endLocation = reader.location
            if let v = current {
                v.end(se: reader.hasSegment ? reader.segment : nil, location: endLocation)
                if !v.findings.isEmpty { transaction!.findings += v.takeFindings() }
            }
            // Moved out, not copied.
            var taken: TransactionReport?
            swap(&taken, &transaction)
            var tx = taken!
            tx.segmentCount = endLocation.segmentPosition ?? 0
            if tx.findings.count > 1 { tx.findings = stableSorted(tx.findings) }
            inTransaction = false
            current = nil
            let keep: Bool
            if let onTransaction {
                onTransaction(tx)
                keep = validator.options.keepTransactions
            } else {
                keep = validator.options.keepTransactions || !tx.findings.isEmpty
            }
            if group == nil { openOrphanGroup(at: tx.location) }
            group!.add(tx, keep: keep)
            if orphanGroup { closeGroup() }
        case .groupEnd:
            if reader.hasSegment, let n = Int(reader.segment.element(1).string) { group?.declaredTransactionCount = n }
            closeGroup()
        case .interchangeEnd:
            closeInterchange()
        case .endOfInput:
            closeInterchange()
            report.findings += pendingInterchange + pendingGroup + pendingTransaction
            pendingInterchange = []
            pendingGroup = []
            pendingTransaction = []
        }
    }

    // MARK: Transactions

    private mutating func startTransaction(_ h: TransactionHeader, reader: X12Reader) {
        var loc = reader.location
        loc.segmentID = "ST"
        transaction = TransactionReport(header: h, location: loc, findings: pendingTransaction)
        inTransaction = true
        segmentPosition = loc.segmentPosition ?? 1
        pendingTransaction = []
        current = nil
        let gs08 = group?.header?.version
        let version = h.implementationReference ?? gs08 ?? ""
        if let st03 = h.implementationReference, let gs08, st03 != gs08 {
            transaction!.findings.append(Finding(code: FindingCode(.ik502, "19"), location: loc.at(element: 3), value: st03,
                                                 message: "ST03 \(st03) does not match GS08 \(gs08)."))
        }
        let choice = guideChoice(st01: h.id, version: version)
        if choice.needsBHT02 {
            deferredST = (Array(reader.segment.bytes), reader.segment.delimiters, loc, version)
            hasDeferredST = true
            return
        }
        begin(guide: choice.guide, stBytes: nil, st: reader.segment, location: loc, version: version)
    }

    /// ``SpecLibrary/needsBHT02(st01:version:)`` and ``SpecLibrary/guide(st01:version:bht02:)`` for this ST01 and
    /// version, remembered for the next set (a file repeats the same few).
    private mutating func guideChoice(st01: String, version: String, bht02: String?) -> GuideSpec? {
        if let c = lastBHT02Choice, c.st01 == st01, c.version == version, c.bht02 == bht02 { return c.guide }
        let guide = library.guide(st01: st01, version: version, bht02: bht02)
        lastBHT02Choice = (st01, version, bht02, guide)
        return guide
    }

    private mutating func guideChoice(st01: String, version: String) -> (needsBHT02: Bool, guide: GuideSpec?) {
        if let c = lastChoice, c.st01 == st01, c.version == version { return (c.needsBHT02, c.guide) }
        let needs = library.needsBHT02(st01: st01, version: version)
        let guide = needs ? nil : library.guide(st01: st01, version: version)
        lastChoice = (st01, version, needs, guide)
        return (needs, guide)
    }

    private mutating func begin(guide: GuideSpec?, stBytes: [UInt8], delimiters: Delimiters, location: Location) {
        stBytes.withUnsafeBytes { raw in
            begin(guide: guide, stBytes: stBytes, st: SegmentView(bytes: raw, delimiters: delimiters), location: location,
                  version: transaction?.header.implementationReference ?? group?.header?.version ?? "")
        }
    }

    private mutating func begin(guide: GuideSpec?, stBytes: [UInt8]?, st: SegmentView, location: Location, version: String) {
        guard let h = transaction?.header else { return }
        guard let guide else {
            if library.supports(st01: h.id) {
                transaction!.findings.append(Finding(code: FindingCode(.ik502, "I6"), location: location.at(element: 3), value: version,
                                                     message: "Implementation convention \(version.isEmpty ? "(none)" : version) is not supported for transaction set \(h.id)."))
            } else {
                transaction!.findings.append(Finding(code: FindingCode(.ik502, "1"), location: location.at(element: 1), value: h.id,
                                                     message: "Transaction set \(h.id.isEmpty ? "(no ST01)" : h.id) is not supported."))
            }
            return
        }
        transaction!.guideID = guide.id
        if let gs01 = group?.header?.functionalID, gs01 != guide.functionalGroupID {
            transaction!.findings.append(Finding(code: FindingCode(.ik502, "6"), location: location.at(element: 1), value: h.id,
                                                 message: "Transaction set \(h.id) does not belong in a functional group \(gs01) (expected \(guide.functionalGroupID))."))
        }
        let v: TransactionValidator
        if let last = lastValidator, last.guide === guide { v = last } else {
            v = validator.transactionValidator(for: guide)
            lastValidator = v
        }
        v.begin(st: st, location: location)
        current = v
    }

    private func stableSorted(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { a, b in
            let pa = a.element.location.segmentPosition ?? 0, pb = b.element.location.segmentPosition ?? 0
            return pa != pb ? pa < pb : a.offset < b.offset
        }.map(\.element)
    }

    // MARK: Groups and interchanges

    private mutating func openOrphanGroup(at location: Location) {
        group = GroupReport(header: nil, location: location)
        orphanGroup = true
    }

    private mutating func closeGroup() {
        guard let g = group else { return }
        if interchange == nil {
            interchange = InterchangeReport(header: InterchangeHeader(fields: [], delimiters: .standard), location: g.location)
        }
        if let onGroup {
            onGroup(g, interchangesClosed)
        } else {
            interchange!.groups.append(g)
        }
        group = nil
        orphanGroup = false
    }

    private mutating func closeInterchange() {
        if group != nil { closeGroup() }
        guard let ic = interchange else { return }
        if let onInterchange { onInterchange(ic) } else { report.interchanges.append(ic) }
        interchangesClosed += 1
        interchange = nil
    }

    // MARK: Findings

    private mutating func route(_ f: Finding) {
        enum Target { case interchange, group, transaction }
        let target: Target
        switch f.code.family {
        case .ta105: target = .interchange
        case .ak905: target = .group
        case .ik502: target = .transaction
        case .ik304, .ik403, .note:
            target = f.location.transactionControlNumber != nil ? .transaction : f.location.groupControlNumber != nil ? .group : .interchange
        }
        switch target {
        case .transaction:
            if transaction != nil { transaction!.findings.append(f) } else { pendingTransaction.append(f) }
        case .group:
            if group != nil && !orphanGroup { group!.findings.append(f) } else { pendingGroup.append(f) }
        case .interchange:
            if interchange != nil { interchange!.findings.append(f) } else { pendingInterchange.append(f) }
        }
    }
}
