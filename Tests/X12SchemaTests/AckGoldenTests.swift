import Foundation
import Testing
import X12
@testable import X12Schema

/// Every `TestData/acks/<name>.x12` and every `TestData/validation/278*.x12` is validated and acknowledged the way
/// `x12gate ack` does it, with a fixed date, time and control-number start; the result is compared byte for byte with
/// `TestData/acks/<name>.ack` (empty when nothing is due).
@Suite struct AckGoldenTests {
    static let directory = URL(fileURLWithPath: SchemaTestSupport.repository).appendingPathComponent("TestData/acks")
    static let validation = URL(fileURLWithPath: SchemaTestSupport.repository).appendingPathComponent("TestData/validation")

    static func names(in dir: URL, prefix: String = "") -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".x12") && $0.hasPrefix(prefix) }.map { String($0.dropLast(4)) }.sorted()
    }

    static var inputs: [String] { names(in: directory) + names(in: validation, prefix: "278") }

    static func input(_ name: String) -> String {
        let own = directory.appendingPathComponent(name + ".x12").path
        return FileManager.default.fileExists(atPath: own) ? own : validation.appendingPathComponent(name + ".x12").path
    }

    /// The fixed stamp the golden files were written with.
    static let options = AcknowledgmentOptions(library: SchemaTestSupport.library, date: "20261125", time: "1200")

    static func acknowledge(_ name: String) throws -> (bytes: [UInt8], run: AcknowledgmentRun) {
        let reader = try X12Reader(path: input(name))
        let out = X12Writer.inMemory()
        let run = try Acknowledger(options: options, controlNumbers: SequentialControlNumbers(start: 1))
            .acknowledge(reader, validator: Validator(library: SchemaTestSupport.library), to: out)
        return (out.bytes, run)
    }

    @Test func thereAreGoldenFiles() {
        #expect(Self.inputs.count >= 45)
    }

    @Test(arguments: inputs)
    func matchesGolden(_ name: String) throws {
        let (bytes, _) = try Self.acknowledge(name)
        let golden = Self.directory.appendingPathComponent(name + ".ack")
        // To review a change of the builders: ACK_GOLDEN_OUT=/tmp/dir writes what was produced there, for a diff.
        if let out = ProcessInfo.processInfo.environment["ACK_GOLDEN_OUT"] {
            try Data(bytes).write(to: URL(fileURLWithPath: out).appendingPathComponent(name + ".ack"))
        }
        let expected = try [UInt8](Data(contentsOf: golden))
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(name)")
    }

    /// Acknowledgments that echo a bad value the 999 guide does not allow: the echo is what the sender needs to match
    /// the answer (AK202 `01` is too short for element 329).
    static let echoesBadEnvelopeValues: Set<String> = ["ik502-7-st02-too-short"]

    @Test(arguments: inputs)
    func acknowledgmentValidatesCleanAgainstThe999Guide(_ name: String) throws {
        let (bytes, _) = try Self.acknowledge(name)
        guard !bytes.isEmpty else { return }
        let report = Validator(library: SchemaTestSupport.library).validate(bytes: bytes, name: name + ".ack")
        let groups = report.interchanges.flatMap(\.groups)
        #expect(groups.allSatisfy { $0.transactions.allSatisfy { $0.guideID == "999.005010X231A1" } })
        if Self.echoesBadEnvelopeValues.contains(name) {
            #expect(!report.allFindings.isEmpty)
        } else {
            #expect(report.allFindings.isEmpty, "\(name): \(FindingTextRenderer().render(report))")
        }
    }

    /// Envelope cases where the guides add element or segment detail to what the reader alone finds.
    static let validatorAddsDetail: Set<String> = ["ik502-19-st03-differs", "ik502-6-set-in-wrong-group", "ik502-7-st02-too-short"]

    /// Without a validator (``EnvelopeCollector`` over the reader's events) the envelope cases give the same bytes.
    @Test(arguments: names(in: directory))
    func envelopeOnlyAcknowledgmentAgrees(_ name: String) throws {
        guard !Self.validatorAddsDetail.contains(name) else { return }
        let reader = try X12Reader(path: Self.input(name))
        let out = X12Writer.inMemory()
        _ = try Acknowledger(options: Self.options, controlNumbers: SequentialControlNumbers(start: 1)).acknowledge(reader, to: out)
        let expected = try [UInt8](Data(contentsOf: Self.directory.appendingPathComponent(name + ".ack")))
        #expect(String(decoding: out.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(name)")
    }

    /// Every X12 file of the test data (acknowledgment, validation and syntax cases).
    static var allInputs: [String] {
        let root = URL(fileURLWithPath: SchemaTestSupport.repository).appendingPathComponent("TestData")
        let dirs = ["acks", "validation", "syntax/valid", "syntax/broken", "gateway", "gateway/sample/inbox"]
        return dirs.flatMap { d in names(in: root.appendingPathComponent(d)).map { root.appendingPathComponent(d).appendingPathComponent($0 + ".x12").path } }
    }

    /// `x12gate ack FILE` validates, then reads the file again and writes as it goes: the same bytes and decisions as
    /// the report held in memory.
    @Test(arguments: allInputs)
    func acknowledgingFromThePathWritesTheSameBytes(_ path: String) throws {
        let held = X12Writer.inMemory(), streamed = X12Writer.inMemory()
        let a = try Acknowledger(options: Self.options, controlNumbers: SequentialControlNumbers(start: 7))
            .acknowledge(X12Reader(path: path), validator: Validator(library: SchemaTestSupport.library), to: held)
        let b = try Acknowledger(options: Self.options, controlNumbers: SequentialControlNumbers(start: 7))
            .acknowledge(path: path, validator: Validator(library: SchemaTestSupport.library), to: streamed)
        #expect(String(decoding: streamed.bytes, as: UTF8.self) == String(decoding: held.bytes, as: UTF8.self), "\(path)")
        #expect(a.isAccepted == b.isAccepted && a.unattached == b.unattached)
        #expect(a.outcomes.map(\.acknowledgmentControlNumber) == b.outcomes.map(\.acknowledgmentControlNumber))
        #expect(a.outcomes.map { $0.functionalAcknowledgments.map { [$0.code, "\($0.receivedCount)", "\($0.acceptedCount)"] } }
                == b.outcomes.map { $0.functionalAcknowledgments.map { [$0.code, "\($0.receivedCount)", "\($0.acceptedCount)"] } })
    }

    /// The streamed 999 writer (loops spooled in a file, or in memory) writes what the envelope collector's summaries
    /// give, and tells each set's IK501 as it closes.
    @Test(arguments: allInputs, [false, true])
    func theAcknowledgmentStreamWritesTheSameBytes(_ path: String, spoolToFile: Bool) throws {
        let held = X12Writer.inMemory(), streamed = X12Writer.inMemory()
        let a = try Acknowledger(options: Self.options, controlNumbers: SequentialControlNumbers(start: 3)).acknowledge(X12Reader(path: path), to: held)
        let spool = spoolToFile ? FileManager.default.temporaryDirectory.appendingPathComponent("ack-spool-\(UUID().uuidString)").path : nil
        let stream = try AcknowledgmentStream(options: Self.options, spoolPath: spool)
        let numbers = SequentialControlNumbers(start: 3)
        let reader = try X12Reader(path: path)
        var codes: [String] = []
        var outcomes: [AcknowledgmentOutcome] = []
        while let event = try reader.next() {
            stream.consume(event, from: reader)
            if let closed = stream.closedTransaction { codes.append(closed.code) }
            if let done = stream.takeCompleted() { outcomes.append(try stream.write(done, to: streamed, controlNumbers: numbers)) }
        }
        try streamed.flush()
        #expect(String(decoding: streamed.bytes, as: UTF8.self) == String(decoding: held.bytes, as: UTF8.self), "\(path)")
        #expect(outcomes.map(\.interchangeAcknowledgment) == a.outcomes.map(\.interchangeAcknowledgment))
        let heldCodes = a.outcomes.flatMap { $0.functionalAcknowledgments.flatMap { $0.transactionCodes.map(\.code) } }
        // The 999s' IK501s, in order, are among the codes told as the sets closed (sets of rejected interchanges and
        // of FA groups are told too).
        var rest = codes[...]
        for code in heldCodes {
            guard let i = rest.firstIndex(of: code) else { Issue.record("IK501 \(code) not told: \(path)"); break }
            rest = rest[(i + 1)...]
        }
    }
}
