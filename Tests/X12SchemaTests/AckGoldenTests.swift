import Foundation
import Testing
import X12
@testable import X12Schema

/// Every `TestData/acks/<name>.x12` is acknowledged with a fixed date, time and control-number start, and the result
/// is compared byte for byte with `TestData/acks/<name>.ack` (empty when nothing is due).
@Suite struct AckGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TestData/acks")

    static var inputs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".x12") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// The fixed stamp the golden files were written with.
    static let options = AcknowledgmentOptions(date: "20261125", time: "1200")

    static func acknowledge(_ name: String) throws -> (bytes: [UInt8], run: AcknowledgmentRun) {
        let reader = try X12Reader(path: directory.appendingPathComponent(name + ".x12").path)
        let out = X12Writer.inMemory()
        let run = try Acknowledger(options: options, controlNumbers: SequentialControlNumbers(start: 1)).acknowledge(reader, to: out)
        return (out.bytes, run)
    }

    @Test func thereAreGoldenFiles() {
        #expect(Self.inputs.count >= 20)
    }

    @Test(arguments: inputs)
    func matchesGolden(_ name: String) throws {
        let (bytes, _) = try Self.acknowledge(name)
        let golden = Self.directory.appendingPathComponent(name + ".ack")
        if ProcessInfo.processInfo.environment["ACK_GOLDEN_RECORD"] == "1" {
            try Data(bytes).write(to: golden)
        }
        let expected = try [UInt8](Data(contentsOf: golden))
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(name)")
    }

    @Test(arguments: inputs)
    func acknowledgmentIsWellFormedX12(_ name: String) throws {
        let (bytes, _) = try Self.acknowledge(name)
        guard !bytes.isEmpty else { return }
        let reader = X12Reader(bytes: bytes)
        var findings: [Finding] = []
        while let e = try reader.next() { if case .finding(let f) = e { findings.append(f) } }
        #expect(findings.isEmpty, "\(name): \(findings)")
    }
}
