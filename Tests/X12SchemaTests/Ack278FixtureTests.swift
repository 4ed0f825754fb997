import Foundation
import Testing
import X12
@testable import X12Schema

/// Table-driven over `TestData/validation/278*`: a file without a sidecar `.expected` validates with no finding;
/// a file with one gives exactly the findings listed there (`CODE POSITION SEGMENT LOOP ELEMENT`, the format of
/// the 270/271 fixtures).
@Suite struct Ack278FixtureTests {
    static let directory = SchemaTestSupport.repository + "/TestData/validation"

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasPrefix("278") && $0.hasSuffix(".x12") }
            .sorted()
    }

    @Test func thereAre278Fixtures() {
        #expect(Self.files.count >= 20)
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

    @Test func requestAndResponseArePickedByBHT02() throws {
        let request = try Validator(library: SchemaTestSupport.library).validate(path: Self.directory + "/278-request-valid.x12")
        let response = try Validator(library: SchemaTestSupport.library).validate(path: Self.directory + "/278-response-valid.x12")
        #expect(request.interchanges.first?.groups.first?.transactions.map(\.guideID) == Array(repeating: "278-request.005010X217", count: 3))
        #expect(response.interchanges.first?.groups.first?.transactions.map(\.guideID) == Array(repeating: "278-response.005010X217", count: 6))
    }
}
