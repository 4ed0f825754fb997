import Testing
import Foundation

/// The command's surface: every subcommand is listed, documented with an example, and usage errors exit 2.
@Suite struct HelpTests {
    static let subcommands = ["demo", "stats", "format", "inspect", "validate", "ack", "convert", "generate",
                              "members", "providers", "auth", "batch", "respond"]

    @Test func rootHelpListsEverySubcommand() throws {
        let r = try CLIRunner.run(["--help"])
        #expect(r.status == 0)
        for name in Self.subcommands {
            #expect(r.stdout.contains("  \(name) "), "missing \(name) in --help")
        }
    }

    @Test(arguments: subcommands)
    func subcommandHelpHasAnExample(_ name: String) throws {
        let r = try CLIRunner.run([name, "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("x12gate \(name)"), "\(name) --help shows no example")
        #expect(!r.stdout.contains("Not built yet"))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let r = try CLIRunner.run(["stats", "--no-such-option", "TestData/syntax/valid/bom.x12"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no-such-option"))
    }

    @Test func missingFileIsAnIOError() throws {
        let r = try CLIRunner.run(["stats", "/nonexistent/file.x12"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("/nonexistent/file.x12"))
    }
}

/// The README's main command: the whole chain on the bundled sample data.
@Suite struct DemoTests {
    @Test func demoAnswersEverySampleFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("x12gate-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(["demo", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let outbox = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("outbox").path).sorted()
        #expect(outbox == ["eligibility-20261125.x12.271", "eligibility-20261125.x12.999",
                           "referrals-20261125.x12.278", "referrals-20261125.x12.999"])
        #expect(r.stdout.contains("2 files, 4 transaction sets: 4 accepted, 0 rejected"))
        // Every answer the demo wrote validates clean against the guides.
        for name in outbox {
            let v = try CLIRunner.run(["validate", dir.appendingPathComponent("outbox").appendingPathComponent(name).path])
            #expect(v.status == 0, "\(name): \(v.stdout)")
        }
    }
}
