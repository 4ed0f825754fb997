import ArgumentParser
import Foundation
import Gateway

/// `x12gate respond FILE`: what `batch` does for one file, with the outputs on standard output.
struct RespondCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "respond",
        abstract: "Acknowledge and answer one X12 file from the store; outputs on standard output, for scripts.",
        discussion: """
        Writes the acknowledgment interchange (TA1/999) and then the 271 and 278 response interchanges, one after the \
        other (--responses-only leaves the acknowledgments out). The file is recorded in the store like a batch file \
        (duplicate interchanges get TA1 025). A summary line goes to standard error. Exit status: 0 all accepted, \
        1 something rejected, 2 usage or I/O error.
        """)

    @Argument(help: "The X12 file ('-' reads standard input).") var file: String
    @OptionGroup var store: StoreOption
    @Flag(help: "Write only the 271 and 278 responses.") var responsesOnly = false
    @Option(help: "The site digits of tracking numbers (0-9999).") var site: Int = 7100
    @Option(help: "The referral rules file (default: the built-in copy of config/referral-rules.json).") var rules: String?
    @Option(help: "The Specs/ folder (default: found next to the executable or in the repository).") var specs: String?
    @Flag(help: "Check envelopes only; do not validate transaction sets against the guides.") var noValidate = false
    @Flag(help: "Answer eligibility inquiries from providers that are not on file.") var allowUnknownProviders = false

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = file == "-" ? Array(FileHandle.standardInput.readDataToEndOfFile())
                : Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            FileHandle.standardError.write(Data("x12gate respond: cannot read \(file): \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
        let options = try BatchOptions(site: site, rules: loadRules(rules), requireKnownProvider: !allowUnknownProviders,
                                       specs: noValidate ? nil : loadSpecs(specs))
        let name = file == "-" ? "stdin" : URL(fileURLWithPath: file).lastPathComponent
        let result: FileResult
        do {
            result = try FileProcessor.respond(name: name, bytes: bytes, store: store.open(), options: options)
        } catch let e as ExitCode {
            throw e
        } catch {
            FileHandle.standardError.write(Data("x12gate respond: \(error)\n".utf8))
            throw ExitCode(2)
        }
        for output in result.outputs where output.folder == .outbox {
            if responsesOnly && !(output.name.hasSuffix(".271") || output.name.hasSuffix(".278")) { continue }
            FileHandle.standardOutput.write(Data(output.bytes))
        }
        var summary = BatchSummary()
        summary.files = [result]
        FileHandle.standardError.write(Data((summary.text.split(separator: "\n").first.map(String.init) ?? "").utf8 + Data("\n".utf8)))
        if !result.problems.isEmpty { FileHandle.standardError.write(Data((result.problems.joined(separator: "\n") + "\n").utf8)) }
        if result.rejected > 0 || result.destination == .errors { throw ExitCode(1) }
    }
}
