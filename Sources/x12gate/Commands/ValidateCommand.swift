import Foundation
import ArgumentParser
import X12
import X12Schema

/// `x12gate validate FILE… [--json] [--specs DIR]`: SNIP 1–2 validation against the implementation guides in `Specs/`.
///
/// The report is written as the file is read (spooled on disk when large): memory stays flat however many findings
/// there are.
///
/// Exit status: 0 when every group of every file is accepted without errors, 1 when anything is rejected or has
/// errors, 2 when a file cannot be read (or the specs cannot be loaded).
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate X12 files (270/271, 278, 999 …) against the implementation guides in Specs/.",
        discussion: "Exit status: 0 all accepted, 1 errors found, 2 a file or the specs could not be read.")

    @Argument(help: "X12 files to validate (- for standard input).")
    var files: [String]

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    @Option(name: .long, help: "The specs directory (default: X12GATE_SPECS, <exe>/../share/x12gate/Specs, the repository's Specs/).")
    var specs: String?

    @Flag(name: .long, help: "Show the bad values in findings (they may contain personal data).")
    var showValues = false

    func run() throws {
        let library: SpecLibrary
        do {
            library = try SpecLibrary.load(directory: specs)
        } catch {
            printError("x12gate validate: cannot load specs: \(error)")
            throw ExitCode(2)
        }
        // Sets, groups and interchanges are rendered as they close (spooled on disk when large), not kept.
        let validator = Validator(library: library, options: .init(keepTransactions: false))
        var status: Int32 = 0
        let out = BufferedOutput.standardOutput
        defer { try? out.flush() }
        let many = json && files.count > 1
        if many { out.write("[") }
        var written = 0
        for file in files {
            let stream: ValidationReportStream
            let report: ValidationReport
            do {
                let reader = try X12Reader(path: file, options: validator.options.readerOptions)
                stream = ValidationReportStream(format: json ? .json : .text, source: reader.name, includeValues: showValues)
                report = try validator.validate(reader: reader, onTransaction: stream.transaction,
                                                onGroup: { g, _ in stream.group(g) }, onInterchange: stream.interchange)
                if many && written > 0 { out.write(",") }
                let clean = try stream.finish(report) { out.write($0) }
                written += 1
                if !clean && status == 0 { status = 1 }
            } catch {
                printError("x12gate validate: \(error)")
                status = 2
                continue
            }
        }
        if many { out.write("]") }
        if json && (many || written > 0) { out.write("\n") }
        if status != 0 { throw ExitCode(status) }
    }

    private func printError(_ s: String) {
        var err = StandardError()
        print(s, to: &err)
    }
}

/// Writes to standard error.
private struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
