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

    /// The processing date and time.
    var clock: ResponderClock { authorizations.clock }

    /// Records the file and everything in it in `session`; returns the outputs and counts and the journal row.
    ///
    /// One reading of the file (after the guide validation's, see ``ReceivedInput/validate(with:)``): each
    /// transaction set is mapped once; its 999 loop is written as it closes and, when the 999 accepts it, its answer
    /// is made then. The 999 loops and the answers of an interchange wait in spool files until the interchange
    /// closes (a TA1 that rejects it drops them, and a store savepoint undoes what its 278s recorded); then the
    /// acknowledgment and answer interchanges get their control numbers, in the order of a writer that held
    /// everything, and are appended to the outputs. With `temporaryOutbox`, the outputs and spools are hidden
    /// files in that folder (outputs fsynced before this returns; the returned outputs then carry no bytes, only
    /// ``FileOutput/fileSize``), else they are kept in memory. The memory does not grow with the file: the
    /// validation's findings wait in a spool file (``ReceivedInput/validate(with:spoolDirectory:)``) and the report
    /// lines beyond the first ``FileResult/problems`` in another; give `reportPath` to get them all, one per line, in
    /// that file.
    public func process(_ input: ReceivedInput, in session: any GatewaySession,
                        temporaryOutbox: String? = nil, reportPath: String? = nil) throws -> (FileResult, ReceivedFileRecord) {
        var record = ReceivedFileRecord(name: input.name, contentHash: input.contentHash, size: Int64(input.size), state: "processed",
                                        outcome: "", outputs: "", destination: "", transactions: 0, accepted: 0, rejected: 0,
                                        processedAt: clock.timestamp)
        try session.insert(&record)
        func temporary(_ suffix: String) -> String? {
            temporaryOutbox.map { $0 + "/" + FileOutput.temporaryName(input.name + suffix) }
        }
        let acknowledgments = try AcknowledgmentStream(options: acknowledgmentOptions, spoolPath: temporary(".999.spool"))
        acknowledgments.keepsEveryGroupOutcome = false   // only whether a 999 was written, and the worst AK901
        var run = Run(processor: self, session: session, fileID: record.id, acknowledgments: acknowledgments,
                      eligibilityAnswers: try ResponseStream(spoolPath: temporary(".271.spool"), codec: codec,
                                                             date: acknowledgmentOptions.date, time: acknowledgmentOptions.time),
                      authorizationAnswers: try ResponseStream(spoolPath: temporary(".278.spool"), codec: codec,
                                                               date: acknowledgmentOptions.date, time: acknowledgmentOptions.time),
                      eligibility: EligibilityResponder(clock: clock, requireKnownProvider: requireKnownProvider),
                      acks: StreamedOutput(path: temporary(".ack")), answers271: StreamedOutput(path: temporary(".271")),
                      answers278: StreamedOutput(path: temporary(".278")), spoolDirectory: temporaryOutbox,
                      report: ReportLines(directory: temporaryOutbox))
        try input.validation?.rewind()
        try run.read(try input.reader(), validation: input.validation)

        var outputs: [FileOutput] = []
        if run.any999 || run.anyTA1Only, run.acks.writer.bytesWritten > 0 {
            let suffix = run.any999 ? ".999" : ".ta1"
            outputs.append(try run.acks.finish(folder: .outbox, name: input.name + suffix, renamedTo: temporary(suffix)))
        } else {
            run.acks.discard()
        }
        if run.any271 { outputs.append(try run.answers271.finish(folder: .outbox, name: input.name + ".271")) }
        if run.any278 { outputs.append(try run.answers278.finish(folder: .outbox, name: input.name + ".278")) }
        let report = ReportLines(directory: temporaryOutbox)
        let unreadable = run.interchanges == 0
        let allRefused = unreadable || run.rejectedInterchanges == run.interchanges
        let outcome = unreadable ? "unreadable" : run.duplicate && allRefused ? "duplicate"
            : run.accepted == run.transactions ? "accepted" : run.accepted == 0 ? "rejected" : "partial"
        if unreadable {
            try report.append(input.size == 0 ? "the file is empty: no interchange to read"
                              : "no interchange found: the file is not X12 or its ISA is broken")
        }
        for f in run.acknowledgments.unattached { try report.append("outside any interchange: \(f)") }
        if run.acknowledgments.unattachedOmitted > 0 {
            try report.append("outside any interchange: \(run.acknowledgments.unattachedOmitted) more findings not listed")
        }
        try report.append(contentsOf: run.report)
        if allRefused {
            // Every interchange was refused: its sets' lines were dropped, what is left is a few lines per interchange.
            var text = Array("x12gate report for \(input.name) (\(input.size) bytes, SHA-256 \(input.contentHash))\nprocessed \(clock.timestamp); outcome: \(outcome)\n\n".utf8)
            try report.text { text += $0 }
            outputs.append(FileOutput(folder: .errors, name: input.name + ".report.txt", bytes: text))
        }
        if let reportPath { try report.save(to: reportPath) }
        let result = FileResult(name: input.name, outputs: outputs, outcome: outcome, destination: allRefused ? .errors : .outbox,
                                transactions: run.transactions, accepted: run.accepted, rejected: run.rejected,
                                answeredWithRejection: run.answeredWithRejection, problems: report.first, problemCount: report.count)
        record.outcome = outcome
        record.outputs = outputs.map(\.journalEntry).joined(separator: "|")
        record.destination = allRefused ? "errors" : "archive"
        record.transactions = run.transactions
        record.accepted = run.accepted
        record.rejected = run.rejected
        try session.update(record)
        return (result, record)
    }

    /// Our envelope answering the received interchange `h`: sender and receiver swapped.
    func envelope(answering h: InterchangeHeader) -> OutboundInterchange {
        OutboundInterchange(senderQualifier: Self.qualifier(h.receiverQualifier), senderID: h.receiverID,
                            receiverQualifier: Self.qualifier(h.senderQualifier), receiverID: h.senderID,
                            date: acknowledgmentOptions.date, time: acknowledgmentOptions.time,
                            usage: ["P", "T"].contains(h.usage) ? h.usage : "P")
    }

    /// The sets that are mapped to domain values.
    static let mappedIDs: Set<String> = ["270", "271", "278"]

    /// Records an acknowledgment sent (TA1 or 999) in the store.
    func note(kind: String, _ o: AcknowledgmentOutcome, result: String, in session: any GatewaySession, fileID: Int64?) throws {
        var row = AcknowledgmentRecord(fileID: fileID, kind: kind, interchangeControlNumber: o.acknowledgmentControlNumber.map(Self.nine) ?? "",
                                       answersControlNumber: o.interchangeControlNumber, result: result, outputName: "",
                                       sentAt: clock.timestamp)
        try session.insert(&row)
    }

    /// Records a response interchange sent (271 or 278) in the store.
    func noteResponse(_ kind: String, _ control: Int, _ h: InterchangeHeader, answers: Int,
                              _ session: any GatewaySession, _ fileID: Int64?) throws {
        var row = AcknowledgmentRecord(fileID: fileID, kind: kind, interchangeControlNumber: Self.nine(control),
                                       answersControlNumber: h.controlNumber, result: String(answers), outputName: "",
                                       sentAt: clock.timestamp)
        try session.insert(&row)
    }

    /// The order of the 999 codes from best to worst (`A`, `E`, `P`, `R`).
    func rank(_ code: String) -> Int { ["A": 0, "E": 1, "P": 2, "R": 3][code] ?? 3 }

    static func nine(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 9 - s.count)) + s
    }

    static func qualifier(_ q: String) -> String { AcknowledgmentWriter.interchangeQualifiers.contains(q) ? q : "ZZ" }
}
