import AuthModel
import X12
import X12Mapping
import X12Schema

extension FileProcessor {
    /// One reading of one received file: its events go to the 999 stream; each set is mapped once, and answered
    /// when the 999 accepts it; each interchange is settled (TA1, 999s, answers, store rows) when it closes.
    struct Run {
        /// The interchange being read.
        struct Open {
            var header: InterchangeHeader
            var duplicate: Bool
            /// A store savepoint was opened (a 278 was answered): undone when the TA1 rejects the interchange.
            var savepoint = false
            var sets = 0, accepted = 0, rejected = 0, answeredWithRejection = 0
            /// The lines of the sets it rejected (dropped when the TA1 rejects the interchange).
            var report: ReportLines
        }

        let processor: FileProcessor
        let session: any GatewaySession
        let fileID: Int64?
        let acknowledgments: AcknowledgmentStream
        let eligibilityAnswers: ResponseStream
        let authorizationAnswers: ResponseStream
        /// Answers the 270s (it caches plan benefits and providers: one per file).
        let eligibility: EligibilityResponder
        let acks: StreamedOutput
        let answers271: StreamedOutput
        let answers278: StreamedOutput
        /// Where report lines spill (the system's temporary folder when `nil`).
        let spoolDirectory: String?

        var interchanges = 0, rejectedInterchanges = 0
        var transactions = 0, accepted = 0, rejected = 0, answeredWithRejection = 0
        var any999 = false, anyTA1Only = false, any271 = false, any278 = false, duplicate = false
        var report: ReportLines
        /// The interchange being read.
        var open: Open?

        private static let savepoint = "interchange"

        /// Reads every event of `reader`, adding the validation's findings of each set and group as it closes.
        mutating func read(_ reader: X12Reader, validation: ValidationFindings?) throws {
            var group: GroupHeader?
            var st: TransactionHeader?
            var groupIndex = 0, setIndex = 0
            var collecting = false
            var segments: [Segment] = []
            while let event = try reader.next() {
                var model: ModelTransaction?
                switch event {
                case .transactionStart(let header):
                    st = header
                    setIndex = reader.location.segmentIndex
                    collecting = open.map { !$0.duplicate } == true && group != nil && FileProcessor.mappedIDs.contains(header.id)
                    segments.removeAll(keepingCapacity: true)
                    if collecting { segments.append(reader.segment.copy()) }
                case .segment:
                    if collecting { segments.append(reader.segment.copy()) }
                case .transactionEnd:
                    if collecting {
                        if reader.hasSegment { segments.append(reader.segment.copy()) }
                        do {
                            model = try processor.codec.decode(segments)
                        } catch {
                            var at = reader.location
                            at.transactionSetID = st?.id
                            at.transactionControlNumber = st?.controlNumber
                            acknowledgments.add([Finding(code: FindingCode(.ik502, "I5"), location: at,
                                                         message: "The transaction set cannot be read as a \(st?.id ?? ""): \(error)")])
                        }
                    }
                    if let found = try validation?.transaction(at: setIndex) { acknowledgments.add(found, unlessKnown: true) }
                    collecting = false
                case .groupStart(let header):
                    group = header
                    groupIndex = reader.location.segmentIndex
                case .groupEnd:
                    if let found = validation?.groups[groupIndex] { acknowledgments.add(found, unlessKnown: true) }
                default:
                    break
                }
                acknowledgments.consume(event, from: reader)
                if let closed = acknowledgments.closedTransaction, let g = group, open != nil, closed.summary.header.id != "999" {
                    try settle(closed.summary, code: closed.code, group: g, model: model)
                }
                switch event {
                case .groupEnd, .interchangeEnd, .endOfInput: group = nil
                default: break
                }
                if let done = acknowledgments.takeCompleted() { try finish(done) }
                if case .interchangeStart(let h) = event { try begin(h, suffix: reader.suffix) }
            }
        }

        private mutating func begin(_ h: InterchangeHeader, suffix: SegmentSuffix) throws {
            interchanges += 1
            let seen = try session.interchange(senderQualifier: h.senderQualifier, senderID: h.senderID, controlNumber: h.controlNumber)
            open = Open(header: h, duplicate: seen != nil, report: ReportLines(directory: spoolDirectory))
            let delimiters = AcknowledgmentWriter.outputDelimiters(h.delimiters)
            try eligibilityAnswers.begin(delimiters: delimiters, suffix: suffix)
            try authorizationAnswers.begin(delimiters: delimiters, suffix: suffix)
        }

        /// Counts a closed set and answers it when the 999 accepts it and it mapped.
        private mutating func settle(_ tx: TransactionSummary, code: String, group: GroupHeader, model: ModelTransaction?) throws {
            open!.sets += 1
            guard code == "A" || code == "E" else {
                open!.rejected += 1
                try open!.report.append("interchange \(open!.header.controlNumber) group \(group.controlNumber) set \(tx.header.controlNumber) (\(tx.header.id)): rejected in the 999")
                for f in tx.findings { try open!.report.append("  \(f)") }
                return
            }
            open!.accepted += 1
            switch model {
            case .eligibilityInquiry(let inquiries)?:
                let responses = try inquiries.map { try eligibility.respond(to: $0, in: session) }
                open!.answeredWithRejection += responses.filter { !$0.allRejections.isEmpty }.count
                try eligibilityAnswers.append(senderCode: group.receiverCode, receiverCode: group.senderCode,
                                              model: .eligibilityResponse(responses))
            case .authorizationRequest(let request)?:
                if !open!.savepoint {
                    try session.beginSavepoint(Self.savepoint)
                    open!.savepoint = true
                }
                let h = open!.header
                let answer = try processor.authorizations.respond(to: request, fileID: fileID, partner: "\(h.senderQualifier):\(h.senderID)",
                                                                  receiver: "\(h.receiverQualifier):\(h.receiverID)", in: session)
                if answer.decision.isRejection { open!.answeredWithRejection += 1 }
                try authorizationAnswers.append(senderCode: group.receiverCode, receiverCode: group.senderCode,
                                                model: .authorizationDecision(answer.decision))
            default:
                break
            }
        }

        /// Settles a closed interchange: duplicate check, store rows, the TA1 and 999s, the answers (or none).
        private mutating func finish(_ closed: InterchangeSummary) throws {
            var summary = closed
            let h = summary.header
            let state = open ?? Open(header: h, duplicate: false, report: ReportLines(directory: spoolDirectory))
            open = nil
            if state.duplicate {
                duplicate = true
                summary.findings.append(Finding(code: FindingCode(.ta105, "025"),
                                                location: Location(byteOffset: 0, line: 1, segmentIndex: 1, interchangeControlNumber: h.controlNumber, segmentID: "ISA"),
                                                value: h.controlNumber,
                                                message: "Interchange \(h.controlNumber) from \(h.senderID) was received before; it is not processed again."))
            }
            let refused = InterchangeAcknowledgmentBuilder.build(for: summary)?.code == "R"
            if state.savepoint { try session.endSavepoint(Self.savepoint, keep: !refused) }
            // A refused interchange (TA1 R) is not recorded as received: the partner resends it, corrected,
            // usually with the same ISA13, and that resend is not a duplicate.
            if !state.duplicate && !summary.isAcknowledgmentOnly && !refused {
                _ = try session.partner(qualifier: h.senderQualifier, senderID: h.senderID, at: processor.clock.timestamp)
                var row = InterchangeRecord(fileID: fileID, senderQualifier: h.senderQualifier, senderID: h.senderID,
                                            receiverID: h.receiverID, controlNumber: h.controlNumber, receivedAt: processor.clock.timestamp)
                try session.insert(&row)
            }
            let numbers = StoreControlNumbers(session: session)
            let outcome = try acknowledgments.write(summary, to: acks.writer, controlNumbers: numbers)
            try numbers.check()
            if let ta1 = outcome.interchangeAcknowledgment {
                if outcome.functionalAcknowledgments.isEmpty { anyTA1Only = true }
                try processor.note(kind: "TA1", outcome, result: ta1.code, in: session, fileID: fileID)
                if ta1.code == "R" {
                    rejectedInterchanges += 1
                    try report.append("interchange \(h.controlNumber): rejected, TA1 \(ta1.note)")
                    for f in summary.findings { try report.append("  \(f)") }
                }
            }
            if !outcome.functionalAcknowledgments.isEmpty {
                any999 = true
                let worst = outcome.functionalAcknowledgments.map(\.code).max { processor.rank($0) < processor.rank($1) } ?? "A"
                try processor.note(kind: "999", outcome, result: worst, in: session, fileID: fileID)
            }
            transactions += state.sets
            if outcome.interchangeAcknowledgment?.code == "R" {
                rejected += state.sets
                try eligibilityAnswers.discard()
                try authorizationAnswers.discard()
                return
            }
            accepted += state.accepted
            rejected += state.rejected
            answeredWithRejection += state.answeredWithRejection
            try report.append(contentsOf: state.report)
            let envelope = processor.envelope(answering: h)
            if let control = try eligibilityAnswers.finish(into: answers271.writer, envelope: envelope, numbers: numbers) {
                try numbers.check()
                any271 = true
                try processor.noteResponse("271", control, h, answers: eligibilityAnswers.count, session, fileID)
            }
            if let control = try authorizationAnswers.finish(into: answers278.writer, envelope: envelope, numbers: numbers) {
                try numbers.check()
                any278 = true
                try processor.noteResponse("278", control, h, answers: authorizationAnswers.count, session, fileID)
            }
        }
    }
}
