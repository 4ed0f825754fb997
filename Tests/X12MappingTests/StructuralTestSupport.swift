import Foundation
import X12
@testable import X12Mapping

/// Files and helpers for the structural conversion tests.
enum StructuralTestSupport {
    static let testData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("TestData").resolvingSymlinksInPath()

    /// Every `.x12` file under TestData/, recursively, as paths relative to TestData/.
    static func allX12Files() -> [String] {
        guard let e = FileManager.default.enumerator(at: testData, includingPropertiesForKeys: nil) else { return [] }
        var out: [String] = []
        for case let url as URL in e where url.pathExtension == "x12" {
            out.append(String(url.path.dropFirst(testData.path.count + 1)))
        }
        return out.sorted()
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: testData.appendingPathComponent(relative)))
    }

    static func export(_ x12: [UInt8], _ format: StructuralFormat, readLimit: Int = .max,
                       annotator: StructuralAnnotator? = nil) throws -> [UInt8] {
        let sink = ByteSink()
        _ = try StructuralExporter(format: format, annotator: annotator)
            .export(from: ByteSource(bytes: x12, readLimit: readLimit), to: sink)
        return sink.bytes
    }

    static func importX12(_ structural: [UInt8], _ format: StructuralFormat, readLimit: Int = .max) throws -> [UInt8] {
        let sink = ByteSink()
        let source = ByteSource(bytes: structural, name: "test.\(format.rawValue)", readLimit: readLimit)
        switch format {
        case .json: try StructuralJSONImporter().importX12(from: source, to: sink)
        case .xml: try StructuralXMLImporter().importX12(from: source, to: sink)
        }
        return sink.bytes
    }
}
