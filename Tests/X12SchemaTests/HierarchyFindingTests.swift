import Foundation
import Testing
import X12
@testable import X12Schema

/// The HL tree's findings carry the full location of the HL they concern (the validator keeps integers per HL
/// and builds the `Location` only for a finding), and HL01 values that are not plain numbers behave the same.
@Suite struct HierarchyFindingTests {
    static let path = SchemaTestSupport.repository + "/TestData/validation/270-hl-tree.x12"

    /// Every segment's location as the reader reports it, by segment index.
    private func readerLocations(_ bytes: [UInt8]) throws -> [Int: Location] {
        let reader = X12Reader(bytes: bytes)
        var locations: [Int: Location] = [:]
        while let event = try reader.next() {
            if case .segment = event { locations[reader.location.segmentIndex] = reader.location }
        }
        return locations
    }

    private func hlFindings(_ report: ValidationReport) -> [Finding] {
        report.interchanges.flatMap(\.groups).flatMap(\.transactions).flatMap(\.findings).filter { $0.location.segmentID == "HL" }
    }

    @Test func hlFindingsHaveTheReadersLocation() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.path)))
        let findings = hlFindings(Validator(library: SchemaTestSupport.library).validate(bytes: bytes))
        #expect(findings.map(\.message) == [
            "HL02 9 does not name an earlier HL in this transaction set.",
            "HL04 says this HL has no children, but HL 5 names it as parent.",
        ])
        #expect(findings.map(\.value) == ["9", "0"])
        let locations = try readerLocations(bytes)
        for f in findings {
            var expected = try #require(locations[f.location.segmentIndex])
            expected.segmentID = "HL"
            expected.loopID = "2000C"
            expected.standardLoopID = "2000"
            expected.elementPosition = f.location.elementPosition
            #expect(f.location == expected)
        }
        #expect(findings.map(\.location.line) == [13, 26])
        #expect(findings.map(\.location.elementPosition) == [2, 4])
    }

    @Test func hlIDsThatAreNotPlainNumbersGiveTheSameFindings() throws {
        var text = try String(contentsOfFile: Self.path, encoding: .utf8)
        for (from, to) in [("HL*1**", "HL*01**"), ("HL*2*1*", "HL*02*01*"), ("HL*3*9*", "HL*03*9*"),
                           ("HL*4*2*", "HL*04*02*"), ("HL*5*4*", "HL*05*04*")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        let validator = Validator(library: SchemaTestSupport.library)
        let plain = hlFindings(validator.validate(bytes: try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.path)))))
        let padded = hlFindings(validator.validate(bytes: Array(text.utf8)))
        #expect(padded.map(SchemaTestSupport.projection) == plain.map(SchemaTestSupport.projection))
        #expect(padded.map(\.message) == [
            "HL02 9 does not name an earlier HL in this transaction set.",
            "HL04 says this HL has no children, but HL 05 names it as parent.",
        ])
    }

    /// HL02 = HL01 is found by comparing bytes; different bytes are the same text only through non-ASCII
    /// spellings (`é` precomposed and `e` + combining accent), which still compare as Strings.
    @Test func hlNamingItselfAsParentIsReportedForEqualBytesAndEqualText() throws {
        let original = try String(contentsOfFile: Self.path, encoding: .utf8)
        let validator = Validator(library: SchemaTestSupport.library)
        func hl02Messages(_ text: String) -> [String] {
            hlFindings(validator.validate(bytes: Array(text.utf8))).map(\.message).filter { $0.hasPrefix("HL02") }
        }
        #expect(hl02Messages(original) == ["HL02 9 does not name an earlier HL in this transaction set."])
        let itself = "HL02 names the HL itself as its parent."
        #expect(hl02Messages(original.replacingOccurrences(of: "HL*3*9*", with: "HL*3*3*")) == [itself])
        #expect(hl02Messages(original.replacingOccurrences(of: "HL*3*9*", with: "HL*\u{E9}*e\u{301}*")) == [itself])
        #expect(hl02Messages(original.replacingOccurrences(of: "HL*3*9*", with: "HL*3*2*")).isEmpty)
    }

    @Test func repeatedHLIDAndChildlessParentAreReported() throws {
        var text = try String(contentsOfFile: Self.path, encoding: .utf8)
        // HL 4 becomes a second HL 3 (HL01 repeated); HL 5 then hangs under the first HL 3, whose HL04 says 0
        // (reported at that first HL). Findings are in segment order.
        text = text.replacingOccurrences(of: "HL*4*2*22*0", with: "HL*3*2*22*1")
        text = text.replacingOccurrences(of: "HL*5*4*23*0", with: "HL*5*3*23*0")
        let findings = hlFindings(Validator(library: SchemaTestSupport.library).validate(bytes: Array(text.utf8)))
        #expect(findings.map(\.message) == [
            "HL02 9 does not name an earlier HL in this transaction set.",
            "HL04 says this HL has no children, but HL 5 names it as parent.",
            "HL01 3 is used by an earlier HL in this transaction set.",
        ])
        #expect(findings.map(\.location.line) == [13, 13, 26])
    }
}
