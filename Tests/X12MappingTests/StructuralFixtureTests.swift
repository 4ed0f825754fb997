import Testing
import X12
import X12Schema
@testable import X12Mapping

/// The forms on record: each `TestData/conversion/*.x12` has its `.json` and `.xml` (without annotations),
/// compared exactly both ways.
@Suite struct StructuralFixtureTests {
    static let fixtures = ["eligibility-270", "odd-delimiters-278"]

    @Test(arguments: fixtures, StructuralFormat.allCases)
    func formMatchesTheFileOnRecord(name: String, format: StructuralFormat) throws {
        let x12 = try StructuralTestSupport.bytes("conversion/\(name).x12")
        let expected = try StructuralTestSupport.bytes("conversion/\(name).\(format.rawValue)")
        let produced = try StructuralTestSupport.export(x12, format)
        #expect(String(decoding: produced, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(try StructuralTestSupport.importX12(expected, format) == x12)
    }

    @Test(arguments: fixtures)
    func inputKindIsDetected(name: String) throws {
        #expect(ConversionInputKind.detect(try StructuralTestSupport.bytes("conversion/\(name).x12")) == .x12)
        let json = try StructuralTestSupport.bytes("conversion/\(name).json")
        #expect(ConversionInputKind.detect(json) == .json)
        #expect(StructuralJSONImporter.isStructural(json))
        #expect(ConversionInputKind.detect(try StructuralTestSupport.bytes("conversion/\(name).xml")) == .xml)
        #expect(!StructuralJSONImporter.isStructural(Array(#"{"transaction": "270"}"#.utf8)))
    }

    /// With the specs, segments carry their loop IDs and element names; reading back ignores them.
    @Test func specAnnotationsNameLoopsAndElements() throws {
        let annotator = try #require(SpecStructuralAnnotator.load())
        let x12 = try StructuralTestSupport.bytes("conversion/eligibility-270.x12")
        let json = try StructuralTestSupport.export(x12, .json, annotator: annotator)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains(#"{"id": "NM1", "loop": "2100C", "elements": ["IL""#))
        #expect(text.contains(#""names": ["Entity Identifier Code""#))
        #expect(try StructuralTestSupport.importX12(json, .json) == x12)
        let xml = try StructuralTestSupport.export(x12, .xml, annotator: annotator)
        #expect(String(decoding: xml, as: UTF8.self).contains(#"<segment id="NM1" loop="2100C"><e name="Entity Identifier Code">IL</e>"#))
        #expect(try StructuralTestSupport.importX12(xml, .xml) == x12)
    }
}
