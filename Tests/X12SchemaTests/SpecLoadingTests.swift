import Foundation
import Testing
import X12
@testable import X12Schema

/// The specs: every file is valid against `x12spec.xsd`, the guides load and are picked by ST01/GS08/BHT02,
/// and the loader refuses inconsistent specs.
@Suite struct SpecLoadingTests {
    static let specs = SchemaTestSupport.repository + "/Specs"

    static var specFiles: [String] {
        let guides = ((try? FileManager.default.contentsOfDirectory(atPath: specs + "/guides")) ?? [])
            .filter { $0.hasSuffix(".xml") }.sorted().map { "guides/" + $0 }
        let envelopes = ((try? FileManager.default.contentsOfDirectory(atPath: specs)) ?? [])
            .filter { $0.hasPrefix("envelope.") && $0.hasSuffix(".xml") }.sorted()
        return ["dictionary.xml", "segments.xml"] + envelopes + guides
    }

    @Test(arguments: specFiles)
    func fileIsValidAgainstTheXSD(_ file: String) throws {
        let schema = try XMLSchema(path: Self.specs + "/x12spec.xsd")
        let doc = try XMLDocument(path: Self.specs + "/" + file)
        #expect(doc.problems(against: schema) == [])
    }

    @Test func guidesArePickedBySelection() throws {
        let lib = SchemaTestSupport.library
        #expect(lib.guide(st01: "270", version: "005010X279A1")?.id == "270.005010X279A1")
        #expect(lib.guide(st01: "271", version: "005010X279A1")?.functionalGroupID == "HB")
        #expect(lib.guide(st01: "270", version: "004010X092A1") == nil)
        #expect(lib.guide(st01: "276", version: "005010X212") == nil)
        let g = try #require(lib.guide(id: "271.005010X279A1"))
        #expect(g.standardLoopID(of: "2120D") == "2120")
        #expect(g.root.loop(id: "2110C")?.together == [["LS", "2120C", "LE"]])
        #expect(g.levels.map(\.code) == ["20", "21", "22", "23"])
    }

    @Test func mergedElementSpecsCarryGuideOverrides() throws {
        let g = try #require(SchemaTestSupport.library.guide(id: "270.005010X279A1"))
        guard case .segment(let nm1) = try #require(g.root.loop(id: "2100A")).children[0] else { Issue.record("no NM1"); return }
        #expect(nm1.discriminator == ElementPath(element: 1))
        #expect(nm1.element(1)?.guideCodes?.contains("PR") == true)
        #expect(nm1.element(1)?.guideCodes?.contains("IL") == false)
        #expect(nm1.element(1)?.element?.codes?.contains("IL") == true)
        #expect(nm1.element(8)?.usage == .required)
        #expect(nm1.element(10)?.usage == .notUsed)
        guard case .segment(let eq) = try #require(g.root.loop(id: "2110C")).children[0] else { Issue.record("no EQ"); return }
        #expect(eq.element(1)?.maxRepeat == 99)
        #expect(eq.element(2)?.components.count == 8)
    }

    @Test func loaderRejectsAGuideCodeMissingFromTheDictionary() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("specs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/guides", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for f in ["x12spec.xsd", "dictionary.xml", "segments.xml"] {
            try FileManager.default.copyItem(atPath: Self.specs + "/" + f, toPath: dir + "/" + f)
        }
        let guide = try String(contentsOfFile: Self.specs + "/guides/270.005010X279A1.xml", encoding: .utf8)
            .replacingOccurrences(of: "codes=\"2B 36 GP P5 PR\"", with: "codes=\"2B 36 GP P5 PR QQQ\"")
        try guide.write(toFile: dir + "/guides/270.005010X279A1.xml", atomically: true, encoding: .utf8)
        #expect(throws: SpecError.self) { try SpecLibrary.load(directory: dir) }
    }

    @Test func locatorPrefersExplicitThenEnvironment() throws {
        #expect(SpecLocator.candidates(explicit: "/x", environment: [:], executablePath: nil) == ["/x"])
        let c = SpecLocator.candidates(explicit: nil, environment: ["X12GATE_SPECS": "/env"], executablePath: "/opt/bin/x12gate")
        #expect(c.first == "/env")
        #expect(c.dropFirst().first == "/opt/share/x12gate/Specs")
        #expect(c.last == SpecLocator.repositorySpecs)
        #expect(throws: SpecError.self) { try SpecLocator.locate(explicit: "/nonexistent-specs") }
    }
}
