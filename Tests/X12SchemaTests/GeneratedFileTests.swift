import Foundation
import Testing
import X12
@testable import X12Schema

/// Every file the independent generator (`../shared/tools/gen_x12.py`) writes for 270 and 271 must validate
/// with no finding, over many seeds and options (delimiters, line breaks, dependents, rejections, many EQ).
/// Skipped when the generator or `python3` is not there.
@Suite struct GeneratedFileTests {
    static let generator = SchemaTestSupport.repository + "/../shared/tools/gen_x12.py"

    struct Case: CustomTestStringConvertible, Sendable {
        let type: String
        let seed: Int
        let extra: [String]
        var testDescription: String { "\(type) seed \(seed) \(extra.joined(separator: " "))" }
    }

    static let cases: [Case] = {
        var out: [Case] = []
        let options: [[String]] = [
            [],
            ["--dependent-rate", "0.9", "--per-st", "5"],
            ["--reject-rate", "0.5", "--max-eq", "3"],
            ["--delims", "|", ">", "!", "'", "--newline"],
            ["--crlf", "--no-payer-contact", "--per-st", "3"],
        ]
        for type in ["270", "271"] {
            for seed in 1...8 { out.append(Case(type: type, seed: seed, extra: options[seed % options.count])) }
        }
        return out
    }()

    @Test(arguments: cases)
    func generatedFileIsClean(_ c: Case) throws {
        guard FileManager.default.fileExists(atPath: Self.generator) else { return }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gen-\(c.type)-\(c.seed)-\(UUID().uuidString).x12").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.generator, "--type", c.type, "--count", "40", "--seed", "\(c.seed)", "-o", out] + c.extra
        do { try p.run() } catch { return }
        p.waitUntilExit()
        try #require(p.terminationStatus == 0)
        let report = try Validator(library: SchemaTestSupport.library).validate(path: out)
        #expect(report.allFindings.isEmpty, "\(FindingTextRenderer(includeValues: true).render(report))")
        #expect(report.isClean)
        #expect(report.totals.transactions > 0)
    }
}
