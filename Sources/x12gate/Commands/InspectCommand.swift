import ArgumentParser
import Foundation
import X12

/// `x12gate inspect FILE`: one segment per line, indented by envelope level, with its line, its index in the
/// file and its position in the transaction set; findings inline, under the segment they concern.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show X12 one segment per line, indented by envelope, with positions and findings.",
        discussion: """
        Examples:
          x12gate inspect TestData/syntax/valid/standard-lf.x12
          x12gate inspect TestData/syntax/broken/se01-wrong.x12

        Columns: line in the file, segment index in the file, position in the transaction set (ST = 1, \
        the 999's IK302), then the segment with its own delimiters. A trailer made up for a missing one is \
        shown in parentheses. Exit status: 0 ok, 1 the input has errors, 2 usage or I/O error.
        """
    )

    @Argument(help: "The X12 file ('-' for standard input).")
    var file: String

    func run() throws {
        let out = BufferedOutput.standardOutput
        let hasErrors: Bool
        do {
            hasErrors = try Self.inspect(file, to: out)
        } catch {
            try? out.flush()
            FileHandle.standardError.write(Data("x12gate inspect: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if hasErrors { throw ExitCode(1) }
    }

    /// Writes the view of `file`; `true` when it has error findings.
    static func inspect(_ file: String, to out: BufferedOutput) throws(X12IOError) -> Bool {
        var hasErrors = false
        do {
            let reader = try X12Reader(path: file)
            var pending: [Finding] = []
            var level = 0
            out.write("  line   seg#   pos  segment\n")
            while let event = try reader.next() {
                var indent = level
                switch event {
                case .finding(let f):
                    if f.severity == .error { hasErrors = true }
                    pending.append(f)
                    continue
                case .interchangeStart: indent = 0; level = 1
                case .groupStart: indent = 1; level = 2
                case .transactionStart: indent = 2; level = 3
                case .transactionEnd: indent = 2; level = 2
                case .groupEnd: indent = 1; level = 1
                case .interchangeEnd: indent = 0; level = 0
                case .interchangeAcknowledgment: indent = 1
                case .segment: indent = level
                case .endOfInput: indent = 0
                }
                let loc = reader.location
                if reader.hasSegment {
                    writeColumns(loc, to: out)
                    out.write([UInt8](repeating: 0x20, count: indent * 2))
                    for b in reader.segment.bytes { out.write(byte: b == 0x0A || b == 0x0D ? 0x20 : b) }
                    out.write(byte: 0x0A)
                } else if case .endOfInput = event {
                    // Nothing to show; findings below.
                } else {
                    writeColumns(loc, to: out)
                    out.write([UInt8](repeating: 0x20, count: indent * 2))
                    out.write("(\(loc.segmentID ?? "trailer") missing)\n")
                }
                for f in pending {
                    out.write("                     ")
                    out.write([UInt8](repeating: 0x20, count: indent * 2))
                    let element = f.location.elementPosition.map { " \(f.location.segmentID ?? "")\($0 < 10 ? "0" : "")\($0)" } ?? ""
                    out.write("! \(f.severity.rawValue) \(f.code)\(element): \(f.message)\n")
                }
                pending.removeAll(keepingCapacity: true)
            }
            try out.flush()
        }
        return hasErrors
    }

    static func writeColumns(_ loc: Location, to out: BufferedOutput) {
        out.write(loc.line, width: 6)
        out.write(loc.segmentIndex, width: 7)
        if let p = loc.segmentPosition { out.write(p, width: 6) } else { out.write("      ") }
        out.write("  ")
    }
}
