import ArgumentParser
import Foundation
import Gateway

/// `--store PATH`, shared by the gateway commands.
struct StoreOption: ParsableArguments {
    @Option(name: .long, help: "The store (SQLite file, created when missing).")
    var store: String = "./x12gate.sqlite"

    /// Opens the store; an unusable path is an I/O error (exit 2).
    func open() throws -> SQLiteGatewayStore {
        do {
            return try SQLiteGatewayStore(path: store)
        } catch {
            FileHandle.standardError.write(Data("x12gate: cannot open the store \(store): \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

/// Prints an import report: the count on standard output, refused rows on standard error; exit 1 when a row was refused.
func finishImport(_ report: ImportReport, what: String) throws {
    print("\(what): \(report.imported) row\(report.imported == 1 ? "" : "s") imported, \(report.errors.count) refused")
    if !report.errors.isEmpty {
        FileHandle.standardError.write(Data(report.errors.map { "  \($0)" }.joined(separator: "\n").utf8 + Data("\n".utf8)))
        throw ExitCode(1)
    }
}

/// Runs one CSV import: reads the file, imports it, reports.
func runImport(path: String, store: StoreOption, what: String, _ body: (ReferenceDataImporter, String) throws -> ImportReport) throws {
    let text: String
    do {
        text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
        FileHandle.standardError.write(Data("x12gate: cannot read \(path): \(error.localizedDescription)\n".utf8))
        throw ExitCode(2)
    }
    let importer = ReferenceDataImporter(store: try store.open())
    let report: ImportReport
    do {
        report = try body(importer, text)
    } catch let e as ImportError {
        FileHandle.standardError.write(Data("x12gate: \(path): \(e)\n".utf8))
        throw ExitCode(1)
    }
    try finishImport(report, what: what)
}
