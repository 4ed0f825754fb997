import Foundation
import Testing
import X12
@testable import X12Schema

/// Table-driven: every `TestData/validation/270*` and `271*` file is validated; a file without a sidecar
/// `.expected` must give no finding, a file with one must give exactly the findings listed there
/// (`CODE POSITION SEGMENT LOOP ELEMENT`, `-` for none).
@Suite struct ValidationFixtureTests {
    static let directory = SchemaTestSupport.repository + "/TestData/validation"

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { ($0.hasPrefix("270") || $0.hasPrefix("271")) && $0.hasSuffix(".x12") }
            .sorted()
    }

    @Test(arguments: files)
    func fixture(_ name: String) throws {
        let path = Self.directory + "/" + name
        let report = try Validator(library: SchemaTestSupport.library).validate(path: path)
        let actual = report.allFindings.map(SchemaTestSupport.projection).sorted()
        let sidecar = path.replacingOccurrences(of: ".x12", with: ".expected")
        if FileManager.default.fileExists(atPath: sidecar) {
            let expected = try String(contentsOfFile: sidecar, encoding: .utf8)
                .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }.sorted()
            #expect(actual == expected, "\(name): \(FindingTextRenderer().render(report))")
            #expect(!report.isClean)
        } else {
            #expect(actual == [], "\(name): \(FindingTextRenderer().render(report))")
            #expect(report.isClean)
        }
    }

    @Test func validFilesAreAcceptedWithCounts() throws {
        let report = try Validator(library: SchemaTestSupport.library).validate(path: Self.directory + "/271-valid-benefits.x12")
        let group = try #require(report.interchanges.first?.groups.first)
        #expect(group.receivedCount == 3)
        #expect(group.acceptedCount == 3)
        #expect(group.acknowledgmentCode == .accepted)
        #expect(group.transactions.map(\.guideID) == Array(repeating: "271.005010X279A1", count: 3))
    }

    @Test func rejectedSetCountsAndCodes() throws {
        let report = try Validator(library: SchemaTestSupport.library).validate(path: Self.directory + "/271-ik502-unsupported.x12")
        let group = try #require(report.interchanges.first?.groups.first)
        #expect(group.receivedCount == 3)
        #expect(group.acceptedCount == 1)
        #expect(group.acknowledgmentCode == .partiallyAccepted)
        #expect(group.transactions[1].syntaxErrorCodes == ["1"])
        #expect(group.transactions[1].acknowledgmentCode == .rejected)
    }

    @Test func missingSegmentCarriesStandardLoopForIK303() throws {
        let report = try Validator(library: SchemaTestSupport.library).validate(path: Self.directory + "/270-ik304-3-missing-subscriber-name.x12")
        let f = try #require(report.allFindings.first)
        #expect(f.location.loopID == "2100C")
        #expect(f.location.standardLoopID == "2100")
        #expect(f.location.segmentID == "NM1")
        #expect(f.level == .segment)
    }
}
