import Foundation
import Testing
import X12
@testable import X12Schema

/// Table-driven over `TestData/validation/278*`: a file without a sidecar `.expected` validates with no finding;
/// a file with one gives exactly the findings listed there (`CODE POSITION SEGMENT LOOP ELEMENT`), checked the
/// way the 270/271 fixtures are.
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

    /// The same check as the 270/271 fixtures (``ValidationFixtureTests/fixture(_:)``), on the 278 files.
    @Test(arguments: files)
    func fixture(_ name: String) throws {
        try ValidationFixtureTests().fixture(name)
    }

    @Test func requestAndResponseArePickedByBHT02() throws {
        let request = try Validator(library: SchemaTestSupport.library).validate(path: Self.directory + "/278-request-valid.x12")
        let response = try Validator(library: SchemaTestSupport.library).validate(path: Self.directory + "/278-response-valid.x12")
        #expect(request.interchanges.first?.groups.first?.transactions.map(\.guideID) == Array(repeating: "278-request.005010X217", count: 3))
        #expect(response.interchanges.first?.groups.first?.transactions.map(\.guideID) == Array(repeating: "278-response.005010X217", count: 6))
    }

    /// Every 278 request and response the independent generator writes validates clean (the 270/271 sweep's check,
    /// over 278 options: dependents, delimiters, line breaks, several interchanges, a mixed file).
    static let generated: [GeneratedFileTests.Case] = {
        let options: [[String]] = [
            [],
            ["--dependent-rate", "0.9"],
            ["--delims", "|", ">", "!", "'", "--crlf"],
            ["--newline", "--interchanges", "3", "--max-st-per-gs", "7"],
        ]
        var out: [GeneratedFileTests.Case] = []
        for type in ["278", "278resp"] {
            for seed in 1...6 { out.append(GeneratedFileTests.Case(type: type, seed: seed, extra: options[seed % options.count])) }
        }
        out.append(GeneratedFileTests.Case(type: "mixed", seed: 3, extra: ["--dependent-rate", "0.5"]))
        return out
    }()

    @Test(arguments: generated)
    func generated278IsClean(_ c: GeneratedFileTests.Case) throws {
        try GeneratedFileTests().generatedFileIsClean(c)
    }
}
