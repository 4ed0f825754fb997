import Foundation
import Testing

/// A failed run never removes or damages what was there before: `convert` writes under a temporary name and renames
/// at the end (it used to truncate `--out` and then delete it on failure — with `--out /dev/null` that removed the
/// device); `demo` empties only a folder it made.
@Suite struct OutputSafetyTests {
    /// Runs `body` in a fresh folder, removed afterwards.
    private static func inFolder(_ body: (URL) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("x12gate-output-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        try body(url)
    }

    /// A file holding `text`.
    private static func write(_ text: String, to url: URL) throws { try Data(text.utf8).write(to: url) }

    /// Structural JSON that fails half way (an unknown key in the first segment).
    private static let brokenJSON = #"{"format": "x12gate-structural", "version": 1, "interchanges": [{"bogus": "#

    @Test func aFailedConvertLeavesAnExistingOutputAsItWas() throws {
        try Self.inFolder { dir in
            let input = dir.appendingPathComponent("broken.json"), output = dir.appendingPathComponent("out.x12")
            try Self.write(Self.brokenJSON, to: input)
            try Self.write("previous contents\n", to: output)
            let r = try CLIRunner.run(["convert", input.path, "--to", "x12", "--out", output.path])
            #expect(r.status == 1)
            #expect(r.stderr.contains("unknown key \"bogus\""))
            #expect(try String(contentsOf: output, encoding: .utf8) == "previous contents\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["broken.json", "out.x12"])
        }
    }

    @Test func aFailedConvertCreatesNoFile() throws {
        try Self.inFolder { dir in
            let input = dir.appendingPathComponent("broken.json")
            try Self.write(Self.brokenJSON, to: input)
            let r = try CLIRunner.run(["convert", input.path, "--to", "x12", "--out", dir.appendingPathComponent("new.x12").path])
            #expect(r.status == 1)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["broken.json"])
        }
    }

    @Test func aSuccessfulConvertReplacesTheOutputAndLeavesNoTemporaryFile() throws {
        try Self.inFolder { dir in
            let output = dir.appendingPathComponent("out.x12")
            try Self.write("previous contents\n", to: output)
            let source = CLIRunner.repository.appendingPathComponent("TestData/conversion/eligibility-270")
            let r = try CLIRunner.run(["convert", source.path + ".json", "--to", "x12", "--out", output.path])
            #expect(r.status == 0)
            #expect(try Data(contentsOf: output) == Data(contentsOf: source.appendingPathExtension("x12")))
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.x12"])
        }
    }

    @Test func demoRefusesAFolderItDidNotMake() throws {
        try Self.inFolder { dir in
            let precious = dir.appendingPathComponent("notes.txt")
            try Self.write("keep me\n", to: precious)
            let r = try CLIRunner.run(["demo", "--out", dir.path])
            #expect(r.status == 2)
            #expect(r.stderr.contains("was not made by x12gate demo"))
            #expect(try String(contentsOf: precious, encoding: .utf8) == "keep me\n")
        }
    }

    @Test func demoRunsAgainInItsOwnFolder() throws {
        try Self.inFolder { dir in
            let out = dir.appendingPathComponent("demo-out")
            for _ in 0..<2 {
                let r = try CLIRunner.run(["demo", "--out", out.path])
                #expect(r.status == 0, "\(r.stderr)")
            }
            let entries = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
            #expect(entries.isSuperset(of: [".x12gate-demo", "inbox", "outbox", "x12gate.sqlite"]))
        }
    }
}
