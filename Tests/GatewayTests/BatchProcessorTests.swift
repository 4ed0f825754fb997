import AuthModel
import Foundation
import Testing
import X12
import X12Schema
@testable import Gateway

@Suite struct BatchProcessorTests {
    let root: URL
    let store: SQLiteGatewayStore
    let folders: BatchFolders
    let options: BatchOptions

    init() throws {
        root = try GatewayTestSupport.temporaryDirectory()
        store = try SQLiteGatewayStore(path: root.appendingPathComponent("s.sqlite").path)
        let importer = ReferenceDataImporter(store: store)
        let sample = GatewayTestSupport.dataDirectory.appendingPathComponent("sample")
        _ = try importer.importProviders(text: String(contentsOf: sample.appendingPathComponent("providers.csv"), encoding: .utf8))
        _ = try importer.importMembers(text: String(contentsOf: sample.appendingPathComponent("members.csv"), encoding: .utf8))
        _ = try importer.importBenefits(text: String(contentsOf: sample.appendingPathComponent("benefits.csv"), encoding: .utf8))
        folders = BatchFolders(inbox: root.appendingPathComponent("inbox").path, outbox: root.appendingPathComponent("outbox").path)
        options = BatchOptions(settleSeconds: 0, clock: ResponderClock(today: RequestBuilder.today, time: "1000"),
                               specs: try SpecLibrary.load(checkSchema: false))
    }

    func drop(_ file: String, as name: String? = nil) throws {
        try FileManager.default.createDirectory(atPath: folders.inbox, withIntermediateDirectories: true)
        let source = GatewayTestSupport.dataDirectory.appendingPathComponent(file)
        try FileManager.default.copyItem(atPath: source.path, toPath: folders.inbox + "/" + (name ?? source.lastPathComponent))
    }

    func output(_ name: String) throws -> String { try String(contentsOfFile: folders.outbox + "/" + name, encoding: .utf8) }

    @Test func theSampleInboxIsAcknowledgedAnsweredAndArchived() throws {
        try drop("sample/inbox/referrals-20261125.x12")
        try drop("sample/inbox/eligibility-20261125.x12")
        try drop("not-x12.txt")
        let summary = try BatchProcessor(folders: folders, store: store, options: options).runOnce()
        #expect(summary.files.count == 3)
        // 278s: the TA1 asked for (ISA14 = 1), the 999, and the answers (certified referral, pended, rejected).
        let ack = try output("referrals-20261125.x12.999")
        #expect(ack.contains("TA1*000000502*261125*0930*A*000~") && ack.contains("AK9*A*3*3*3~"))
        let answers = try output("referrals-20261125.x12.278")
        #expect(answers.contains("HCR*A1*20261125710000000001~") && answers.contains("HSD*VS*5~"))
        #expect(answers.contains("HCR*A4*20261125710000000002*0V~") && answers.contains("REF*NT*20261125710000000002~"))
        #expect(answers.contains("AAA*N**95*N~"))
        #expect(answers.contains("TRN*2*TRK0001*9CLINIC001~"))
        let validation = Validator(library: options.specs!).validate(bytes: Array(answers.utf8))
        #expect(validation.allFindings.filter { $0.severity == .error }.isEmpty)
        // The unreadable file goes to errors with a report.
        let report = try String(contentsOfFile: folders.errors + "/not-x12.txt.report.txt", encoding: .utf8)
        #expect(report.contains("outcome: unreadable") && report.contains("TA105-022"))
        #expect(FileManager.default.fileExists(atPath: folders.errors + "/not-x12.txt"))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folders.archive))
                == ["referrals-20261125.x12", "eligibility-20261125.x12"])
        let referrals = try #require(summary.files.first { $0.name == "referrals-20261125.x12" })
        #expect(referrals.accepted == 3 && referrals.answeredWithRejection == 1 && referrals.acceptanceRate == 1)
        #expect(summary.text.contains("referrals-20261125.x12: accepted, 3/3 sets accepted (100.0 %)"))
        // The 270s: one 271 answering each patient.
        let eligibility = try output("eligibility-20261125.x12.271")
        #expect(eligibility.contains("EB*1*IND*30*C1*Valley Gold PPO~"))
        #expect(eligibility.contains("AAA*N**75*C~"))
        #expect(eligibility.contains("TRN*2*TRACE0001*9876543210~"))
    }

    @Test func aDuplicateInterchangeGetsTA1025AndNoSecondAnswer() throws {
        try drop("sample/inbox/referrals-20261125.x12")
        let processor = try BatchProcessor(folders: folders, store: store, options: options)
        _ = try processor.runOnce()
        try drop("sample/inbox/referrals-20261125.x12", as: "referrals-again.x12")
        let second = try processor.runOnce()
        #expect(second.files.map(\.outcome) == ["duplicate"])
        let ta1 = try output("referrals-again.x12.ta1")
        #expect(ta1.contains("TA1*000000502*261125*0930*R*025~"))
        #expect(!FileManager.default.fileExists(atPath: folders.outbox + "/referrals-again.x12.278"))
        #expect(FileManager.default.fileExists(atPath: folders.errors + "/referrals-again.x12.report.txt"))
        #expect(try store.read { try $0.authorizations(AuthorizationFilter()) }.count == 2)
    }

    @Test func aResendOfARejectedInterchangeIsProcessedNotADuplicate() throws {
        let sample = GatewayTestSupport.dataDirectory.appendingPathComponent("sample/inbox/referrals-20261125.x12")
        let good = try String(contentsOf: sample, encoding: .utf8)
        let broken = good.replacingOccurrences(of: "IEA*1*000000502~", with: "IEA*1*000000599~")
        try #require(broken != good)
        try FileManager.default.createDirectory(atPath: folders.inbox, withIntermediateDirectories: true)
        try broken.write(toFile: folders.inbox + "/referrals-broken.x12", atomically: true, encoding: .utf8)
        let processor = try BatchProcessor(folders: folders, store: store, options: options)
        let first = try processor.runOnce()
        #expect(first.files.map(\.outcome) == ["rejected"])
        #expect(try output("referrals-broken.x12.ta1").contains("TA1*000000502*261125*0930*R*001~"))
        // The partner fixes the trailer and sends the same interchange (same ISA13) again: it is processed.
        try drop("sample/inbox/referrals-20261125.x12", as: "referrals-fixed.x12")
        let second = try processor.runOnce()
        #expect(second.files.map(\.outcome) == ["accepted"])
        #expect(try output("referrals-fixed.x12.999").contains("TA1*000000502*261125*0930*A*000~"))
        #expect(FileManager.default.fileExists(atPath: folders.outbox + "/referrals-fixed.x12.278"))
        #expect(try store.read { try $0.authorizations(AuthorizationFilter()) }.count == 2)
    }

    @Test func aFileStillBeingWrittenIsNotClaimed() throws {
        try FileManager.default.createDirectory(atPath: folders.inbox, withIntermediateDirectories: true)
        let path = folders.inbox + "/growing.x12"
        FileManager.default.createFile(atPath: path, contents: Data("ISA*00*".utf8))
        var slow = options
        slow.settleSeconds = 0.3
        let processor = try BatchProcessor(folders: folders, store: store, options: slow)
        let writer = Thread {
            Thread.sleep(forTimeInterval: 0.1)
            if let h = FileHandle(forWritingAtPath: path) { h.seekToEndOfFile(); h.write(Data("          *".utf8)); try? h.close() }
        }
        writer.start()
        #expect(try processor.claimSettledFiles().isEmpty)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func anEmptyFileIsClaimedOnceSettledAndGoesToErrorsWithAReport() throws {
        try FileManager.default.createDirectory(atPath: folders.inbox, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folders.inbox + "/empty.x12", contents: Data())
        let summary = try BatchProcessor(folders: folders, store: store, options: options).runOnce()
        #expect(summary.files.map(\.outcome) == ["unreadable"])
        #expect(!FileManager.default.fileExists(atPath: folders.inbox + "/empty.x12"))
        #expect(FileManager.default.fileExists(atPath: folders.errors + "/empty.x12"))
        let report = try String(contentsOfFile: folders.errors + "/empty.x12.report.txt", encoding: .utf8)
        #expect(report.contains("empty.x12 (0 bytes") && report.contains("the file is empty"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folders.outbox).isEmpty)
    }

    @Test func anInterchangeRejectedAtItsTrailerLeavesNoAuthorizationAndNoAnswer() throws {
        // The 278s are answered as they are read; the IEA that does not match the ISA (TA1 R) comes after them: what
        // they recorded is undone (store savepoint) and their answers dropped.
        try FileManager.default.createDirectory(atPath: folders.inbox, withIntermediateDirectories: true)
        let source = GatewayTestSupport.dataDirectory.appendingPathComponent("sample/inbox/referrals-20261125.x12")
        let text = try String(contentsOf: source, encoding: .utf8).replacingOccurrences(of: "IEA*1*000000502~", with: "IEA*1*000000503~")
        try text.write(toFile: folders.inbox + "/bad-trailer.x12", atomically: true, encoding: .utf8)
        let summary = try BatchProcessor(folders: folders, store: store, options: options).runOnce()
        let file = try #require(summary.files.first)
        #expect(file.outcome == "rejected" && file.rejected == 3 && file.accepted == 0)
        #expect(try output("bad-trailer.x12.ta1").contains("TA1*000000502*261125*0930*R*001~"))
        #expect(!FileManager.default.fileExists(atPath: folders.outbox + "/bad-trailer.x12.278"))
        #expect(try store.read { try $0.authorizations(AuthorizationFilter()) }.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folders.outbox).filter { $0.hasPrefix(".") }.isEmpty)
        // Not recorded as received: a corrected resend with the same ISA13 is not a duplicate.
        #expect(try store.read { try $0.interchange(senderQualifier: "ZZ", senderID: "CLINICSUBMIT01", controlNumber: "000000502") } == nil)
    }

    @Test func aSetAcceptedIn999OfAGroupWhoseGS06RepeatsIsAnswered() throws {
        // Two groups with GS06 101: the 999 accepts both sets (the second group gets AK905 19); both are answered.
        // (The verdicts were looked up by GS06, so the second group's set was taken for the first's and dropped.)
        let path = GatewayTestSupport.repository.appendingPathComponent("TestData/acks/ak905-19-duplicate-gs06.x12").path
        let result = try FileProcessor.respond(name: "dup-gs06.x12", bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))),
                                               store: store, options: options)
        #expect(result.accepted == 2 && result.rejected == 0)
        let answers = try #require(result.outputs.first { $0.name == "dup-gs06.x12.271" })
        let text = String(decoding: answers.bytes, as: UTF8.self)
        #expect(text.contains("TRN*2*TRACE0001*9876543210~") && text.contains("TRN*2*TRACE0002*9876543210~"))
    }

    @Test func theReportOfARejectedSetWithARepeatedST02QuotesItsOwnFindings() throws {
        // Two sets with ST02 0001: the second is rejected (IK502 23); the report names that finding (it quoted the
        // first set's findings, none).
        let path = GatewayTestSupport.repository.appendingPathComponent("TestData/acks/ik502-23-duplicate-st02.x12").path
        let result = try FileProcessor.respond(name: "dup-st02.x12", bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))),
                                               store: store, options: options)
        #expect(result.accepted == 1 && result.rejected == 1)
        #expect(result.problems.contains { $0.contains("IK502-23") })
    }

    @Test func aProcessedFileLeftInTheWorkFolderIsDeliveredOnRestartNotProcessedAgain() throws {
        // Simulate a crash after the commit: process in the store, write temporaries, but do not deliver.
        try FileManager.default.createDirectory(atPath: folders.work, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folders.outbox, withIntermediateDirectories: true)
        let source = GatewayTestSupport.dataDirectory.appendingPathComponent("sample/inbox/referrals-20261125.x12")
        let bytes = try Array(Data(contentsOf: source))
        try Data(bytes).write(to: URL(fileURLWithPath: folders.work + "/r.x12"))
        let input = ReceivedInput(name: "r.x12", bytes: bytes)
        let processor = FileProcessor(options: options, codec: MappingTransactionCodec())
        let (first, _) = try store.write { s in
            let r = try processor.process(input, in: s)
            for o in r.0.outputs { try BatchProcessor.writeDurably(o.bytes, to: folders.outbox + "/" + FileOutput.temporaryName(o.name)) }
            return r
        }
        let summary = try BatchProcessor(folders: folders, store: store, options: options).runOnce()
        #expect(summary.files.map(\.name) == ["r.x12"])
        #expect(try output("r.x12.278") == String(decoding: first.outputs.first { $0.name == "r.x12.278" }!.bytes, as: UTF8.self))
        #expect(try store.read { try $0.authorizations(AuthorizationFilter()) }.count == 2)   // not stored twice
        #expect(try store.read { try $0.unfinishedFiles() }.isEmpty)
    }

    @Test func aReviewersDecisionIsWrittenAsA278ToThePartnerThatAsked() throws {
        try drop("sample/inbox/referrals-20261125.x12")
        _ = try BatchProcessor(folders: folders, store: store, options: options).runOnce()
        let pended = "20261125710000000002"
        let publisher = AuthorizationDecisionPublisher(outbox: folders.outbox, clock: ResponderClock(today: RequestBuilder.today.adding(days: 1), time: "0800"))
        let path = try publisher.decide(pended, verdict: .approve, reasons: [], note: "criteria met", reviewer: "rn.lee", store: store)
        #expect(path == folders.outbox + "/\(pended)-2.278")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("ISA*00*          *00*          *ZZ*VALORIMG       *ZZ*CLINICSUBMIT01 *261126*0800*"))
        #expect(text.contains("HCR*A1*\(pended)~") && text.contains("TRN*2*TRK0002*9CLINIC001~"))
        #expect(Validator(library: options.specs!).validate(bytes: Array(text.utf8)).allFindings.filter { $0.severity == .error }.isEmpty)
        let row = try #require(try store.read { try $0.authorization(trackingNumber: pended) })
        #expect(row.status == "APPROVED" && row.serviceTo == RequestBuilder.today.adding(days: 90).description)
        #expect(throws: AuthorizationReviewer.Refusal.self) {
            try publisher.decide(pended, verdict: .deny, reasons: ["0F"], note: nil, reviewer: "rn.lee", store: store)
        }
    }

    @Test func theShippedRulesFileIsTheBuiltInDefault() throws {
        let shipped = try ReferralRules(path: GatewayTestSupport.repository.appendingPathComponent("config/referral-rules.json").path)
        #expect(shipped == ReferralRules.defaults)
        #expect(shipped.followUps(forSpecialty: "colon and rectal surgery") == 4)
        #expect(shipped.followUps(forSpecialty: "Pain Management") == nil)
    }

    @Test func sha256MatchesKnownDigests() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // In chunks of any size, the same digest.
        let text = Array((0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        for step in [1, 63, 64, 65, 999] {
            var d = SHA256()
            var o = 0
            while o < text.count {
                let end = min(text.count, o + step)
                text[o..<end].withUnsafeBytes { d.update($0) }
                o = end
            }
            #expect(d.finish() == SHA256.hex(text))
        }
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1000)).hasPrefix("41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"))
    }
}
