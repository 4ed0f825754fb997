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
}
