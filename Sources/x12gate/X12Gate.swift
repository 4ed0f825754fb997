import ArgumentParser
import Foundation

/// The `x12gate` command: a thin shell over the libraries.
///
/// Exit status: 0 ok, 1 the input has errors, 2 usage or I/O error.
@main
struct X12Gate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "x12gate",
        abstract: "An EDI X12 gateway for HIPAA 5010 278 prior authorization and 270/271 eligibility.",
        discussion: """
        Exit status: 0 when everything is fine, 1 when the input has errors (findings, rejections), \
        2 on a usage or I/O error.
        """,
        subcommands: [
            StatsCommand.self, FormatCommand.self, InspectCommand.self,
            ValidateCommand.self, AckCommand.self,
            ConvertCommand.self, GenerateCommand.self,
            MembersCommand.self, ProvidersCommand.self, AuthCommand.self,
            BatchCommand.self, RespondCommand.self, DemoCommand.self,
        ]
    )

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success || code.rawValue == 1 || code.rawValue == 2 {
                if code != .success, !(error is ExitCode) { FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8)) }
                if code == .success, !(error is ExitCode) { print(fullMessage(for: error)) }
                Foundation.exit(code.rawValue)
            }
            // Usage errors (argument-parser's 64) and any other failure: status 2.
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(2)
        }
    }
}
