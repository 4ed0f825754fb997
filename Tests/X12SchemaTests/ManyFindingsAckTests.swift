import Foundation
import Testing
import X12
@testable import X12Schema

/// A file of thousands of sets, nearly all in error: acknowledged from its path (findings spooled to disk set by set)
/// it gives the bytes of the in-memory way (the whole report held), with the exact counts and findings.
@Suite struct ManyFindingsAckTests {
    static let sets = 3_000

    /// Set `i`: every tenth is clean; the others have a bad EQ01 code, and every third a bad DTP date too.
    static func text() -> String {
        var out = "ISA*00*          *00*          *ZZ*CLINICSUBMIT01 *ZZ*PLANRECEIVER01 *261125*1200*^*00501*000000002*0*T*:~\n"
        out += "GS*HS*CLINICSUBMIT01*PLANRECEIVER01*20261125*1200*1*X*005010X279A1~\n"
        for i in 1...sets {
            let st = String(format: "%04d", i)
            var body = ["BHT*0022*13*INQ\(i)*20261125*1200", "HL*1**20*1", "NM1*PR*2*COAST ALLIANCE*****PI*CAH02",
                        "HL*2*1*21*1", "NM1*1P*2*FENRENDO CLINIC*****XX*1901631774", "HL*3*2*22*0",
                        "TRN*1*INQ\(i)*9491554569", "NM1*IL*1*LIMIVAR*ZOPENE****MI*W815497537", "DMG*D8*19601011*F"]
            body.append(i % 10 == 0 ? "EQ*30" : "EQ*Z\(i % 7)")
            if i % 3 == 0 && i % 10 != 0 { body.append("DTP*291*D8*2026133\(i % 10)") }
            out += "ST*270*\(st)*005010X279A1~\n" + body.map { $0 + "~\n" }.joined() + "SE*\(body.count + 2)*\(st)~\n"
        }
        return out + "GE*\(sets)*1~\nIEA*1*000000002~\n"
    }

    @Test func thePathWayMatchesTheInMemoryWay() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("many-findings-\(UUID().uuidString).x12").path
        try Data(Self.text().utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let options = AcknowledgmentOptions(library: SchemaTestSupport.library, date: "20261125", time: "1200")
        let held = X12Writer.inMemory(), streamed = X12Writer.inMemory()
        let a = try Acknowledger(options: options, controlNumbers: SequentialControlNumbers(start: 1))
            .acknowledge(X12Reader(path: path), validator: Validator(library: SchemaTestSupport.library), to: held)
        let b = try Acknowledger(options: options, controlNumbers: SequentialControlNumbers(start: 1))
            .acknowledge(path: path, validator: Validator(library: SchemaTestSupport.library), to: streamed)
        let text = String(decoding: streamed.bytes, as: UTF8.self)
        #expect(text == String(decoding: held.bytes, as: UTF8.self))

        // Exact counts: 300 clean sets accepted, 2,700 rejected.
        let ack = try #require(b.outcomes.first?.functionalAcknowledgments.first)
        #expect(b.outcomes.count == 1 && ack.code == "P" && ack.receivedCount == Self.sets && ack.acceptedCount == 300)
        #expect(a.outcomes.first?.functionalAcknowledgments.first?.acceptedCount == 300)
        let flat = text.replacingOccurrences(of: "\n", with: "")
        let segments = flat.split(separator: "~")
        #expect(segments.filter { $0.hasPrefix("AK2*") }.count == Self.sets)
        #expect(segments.filter { $0.hasPrefix("IK5*R") }.count == 2_700)
        #expect(segments.filter { $0.hasPrefix("IK5*A") }.count == 300)
        let report = try Validator(library: SchemaTestSupport.library).validate(path: path)
        let elementErrors = report.allFindings.filter { $0.code.family == .ik403 }.count
        #expect(elementErrors == segments.filter { $0.hasPrefix("IK4*") }.count)
        #expect(elementErrors >= 2_700 + 900)
        // Some exact findings: set 0001's EQ01 and set 0003's DTP03.
        #expect(flat.contains("AK2*270*0001*005010X279A1~IK3*EQ*11*2110*8~CTX*TRN02:INQ1~IK4*1*1365*7*Z1~IK5*R*5~AK2*270*0002*"))
        #expect(flat.contains("AK2*270*0003*005010X279A1~IK3*EQ*11*2110*8~CTX*TRN02:INQ3~IK4*1*1365*7*Z3~"
                              + "IK3*DTP*12*2110*8~CTX*TRN02:INQ3~IK4*3*1251*8*20261333~IK5*R*5~"))
        #expect(flat.contains("AK2*270*0010*005010X279A1~IK5*A~AK2*270*0011*"))
        #expect(flat.hasSuffix("AK2*270*3000*005010X279A1~IK5*A~AK9*P*3000*3000*300~SE*16804*0001~GE*1*1~IEA*1*000000001~"))
    }
}
