import AuthModel
import Foundation
import X12
import X12Mapping
import X12Schema

/// Does everything a received file changes in the store, in the caller's write session, and returns the
/// outputs: a TA1 (duplicate or broken interchange, or asked for), the 999s, one 271 interchange answering the
/// 270s and one 278 interchange answering the 278 requests.
///
/// Output names: `<input>.999` (the acknowledgment interchange, TA1 included when due), `<input>.ta1` when only a
/// TA1 is due, `<input>.271`, `<input>.278`; an input that goes to the errors folder gets `<input>.report.txt`
/// there. Given the same store state and clock, the outputs are the same bytes.
public struct FileProcessor {
    /// Maps transaction sets.
    public var codec: any TransactionCodec
    /// Referral rules and tracking-number site.
    public var authorizations: AuthorizationResponder
    /// Reject eligibility inquiries from providers not on file.
    public var requireKnownProvider: Bool
    /// Date, time, support table of the acknowledgments.
    public var acknowledgmentOptions: AcknowledgmentOptions

    /// A processor.
    public init(codec: any TransactionCodec, authorizations: AuthorizationResponder, requireKnownProvider: Bool = true,
                acknowledgmentOptions: AcknowledgmentOptions) {
        self.codec = codec
        self.authorizations = authorizations
        self.requireKnownProvider = requireKnownProvider
        self.acknowledgmentOptions = acknowledgmentOptions
    }

    private var clock: ResponderClock { authorizations.clock }

    /// Records the file and everything in it in `session`; returns the outputs and counts and the journal row.
    ///
    /// The sets are read again one at a time from the file's bytes and each answer is written as it is made:
    /// with `temporaryOutbox`, the 271 and 278 interchanges go straight to their hidden temporary files in that
    /// folder (fsynced before this returns; the returned outputs then carry no bytes, only ``FileOutput/fileSize``),
    /// else they are kept in memory.
    public func process(_ file: ParsedFile, in session: any GatewaySession,
                        temporaryOutbox: String? = nil) throws -> (FileResult, ReceivedFileRecord) {
        var record = ReceivedFileRecord(name: file.name, contentHash: file.contentHash, size: Int64(file.size), state: "processed",
                                        outcome: "", outputs: "", destination: "", transactions: 0, accepted: 0, rejected: 0,
                                        processedAt: clock.timestamp)
        try session.insert(&record)
        let numbers = StoreControlNumbers(session: session)
        let eligibility = EligibilityResponder(clock: clock, requireKnownProvider: requireKnownProvider)
        let acks = X12Writer.inMemory()
        let answers271 = StreamedOutput(path: temporaryOutbox.map { $0 + "/" + FileOutput.temporaryName(file.name + ".271") })
        let answers278 = StreamedOutput(path: temporaryOutbox.map { $0 + "/" + FileOutput.temporaryName(file.name + ".278") })
        var any271 = false, any278 = false
        // One forward pass over the sets, interchange by interchange; a second one only for an interchange that
        // mixes 270s and 278s (its 278s are answered after its 270s, as the numbers are handed out in that order).
        let sets = TransactionSetStream(bytes: file.bytes, name: file.name)
        var wanted: (interchange: Int, accepted: [Bool], id: String) = (-1, [], "")
        // A set of a later interchange met while answering one is kept whole (the first one only: the reading
        // stops there), as what is wanted in that interchange is not known yet.
        sets.wants = { i, n, st in
            i > wanted.interchange ? ParsedFile.mappedIDs.contains(st.id)
                : i == wanted.interchange && st.id == wanted.id && n < wanted.accepted.count && wanted.accepted[n]
        }
        var lookahead: TransactionSetStream.Item?
        var anyTA1Only = false, any999 = false, duplicate = false, rejectedInterchanges = 0
        var transactions = 0, accepted = 0, rejected = 0, answeredWithRejection = 0
        var report: [String] = file.unattached.map { "outside any interchange: \($0)" }

        for (interchangeIndex, ix) in file.interchanges.enumerated() {
            var summary = ix.summary
            let h = summary.header
            let isDuplicate = try session.interchange(senderQualifier: h.senderQualifier, senderID: h.senderID,
                                                      controlNumber: h.controlNumber) != nil
            if isDuplicate {
                duplicate = true
                summary.findings.append(Finding(code: FindingCode(.ta105, "025"),
                                                location: Location(byteOffset: 0, line: 1, segmentIndex: 1, interchangeControlNumber: h.controlNumber, segmentID: "ISA"),
                                                value: h.controlNumber,
                                                message: "Interchange \(h.controlNumber) from \(h.senderID) was received before; it is not processed again."))
            } else if !summary.isAcknowledgmentOnly {
                _ = try session.partner(qualifier: h.senderQualifier, senderID: h.senderID, at: clock.timestamp)
                var row = InterchangeRecord(fileID: record.id, senderQualifier: h.senderQualifier, senderID: h.senderID,
                                            receiverID: h.receiverID, controlNumber: h.controlNumber, receivedAt: clock.timestamp)
                try session.insert(&row)
            }
            let ackWriter = AcknowledgmentWriter(writer: acks, controlNumbers: numbers, options: acknowledgmentOptions)
            let outcome = try ackWriter.write(summary)
            try numbers.check()
            if let ta1 = outcome.interchangeAcknowledgment {
                if outcome.functionalAcknowledgments.isEmpty { anyTA1Only = true }
                try note(kind: "TA1", outcome, result: ta1.code, in: session, fileID: record.id)
                if ta1.code == "R" {
                    rejectedInterchanges += 1
                    report.append("interchange \(h.controlNumber): rejected, TA1 \(ta1.note)")
                    for f in summary.findings { report.append("  \(f)") }
                }
            }
            if !outcome.functionalAcknowledgments.isEmpty {
                any999 = true
                let worst = outcome.functionalAcknowledgments.map(\.code).max { rank($0) < rank($1) } ?? "A"
                try note(kind: "999", outcome, result: worst, in: session, fileID: record.id)
            }
            let counted = ix.transactions.filter { $0.header.id != "999" }.count
            transactions += counted
            if outcome.interchangeAcknowledgment?.code == "R" {
                rejected += counted
                continue
            }
            // Which sets the 999s accepted, by group control number and position.
            var verdicts: [String: [String]] = [:]
            for ack in outcome.functionalAcknowledgments { verdicts[ack.groupControlNumber] = ack.transactionCodes.map(\.code) }
            var position: [String: Int] = [:]
            var answerable = [Bool](repeating: false, count: ix.transactions.count)
            for (n, tx) in ix.transactions.enumerated() where tx.header.id != "999" {
                let g = tx.group.controlNumber
                let index = position[g, default: 0]
                position[g] = index + 1
                let code = verdicts[g].flatMap { index < $0.count ? $0[index] : nil } ?? "R"
                guard code == "A" || code == "E" else {
                    rejected += 1
                    report.append("interchange \(h.controlNumber) group \(g) set \(tx.header.controlNumber) (\(tx.header.id)): rejected in the 999")
                    for f in summary.groups.first(where: { $0.header.controlNumber == g })?.transactions
                        .first(where: { $0.header.controlNumber == tx.header.controlNumber })?.findings ?? [] {
                        report.append("  \(f)")
                    }
                    continue
                }
                accepted += 1
                answerable[n] = tx.mapped
            }
            let ixIndex = interchangeIndex
            let has270 = zip(ix.transactions, answerable).contains { $0.0.header.id == "270" && $0.1 }
            let has278 = zip(ix.transactions, answerable).contains { $0.0.header.id == "278" && $0.1 }
            if has270 {
                let out = ResponseStream(envelope: envelope(answering: summary, writer: answers271.writer), writer: answers271.writer,
                                         numbers: numbers, codec: codec)
                wanted = (ixIndex, answerable, "270")
                try forEachSet(of: ixIndex, in: sets, lookahead: &lookahead) { item in
                    guard case .eligibilityInquiry(let inquiries) = try codec.decode(item.segments) else { return }
                    let responses = try inquiries.map { try eligibility.respond(to: $0, in: session) }
                    answeredWithRejection += responses.filter { !$0.allRejections.isEmpty }.count
                    try out.append(senderCode: item.group.receiverCode, receiverCode: item.group.senderCode,
                                   model: .eligibilityResponse(responses))
                }
                try numbers.check()
                if let control = try out.finish() {
                    any271 = true
                    try noteResponse("271", control, h, answers: out.count, session, record.id)
                }
            }
            if has278 {
                let out = ResponseStream(envelope: envelope(answering: summary, writer: answers278.writer), writer: answers278.writer,
                                         numbers: numbers, codec: codec)
                wanted = (ixIndex, answerable, "278")
                // After the 270s of the same interchange, the 278s are met on a second reading.
                let again = has270 ? TransactionSetStream(bytes: file.bytes, name: file.name) : sets
                if has270 { again.wants = sets.wants }
                var ahead: TransactionSetStream.Item? = has270 ? nil : lookahead
                try forEachSet(of: ixIndex, in: again, lookahead: &ahead) { item in
                    guard case .authorizationRequest(let request) = try codec.decode(item.segments) else { return }
                    let answer = try authorizations.respond(to: request, fileID: record.id, partner: "\(h.senderQualifier):\(h.senderID)",
                                                            receiver: "\(h.receiverQualifier):\(h.receiverID)", in: session)
                    if answer.decision.isRejection { answeredWithRejection += 1 }
                    try out.append(senderCode: item.group.receiverCode, receiverCode: item.group.senderCode,
                                   model: .authorizationDecision(answer.decision))
                }
                if !has270 { lookahead = ahead }
                try numbers.check()
                if let control = try out.finish() {
                    any278 = true
                    try noteResponse("278", control, h, answers: out.count, session, record.id)
                }
            }
        }

        var outputs: [FileOutput] = []
        if any999 || anyTA1Only, !acks.bytes.isEmpty {
            outputs.append(FileOutput(folder: .outbox, name: file.name + (any999 ? ".999" : ".ta1"), bytes: acks.bytes))
        }
        if any271 { outputs.append(try answers271.finish(folder: .outbox, name: file.name + ".271")) }
        if any278 { outputs.append(try answers278.finish(folder: .outbox, name: file.name + ".278")) }
        let unreadable = file.interchanges.isEmpty
        let allRefused = unreadable || rejectedInterchanges == file.interchanges.count
        let outcome = unreadable ? "unreadable" : duplicate && allRefused ? "duplicate"
            : accepted == transactions ? "accepted" : accepted == 0 ? "rejected" : "partial"
        if unreadable { report.insert("no interchange found: the file is not X12 or its ISA is broken", at: 0) }
        if allRefused {
            let text = (["x12gate report for \(file.name) (\(file.size) bytes, SHA-256 \(file.contentHash))",
                         "processed \(clock.timestamp); outcome: \(outcome)", ""] + report).joined(separator: "\n") + "\n"
            outputs.append(FileOutput(folder: .errors, name: file.name + ".report.txt", bytes: Array(text.utf8)))
        }
        let result = FileResult(name: file.name, outputs: outputs, outcome: outcome, destination: allRefused ? .errors : .outbox,
                                transactions: transactions, accepted: accepted, rejected: rejected,
                                answeredWithRejection: answeredWithRejection, problems: report)
        record.outcome = outcome
        record.outputs = outputs.map(\.journalEntry).joined(separator: "|")
        record.destination = allRefused ? "errors" : "archive"
        record.transactions = transactions
        record.accepted = accepted
        record.rejected = rejected
        try session.update(record)
        return (result, record)
    }

    /// Our envelope answering `inbound`: sender and receiver swapped; sets `writer` to its delimiters and line ends.
    private func envelope(answering inbound: InterchangeSummary, writer: X12Writer) -> OutboundInterchange {
        let h = inbound.header
        writer.delimiters = AcknowledgmentWriter.outputDelimiters(h.delimiters)
        writer.suffix = inbound.suffix
        return OutboundInterchange(senderQualifier: Self.qualifier(h.receiverQualifier), senderID: h.receiverID,
                                   receiverQualifier: Self.qualifier(h.senderQualifier), receiverID: h.senderID,
                                   date: acknowledgmentOptions.date, time: acknowledgmentOptions.time,
                                   usage: ["P", "T"].contains(h.usage) ? h.usage : "P")
    }

    /// Hands `body` the wanted sets of interchange `index`, read from `stream` (which stops at the first set of a
    /// later interchange, kept in `lookahead`).
    private func forEachSet(of index: Int, in stream: TransactionSetStream, lookahead: inout TransactionSetStream.Item?,
                            _ body: (TransactionSetStream.Item) throws -> Void) throws {
        while true {
            let item: TransactionSetStream.Item
            if let ahead = lookahead {
                item = ahead
                lookahead = nil
            } else if let next = try stream.next() {
                item = next
            } else {
                return
            }
            if item.interchange > index {
                lookahead = item
                return
            }
            if item.interchange == index, !item.segments.isEmpty, stream.wants(item.interchange, item.ordinal, item.header) {
                try body(item)
            }
        }
    }

    private func note(kind: String, _ o: AcknowledgmentOutcome, result: String, in session: any GatewaySession, fileID: Int64?) throws {
        var row = AcknowledgmentRecord(fileID: fileID, kind: kind, interchangeControlNumber: o.acknowledgmentControlNumber.map(Self.nine) ?? "",
                                       answersControlNumber: o.interchangeControlNumber, result: result, outputName: "",
                                       sentAt: clock.timestamp)
        try session.insert(&row)
    }

    private func noteResponse(_ kind: String, _ control: Int, _ h: InterchangeHeader, answers: Int,
                              _ session: any GatewaySession, _ fileID: Int64?) throws {
        var row = AcknowledgmentRecord(fileID: fileID, kind: kind, interchangeControlNumber: Self.nine(control),
                                       answersControlNumber: h.controlNumber, result: String(answers), outputName: "",
                                       sentAt: clock.timestamp)
        try session.insert(&row)
    }

    private func rank(_ code: String) -> Int { ["A": 0, "E": 1, "P": 2, "R": 3][code] ?? 3 }

    static func nine(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 9 - s.count)) + s
    }

    static func qualifier(_ q: String) -> String { AcknowledgmentWriter.interchangeQualifiers.contains(q) ? q : "ZZ" }
}
