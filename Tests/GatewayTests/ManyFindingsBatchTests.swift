import Foundation
import Testing
import X12
import X12Mapping
import X12Schema
@testable import Gateway

/// A file of thousands of sets, nearly all in error, through the gateway: the findings wait in a spool file and the
/// report lines spill to disk; the outputs, counts and report are those of the file held in memory.
@Suite struct ManyFindingsBatchTests {
    static let sets = 3_000

    /// 3,000 generated 270s (one interchange, one group), corrupted: every set but each tenth gets a bad EQ01 code
    /// (`EQ*Z…`), and every third of those a bad DMG01 qualifier too.
    static func bytes() throws -> [UInt8] {
        let writer = X12Writer.inMemory(suffix: .lf)
        try TestDataGenerator(seed: 7).write(.eligibilityInquiry, count: sets, to: writer)
        try writer.flush()
        var set = 0
        var lines: [String] = []
        for line in String(decoding: writer.bytes, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("ST*") { set += 1 }
            if set % 10 != 0 && line.hasPrefix("EQ*") {
                lines.append("EQ*Z" + line.dropFirst(3))
            } else if set % 10 != 0 && set % 3 == 0 && line.hasPrefix("DMG*D8*") {
                lines.append("DMG*ZZ*" + line.dropFirst(7))
            } else {
                lines.append(String(line))
            }
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    let options = BatchOptions(settleSeconds: 0, clock: ResponderClock(today: RequestBuilder.today, time: "1000"),
                               specs: try? SpecLibrary.load(checkSchema: false))

    @Test func theSpooledWayGivesTheOutputsAndReportOfTheHeldWay() throws {
        let dir = try GatewayTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bytes = try Self.bytes()
        let path = dir.appendingPathComponent("many.x12").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let held = try FileProcessor.respond(name: "many.x12", bytes: bytes, store: GatewayTestSupport.referenceStore(), options: options)
        let outbox = dir.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: outbox, withIntermediateDirectories: true)
        let reportPath = outbox + "/.report"
        let spooled = try FileProcessor.respond(name: "many.x12", path: path, store: GatewayTestSupport.referenceStore(),
                                                options: options, outbox: outbox, reportPath: reportPath)

        // The same counts, outputs and report.
        #expect(held.transactions == Self.sets && held.accepted == 300 && held.rejected == 2_700)
        #expect(spooled.transactions == held.transactions && spooled.accepted == held.accepted && spooled.rejected == held.rejected)
        #expect(spooled.outputs.map(\.name) == ["many.x12.999", "many.x12.271"] && held.outputs.map(\.name) == spooled.outputs.map(\.name))
        for output in held.outputs {
            let file = try Data(contentsOf: URL(fileURLWithPath: outbox + "/" + FileOutput.temporaryName(output.name)))
            #expect(Array(file) == output.bytes, "\(output.name)")
        }
        let ack = String(decoding: held.outputs[0].bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "")
        #expect(ack.contains("AK2*270*0003*005010X279A1~IK3*DMG*10*2100*8~CTX*TRN02:INQ2~IK4*1*1250*7*ZZ~"
                             + "IK3*EQ*11*2110*8~CTX*TRN02:INQ2~IK4*1*1365*7*Z30~IK5*R*5~AK2*270*0004*"))
        #expect(ack.contains("AK9*P*3000*3000*300~"))

        // The report: a line per rejected set and one per finding; the first 1,000 lines in the result.
        let lines = try String(contentsOfFile: reportPath, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines.count == spooled.problemCount && held.problemCount == spooled.problemCount)
        #expect(lines.filter { $0.hasSuffix("(270): rejected in the 999") }.count == 2_700)
        #expect(lines.filter { $0.hasPrefix("  error IK403-") }.count == 3_811)
        #expect(spooled.problems == Array(lines.prefix(1_000)) && held.problems == spooled.problems)
        #expect(lines[0] == "interchange 000000008 group 1 set 0001 (270): rejected in the 999")
        #expect(lines.contains("interchange 000000008 group 1 set 2999 (270): rejected in the 999"))
        #expect(lines.filter { $0.contains("ST 2997") } == [
            "  error IK403-7 at line 43366, byte 1000059, ISA 000000008 / GS 1 / ST 2997, segment DMG #12, loop 2100C, element DMG01: "
                + "DMG01 (Date Time Period Format Qualifier): this is not a valid code.",
            "  error IK403-7 at line 43367, byte 1000078, ISA 000000008 / GS 1 / ST 2997, segment EQ #13, loop 2110C, element EQ01: "
                + "EQ01 (Service Type Code): this is not a valid code.",
        ])
    }

    @Test func reportLinesSpillToDiskAndComeBackInOrder() throws {
        let lines = ReportLines(), more = ReportLines()
        for i in 0..<5_000 { try lines.append("line \(i) " + String(repeating: "é", count: i % 40)) }
        try more.append("last")
        try lines.append(contentsOf: more)
        try lines.append(contentsOf: ReportLines())
        #expect(lines.count == 5_001 && lines.first.count == ReportLines.kept && lines.first[999].hasPrefix("line 999 "))
        var text: [UInt8] = []
        try lines.text { text += $0 }
        let expected = (0..<5_000).map { "line \($0) " + String(repeating: "é", count: $0 % 40) + "\n" }.joined() + "last\n"
        #expect(String(decoding: text, as: UTF8.self) == expected)
    }
}
