import Foundation
import Testing

/// `ack -` and `respond -` copy standard input to a temporary file and read it twice, like a file: the same outputs.
@Suite struct StandardInputTests {
    static let input = "TestData/acks/ik502-23-duplicate-st02.x12"

    /// The time of ISA10 and GS05, which `respond` takes from the clock.
    static func withoutTimes(_ s: String) -> String {
        s.replacingOccurrences(of: #"\*(\d{6})\*\d{4}\*"#, with: "*$1*HHMM*", options: .regularExpression)
            .replacingOccurrences(of: #"\*(\d{8})\*\d{4}\*"#, with: "*$1*HHMM*", options: .regularExpression)
    }

    @Test func ackReadsStandardInputLikeAFile() throws {
        let bytes = try Array(Data(contentsOf: CLIRunner.repository.appendingPathComponent(Self.input)))
        let file = try CLIRunner.run(["ack", Self.input, "--date", "20261125", "--time", "1200"])
        let piped = try CLIRunner.run(["ack", "-", "--date", "20261125", "--time", "1200"], stdin: bytes)
        #expect(file.status == 1 && piped.status == 1)
        #expect(piped.stdoutBytes == file.stdoutBytes && piped.stderr == file.stderr)
        #expect(file.stdout.contains("IK5*R*23~"))
    }

    @Test func respondReadsStandardInputLikeAFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("x12gate-stdin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bytes = try Array(Data(contentsOf: CLIRunner.repository.appendingPathComponent(Self.input)))
        let file = try CLIRunner.run(["respond", Self.input, "--store", dir.appendingPathComponent("a.sqlite").path])
        let piped = try CLIRunner.run(["respond", "-", "--store", dir.appendingPathComponent("b.sqlite").path], stdin: bytes)
        #expect(file.status == 1 && piped.status == 1)
        #expect(Self.withoutTimes(piped.stdout) == Self.withoutTimes(file.stdout) && file.stdout.contains("IK5*R*23~"))
        // The summary names the input ("stdin"); the report lines are the same.
        #expect(piped.stderr.split(separator: "\n").dropFirst() == file.stderr.split(separator: "\n").dropFirst())
        #expect(file.stderr.contains("rejected in the 999") && piped.stderr.hasPrefix("stdin: partial"))
    }
}
