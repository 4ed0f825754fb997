import ArgumentParser
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
        case (.x12, .model), (.json, .x12):
            fail("--to \(to.rawValue) from \(kind == .json ? "model JSON" : "X12") is not available yet: the domain mapping has not landed")
            throw ExitCode(2)
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
        let sink: ByteSink
        do { sink = try ByteSink(path: path) } catch { fail("\(error)"); throw ExitCode(2) }
        do {
            let result = try body(sink)
            try sink.close()
            return result
        } catch {
            try? sink.close()
            if path != "-" { try? FileManager.default.removeItem(atPath: path) }
            fail("\(error)")
            throw ExitCode(error is StructuralError ? 1 : 2)
        }
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
