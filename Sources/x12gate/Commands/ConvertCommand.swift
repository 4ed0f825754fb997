import ArgumentParser
import AuthModel
import Foundation
import X12
import X12Mapping

/// `x12gate convert IN --to x12|json|xml|model [--out PATH]`: lossless structural JSON/XML, and the domain model.
///
/// Exit status: 0 converted, 1 the input cannot be converted (not X12/JSON/XML, bad structure), 2 usage or I/O
/// error (or a conversion that is not available).
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert X12 to and from lossless structural JSON / XML, and to and from the domain model.",
        discussion: """
        The input kind is told from its first bytes: ISA (X12), { or [ (JSON), < (XML). JSON whose first key is \
        "format" or "interchanges" is the structural form; other JSON is model JSON Lines. \
        X12 → json → X12 and X12 → xml → X12 give the input back byte for byte. Everything streams.
        Examples:
          x12gate convert in.x12 --to json --out in.json
          x12gate convert in.json --to x12 --out back.x12
          cat in.x12 | x12gate convert - --to xml
        Exit status: 0 converted, 1 the input cannot be converted, 2 usage or I/O error.
        """)

    /// The output kind.
    enum Target: String, ExpressibleByArgument, CaseIterable {
        case x12, json, xml, model
    }

    /// How much of the specs to write into the structural form.
    enum Annotation: String, ExpressibleByArgument, CaseIterable {
        case full, loops, none
    }

    @Argument(help: "The input file ('-' reads standard input).")
    var input: String

    @Option(name: .long, help: "The output kind: x12, json, xml or model.")
    var to: Target

    @Option(name: .long, help: "Write here instead of standard output.")
    var out: String?

    @Option(name: .long, help: "Structural JSON/XML annotations from Specs/: full (loop IDs and element names), loops, none.")
    var annotate: Annotation = .full

    @Option(name: .long, help: "The Specs/ folder (for loop IDs and element names).")
    var specs: String?

    @Option(name: .long, help: "Model → X12: the sender ID (ISA06 / GS02).")
    var sender: String?

    @Option(name: .long, help: "Model → X12: the receiver ID (ISA08 / GS03).")
    var receiver: String?

    @Option(name: .long, help: "Model → X12: the first interchange control number (ISA13).")
    var controlNumber: Int?

    func run() throws {
        let outPath = out ?? "-"
        let source: ByteSource
        let kind: ConversionInputKind
        do {
            source = try ByteSource(path: input)
            guard let k = ConversionInputKind.detect(try source.peek(4096)) else {
                fail("\(input): cannot tell what the input is (expected X12 starting with ISA, JSON, or XML)")
                throw ExitCode(1)
            }
            kind = k
        } catch let e as X12IOError {
            fail("\(e)")
            throw ExitCode(2)
        }
        let structuralJSON = kind == .json ? StructuralJSONImporter.isStructural(try peek(source)) : false

        switch (kind, to) {
        case (.x12, .json), (.x12, .xml):
            let exporter = StructuralExporter(format: to == .json ? .json : .xml,
                                              annotator: annotate == .none ? nil : SpecStructuralAnnotator.load(specs: specs),
                                              writeElementNames: annotate == .full)
            let summary = try convert(to: outPath) { sink in try exporter.export(from: source, to: sink) }
            if summary.findings > 0 {
                note("the reader reported \(summary.findings) finding(s); the conversion keeps every byte all the same (see `x12gate validate`)")
            }
        case (.x12, .x12):
            _ = try convert(to: outPath) { sink in try Self.copy(source, to: sink) }
        case (.json, .x12) where structuralJSON:
            _ = try convert(to: outPath) { sink in try StructuralJSONImporter().importX12(from: source, to: sink) }
        case (.xml, .x12):
            _ = try convert(to: outPath) { sink in try StructuralXMLImporter().importX12(from: source, to: sink) }
        case (.x12, .model):
            let failed = try convert(to: outPath) { sink in try Self.toModel(source, to: sink, lineByLine: outPath == "-") }
            if failed > 0 {
                fail("\(failed) transaction set(s) could not be mapped (see above); the others were written")
                throw ExitCode(1)
            }
        case (.json, .x12):
            guard let sender, let receiver else {
                fail("model JSON → X12 needs --sender and --receiver")
                throw ExitCode(2)
            }
            let now = Date()
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: now)
            let envelope = EnvelopeOptions(senderID: sender, receiverID: receiver,
                                           interchangeControlNumber: controlNumber ?? 1,
                                           firstGroupControlNumber: controlNumber ?? 1,
                                           date: CalendarDate(year: c.year!, month: c.month!, day: c.day!),
                                           time: String(format: "%02d%02d", c.hour!, c.minute!))
            _ = try convert(to: outPath) { sink in try Self.fromModel(source, envelope: envelope, to: sink) }
        default:
            let what = kind == .json ? (structuralJSON ? "structural JSON" : "model JSON") : kind.rawValue.uppercased()
            fail("cannot convert \(what) to \(to.rawValue) directly; convert to x12 first")
            throw ExitCode(2)
        }
    }

    private func peek(_ source: ByteSource) throws -> [UInt8] {
        do { return try source.peek(4096) } catch { fail("\(error)"); throw ExitCode(2) }
    }

    /// Runs `body` on the output; on failure removes a partly written file and maps the error to an exit status.
    private func convert<T>(to path: String, _ body: (ByteSink) throws -> T) throws -> T {
        // A file is written under a temporary name and renamed at the end: a failed run leaves an existing file as
        // it was and creates none; a device or pipe (`/dev/null`) is written directly and never removed.
        let sink: ByteSink
        do { sink = try ByteSink(path: path, replacing: true) } catch { fail("\(error)"); throw ExitCode(2) }
        do {
            let result = try body(sink)
            try sink.close()
            return result
        } catch {
            sink.discard()
            fail("\(error)")
            throw ExitCode(error is StructuralError ? 1 : 2)
        }
    }

    /// X12 → model JSON Lines; returns how many transaction sets failed to map.
    ///
    /// Each line is encoded into one reusable buffer (``ModelJSONLinesWriter``). On standard output each line is
    /// handed on as soon as it is written (a pipe's reader sees each transaction); a file is written in large
    /// blocks.
    private static func toModel(_ source: ByteSource, to sink: ByteSink, lineByLine: Bool) throws -> Int {
        let reader = X12ModelReader(reader: X12Reader(name: source.name) { (buffer) throws(X12IOError) -> Int in
            try source.read(into: buffer)
        })
        let lines = ModelJSONLinesWriter(sink: sink)
        var failed = 0
        while let mapped = try reader.next() {
            switch mapped.result {
            case .success(let model):
                try lines.write(model)
                if lineByLine { try sink.flush() }
            case .failure(let error):
                failed += 1
                FileHandle.standardError.write(Data("x12gate convert: transaction set \(mapped.header.id) \(mapped.header.controlNumber): \(error)\n".utf8))
            }
        }
        return failed
    }

    /// Model JSON Lines → X12 with the given envelope, one line at a time.
    private static func fromModel(_ source: ByteSource, envelope: EnvelopeOptions, to sink: ByteSink) throws {
        let writer = X12Writer(suffix: .lf) { (bytes) throws(X12IOError) in
            sink.append(raw: bytes)
            try sink.flush()
        }
        let builder = ModelX12Builder(writer: writer, envelope: envelope)
        let lines = ModelJSONLinesReader(byteSource: source)
        while true {
            do {
                guard let model = try lines.next() else { break }
                try builder.add(model)
            } catch let e as ModelJSONLinesReader.LineError {
                throw StructuralError(input: source.name, line: e.line, message: "model JSON: \(e.message)")
            } catch {
                if error is X12IOError { throw error }
                throw StructuralError(input: source.name, line: lines.lineNumber, message: "model JSON: \(error)")
            }
        }
        try builder.finish()
        try writer.flush()
    }

    private static func copy(_ source: ByteSource, to sink: ByteSink) throws {
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 << 10, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let n = try source.read(into: chunk)
            if n == 0 { return }
            sink.append(raw: UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
            try sink.flush()
        }
    }

    private func fail(_ message: String) {
        FileHandle.standardError.write(Data("x12gate convert: \(message)\n".utf8))
    }

    private func note(_ message: String) {
        FileHandle.standardError.write(Data("x12gate convert: note: \(message)\n".utf8))
    }
}
