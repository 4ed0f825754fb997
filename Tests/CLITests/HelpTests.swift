import Testing
import Foundation

/// The command's surface: every subcommand is listed, documented with an example, and usage errors exit 2.
@Suite struct HelpTests {
    static let subcommands = ["stats", "format", "inspect", "validate", "ack", "convert", "generate",
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
