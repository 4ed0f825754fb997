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
        let options = try BatchOptions(site: site, rules: loadRules(rules), requireKnownProvider: !allowUnknownProviders,
                                       specs: noValidate ? nil : loadSpecs(specs))
        let name = file == "-" ? "stdin" : URL(fileURLWithPath: file).lastPathComponent
        // The file is read from the disk in chunks (standard input is copied to a temporary file first); the outputs
        // and the report wait in a temporary folder and are copied out at the end: the memory does not grow with it.
        let input: StandardInputFile?
        let folder: String
        do {
            input = file == "-" ? try StandardInputFile() : nil
            folder = try Self.temporaryFolder()
        } catch {
            FileHandle.standardError.write(Data("x12gate respond: cannot read \(file): \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
        defer {
            input?.remove()
            try? FileManager.default.removeItem(atPath: folder)
        }
        if file != "-" {
            do { try FileHandle(forReadingFrom: URL(fileURLWithPath: file)).close() } catch {
                FileHandle.standardError.write(Data("x12gate respond: cannot read \(file): \(error.localizedDescription)\n".utf8))
                throw ExitCode(2)
            }
        }
        let reportPath = folder + "/.report"
        let result: FileResult
        do {
            result = try FileProcessor.respond(name: name, path: input?.path ?? file, store: store.open(), options: options,
                                               outbox: folder, reportPath: reportPath)
            for output in result.outputs where output.folder == .outbox {
                if responsesOnly && !(output.name.hasSuffix(".271") || output.name.hasSuffix(".278")) { continue }
                if output.fileSize == nil {
                    FileHandle.standardOutput.write(Data(output.bytes))
                } else {
                    try Self.copy(folder + "/" + FileOutput.temporaryName(output.name), to: .standardOutput)
                }
            }
        } catch let e as ExitCode {
            throw e
        } catch {
            FileHandle.standardError.write(Data("x12gate respond: \(error)\n".utf8))
            throw ExitCode(2)
        }
        var summary = BatchSummary()
        summary.files = [result]
        FileHandle.standardError.write(Data((summary.text.split(separator: "\n").first.map(String.init) ?? "").utf8 + Data("\n".utf8)))
        if result.problemCount > 0 { try? Self.copy(reportPath, to: .standardError) }
        if result.rejected > 0 || result.destination == .errors { throw ExitCode(1) }
    }

    /// A new private folder in the temporary folder (`TMPDIR`, else `/tmp`).
    private static func temporaryFolder() throws -> String {
        let parent = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((parent + "/.x12gate-respond-XXXXXX").utf8) + [0]
        let made = template.withUnsafeMutableBufferPointer { p in p.withMemoryRebound(to: CChar.self) { mkdtemp($0.baseAddress!) } }
        guard made != nil else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot create a folder in \(parent)"])
        }
        return String(decoding: template.dropLast(), as: UTF8.self)
    }

    /// Copies the file at `path` to `handle` in 1 MB chunks.
    private static func copy(_ path: String, to handle: FileHandle) throws {
        let source = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? source.close() }
        while let chunk = try source.read(upToCount: 1 << 20), !chunk.isEmpty { handle.write(chunk) }
    }
}
