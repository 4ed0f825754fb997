import Foundation
import Testing
import X12
@testable import X12Schema

/// A `Validator` keeps per-guide state between files (the loop tracker's search cache, the HL index): validating
/// every fixture with one validator, in order and then in reverse, must give exactly what a fresh validator gives.
@Suite struct SharedValidatorTests {
    static let directory = SchemaTestSupport.repository + "/TestData/validation"

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".x12") }.sorted()
    }

    private func summary(_ report: ValidationReport) -> [String] {
        report.allFindings.map { "\(SchemaTestSupport.projection($0)) @\($0.location.byteOffset) \($0.message)" }
    }

    @Test func oneValidatorForEveryFileGivesTheSameFindings() throws {
        #expect(Self.files.count > 20)
        var fresh: [String: [String]] = [:]
        for name in Self.files {
            fresh[name] = summary(try Validator(library: SchemaTestSupport.library).validate(path: Self.directory + "/" + name))
        }
        let shared = Validator(library: SchemaTestSupport.library)
        for name in Self.files + Self.files.reversed() {
            let again = summary(try shared.validate(path: Self.directory + "/" + name))
            #expect(again == fresh[name], "\(name)")
        }
    }
}
