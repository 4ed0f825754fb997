import ArgumentParser
import Foundation
import X12

/// `x12gate format FILE`: re-serializes X12. With no option the output equals the input byte for byte.
struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "format",
        abstract: "Re-serialize X12: byte for byte by default, or with other delimiters and line layout.",
        discussion: """
        Examples:
          x12gate format TestData/syntax/valid/standard-lf.x12            # identical output
          x12gate format --newlines TestData/syntax/valid/standard-no-suffix.x12
          x12gate format --delimiters '|>!~' --compact in.x12 --out out.x12
          cat in.x12 | x12gate format --delimiters '*:^\\n' -

        --delimiters takes four characters: element, component, repetition, terminator (\\n and \\r allowed \
        for the terminator); ISA11 and ISA16 are rewritten. --newlines puts one segment per line (LF after \
        each terminator), --compact puts none; both drop blank lines between segments. Findings go to \
        standard error. Exit status: 0 ok, 1 the input has errors, 2 usage or I/O error (or a data byte \
        that equals one of the new delimiters).
        """
    )

    @Argument(help: "The X12 file ('-' for standard input).")
    var file: String

    @Option(help: "New delimiters: element, component, repetition, terminator, e.g. '|>!~'.")
    var delimiters: String?

    @Flag(help: "One segment per line (LF after each terminator).")
    var newlines = false

    @Flag(help: "No line breaks between segments.")
    var compact = false

    @Flag(help: "CRLF instead of LF with --newlines.")
    var crlf = false

    @Option(help: "Write here instead of standard output.")
    var out: String?

    func validate() throws {
        if newlines && compact { throw ValidationError("--newlines and --compact exclude each other") }
        if crlf && !newlines { throw ValidationError("--crlf goes with --newlines") }
        if let d = delimiters, Delimiters(spec: d) == nil {
            throw ValidationError("--delimiters needs four different characters, none a letter or digit, e.g. '|>!~'")
        }
    }

    func run() throws {
        let target = delimiters.flatMap { Delimiters(spec: $0) }
        let layout: SegmentSuffix? = newlines ? (crlf ? .crlf : .lf) : (compact ? SegmentSuffix.none : nil)
        let errors = BufferedOutput.standardError
        let outcome: Outcome
        do {
            outcome = try Self.format(file, to: out ?? "-", delimiters: target, layout: layout, findings: errors)
        } catch {
            try? errors.flush()
            FileHandle.standardError.write(Data("x12gate format: \(error)\n".utf8))
            throw ExitCode(2)
        }
        try? errors.flush()
        switch outcome {
        case .done(let hasErrors):
            if hasErrors { throw ExitCode(1) }
        case .refused(let message):
            FileHandle.standardError.write(Data("x12gate format: \(message)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// How a run ended.
    enum Outcome {
        /// Written; `true` when the input had error findings.
        case done(Bool)
        /// A data byte equals one of the new delimiters.
        case refused(String)
    }

    /// Copies `file` to `path`, verbatim or re-serialized; findings are written to `findings`.
    static func format(_ file: String, to path: String, delimiters target: Delimiters?, layout: SegmentSuffix?,
                       findings: BufferedOutput) throws(X12IOError) -> Outcome {
        var hasErrors = false
        let reader = try X12Reader(path: file)
        let writer = try X12Writer.toFile(path, delimiters: target ?? .standard)
        while let event = try reader.next() {
            if case .finding(let f) = event {
                if f.severity == .error { hasErrors = true }
                findings.write("\(file): \(f)\n")
            }
            if case .endOfInput = event {
                if layout == nil || !isBlank(reader.leading) { try writer.writeRaw(reader.leading) }
                continue
            }
            guard reader.hasSegment else { continue }
            let seg = reader.segment
            if layout == nil || !isBlank(reader.leading) { try writer.writeRaw(reader.leading) }
            // A newline terminator is its own line break: no suffix after it.
            let terminator = target?.segment ?? seg.delimiters.segment
            var suffix = layout ?? reader.suffix
            if terminator == 0x0A {
                suffix = .none
            } else if terminator == 0x0D {
                suffix = suffix == .none || suffix == .cr ? .none : .lf
            }
            if target != nil {
                writer.suffix = suffix
                do {
                    try writer.write(view: seg)
                } catch {
                    try writer.close()
                    if case .io(let io) = error { throw io }
                    return .refused("segment \(reader.location.segmentIndex) (line \(reader.location.line)): \(error)")
                }
            } else {
                try writer.writeVerbatim(seg, suffix: suffix, terminated: reader.decoder.segmentTerminated)
            }
        }
        try writer.close()
        return .done(hasErrors)
    }

    /// `true` when `bytes` hold only blanks, line breaks and byte-order marks (layout, not data).
    static func isBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
    }
}
