import Foundation
import Testing

/// `x12gate convert --to model` and back through the built binary: the model JSON Lines of a hand-written file
/// build X12 that maps to the same lines, and a bad line is reported with its line number (exit 1).
@Suite struct ConvertModelTests {
    static let mapping = CLIRunner.repository.appendingPathComponent("TestData/mapping")

    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: mapping.path)) ?? []).filter { $0.hasSuffix(".x12") }.sorted()

    @Test func thereAreMappingFiles() { #expect(Self.files.count >= 7) }

    @Test(arguments: files)
    func modelLinesBuildX12ThatMapsToTheSameLines(_ name: String) throws {
        let path = Self.mapping.appendingPathComponent(name).path
        let model = try CLIRunner.run(["convert", path, "--to", "model"])
        #expect(model.status == 0)
        #expect(!model.stdoutBytes.isEmpty)
        let x12 = try CLIRunner.run(["convert", "-", "--to", "x12", "--sender", "PLANA", "--receiver", "CLINICB"], stdin: model.stdoutBytes)
        #expect(x12.status == 0, "\(x12.stderr)")
        let again = try CLIRunner.run(["convert", "-", "--to", "model"], stdin: x12.stdoutBytes)
        #expect(again.status == 0)
        #expect(again.stdout == model.stdout)
    }

    @Test func aBadLineIsReportedWithItsNumber() throws {
        let path = Self.mapping.appendingPathComponent("271-benefits-pcp-rejections.x12").path
        let model = try CLIRunner.run(["convert", path, "--to", "model"])
        let first = try #require(model.stdout.split(separator: "\n").first)
        let input = Array((first + "\n\n" + "{\"type\":\"271\",\"eligibilityResponses\":[{]}\n").utf8)
        let result = try CLIRunner.run(["convert", "-", "--to", "x12", "--sender", "PLANA", "--receiver", "CLINICB"], stdin: input)
        #expect(result.status == 1)
        #expect(result.stderr.contains("line 3"), "\(result.stderr)")
        #expect(result.stderr.contains("model JSON"))
    }
}
