import Foundation
import ArgumentParser
import X12
import X12Schema

/// `x12gate validate FILE… [--json] [--specs DIR]`: SNIP 1–2 validation against the implementation guides in `Specs/`.
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
        let validator = Validator(library: library)
        var status: Int32 = 0
        var jsonReports: [String] = []
        for file in files {
            let report: ValidationReport
            do {
                report = try validator.validate(path: file)
            } catch {
                printError("x12gate validate: \(error)")
                status = 2
                continue
            }
            if !report.isClean && status == 0 { status = 1 }
            if json {
                jsonReports.append(FindingJSONRenderer(includeValues: showValues).render(report))
            } else {
                print(FindingTextRenderer(includeValues: showValues).render(report))
            }
        }
        if json { print(jsonReports.count == 1 ? jsonReports[0] : "[" + jsonReports.joined(separator: ",") + "]") }
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
