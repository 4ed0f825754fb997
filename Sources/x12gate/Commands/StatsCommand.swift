import ArgumentParser
import Foundation
import X12

/// `x12gate stats FILE…`: one streaming pass per file, counting envelopes, transaction sets by type and
/// version, segments, bytes, the delimiters found, and the reader's findings.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count interchanges, groups, transaction sets, segments and findings in X12 files (one streaming pass).",
        discussion: """
        Examples:
          x12gate stats TestData/syntax/valid/several-interchanges.x12
          x12gate stats --json TestData/syntax/valid/*.x12
          cat file.x12 | x12gate stats -

        With --json, one JSON object per file and line, with at least the keys interchanges, groups, \
        transactions, segments and bytes. Exit status: 0 no errors, 1 a file has error findings, 2 a file \
        could not be read.
        """
    )

    @Argument(help: "X12 files to read ('-' for standard input).")
    var files: [String]

    @Flag(help: "Print one JSON object per file.")
    var json = false

    @Option(help: "Most findings listed per file (all are counted).")
    var maxFindings = 20

    /// The counts of one file.
    struct FileStats: Encodable {
        var file: String
        var bytes = 0
        var segments = 0
        var interchanges = 0
        var groups = 0
        var transactions = 0
        var acknowledgments = 0
        /// `270 005010X279A1` → count.
        var transactionSets: [String: Int] = [:]
        var delimiters: [String] = []
        var errors = 0
        var warnings = 0
        var findingCodes: [String: Int] = [:]
        var findings: [FindingLine] = []
    }

    /// One listed finding (positions and code; the message is a sentence without member data).
    struct FindingLine: Encodable {
        var code: String
        var severity: String
        var line: Int
        var segmentIndex: Int
        var segmentID: String?
        var element: Int?
        var message: String
    }

    func run() throws {
        let out = BufferedOutput.standardOutput
        var status: Int32 = 0
        for file in files {
            let stats: FileStats
            do {
                stats = try Self.collect(file, maxFindings: maxFindings)
            } catch {
                try? out.flush()
                FileHandle.standardError.write(Data("x12gate stats: \(error)\n".utf8))
                status = 2
                continue
            }
            if json { try Self.printJSON(stats, to: out) } else { Self.printText(stats, to: out) }
            if stats.errors > 0 { status = max(status, 1) }
        }
        try out.flush()
        if status != 0 { throw ExitCode(status) }
    }

    /// Reads `file` once and counts.
    static func collect(_ file: String, maxFindings: Int) throws(X12IOError) -> FileStats {
        let reader = try X12Reader(path: file)
        var s = FileStats(file: file)
        var delimiterSet: [Delimiters] = []
        var groupVersion = ""
        while let event = try reader.next() {
            switch event {
            case .segment:
                continue
            case .interchangeStart(let h):
                s.interchanges += 1
                if !delimiterSet.contains(h.delimiters) { delimiterSet.append(h.delimiters) }
            case .groupStart(let g):
                s.groups += 1
                groupVersion = g.version
            case .transactionStart(let t):
                s.transactions += 1
                s.transactionSets["\(t.id) \(t.implementationReference ?? groupVersion)", default: 0] += 1
            case .interchangeAcknowledgment:
                s.acknowledgments += 1
            case .finding(let f):
                if f.severity == .error { s.errors += 1 } else { s.warnings += 1 }
                s.findingCodes[f.code.description, default: 0] += 1
                if s.findings.count < maxFindings {
                    s.findings.append(FindingLine(code: f.code.description, severity: f.severity.rawValue,
                                                  line: f.location.line, segmentIndex: f.location.segmentIndex,
                                                  segmentID: f.location.segmentID, element: f.location.elementPosition,
                                                  message: f.message))
                }
            case .interchangeEnd, .groupEnd, .transactionEnd, .endOfInput:
                break
            }
        }
        s.segments = reader.decoder.segmentsRead
        s.bytes = reader.decoder.bytesFed
        s.delimiters = delimiterSet.map(\.description)
        return s
    }

    static func printJSON(_ s: FileStats, to out: BufferedOutput) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        out.write(try encoder.encode(s).map { $0 })
        out.write(byte: 0x0A)
    }

    static func printText(_ s: FileStats, to out: BufferedOutput) {
        out.write("\(s.file)\n")
        out.write("  bytes          \(s.bytes)\n")
        out.write("  segments       \(s.segments)\n")
        out.write("  interchanges   \(s.interchanges)\n")
        out.write("  groups         \(s.groups)\n")
        out.write("  transactions   \(s.transactions)\n")
        for key in s.transactionSets.keys.sorted() {
            out.write("    \(key.padding(toLength: 22, withPad: " ", startingAt: 0)) \(s.transactionSets[key]!)\n")
        }
        if s.acknowledgments > 0 { out.write("  TA1 segments   \(s.acknowledgments)\n") }
        out.write("  delimiters     \(s.delimiters.isEmpty ? "none" : s.delimiters.joined(separator: ", ")) (element component repetition terminator)\n")
        out.write("  findings       \(s.errors) error(s), \(s.warnings) warning(s)\n")
        for f in s.findings {
            let element = f.element.map { " element \(f.segmentID ?? "")\($0 < 10 ? "0" : "")\($0)" } ?? ""
            out.write("    \(f.severity) \(f.code) line \(f.line) segment #\(f.segmentIndex)\(element): \(f.message)\n")
        }
        let listed = s.findings.count
        if s.errors + s.warnings > listed { out.write("    … \(s.errors + s.warnings - listed) more\n") }
    }
}
