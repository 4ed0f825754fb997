import Testing
@testable import X12

/// GS06 values of an interchange are kept as a run (`1`, `2`, … `100000`), not one string each; a repeat is still
/// AK905 19, and a value written another way (`07` next to `7`) is not a repeat.
@Suite struct GroupControlNumberRunTests {
    static func file(_ gs06s: [String]) -> [UInt8] {
        var out = "ISA*00*          *00*          *ZZ*CLINICSUBMIT01 *ZZ*PLANRECEIVER01 *261125*1200*^*00501*000000002*0*T*:~"
        for g in gs06s { out += "GS*HS*A*B*20261125*1200*\(g)*X*005010X279A1~GE*0*\(g)~" }
        return Array((out + "IEA*\(gs06s.count)*000000002~").utf8)
    }

    static func repeated(_ gs06s: [String]) throws -> [String] {
        let reader = X12Reader(bytes: file(gs06s), name: "t")
        var out: [String] = []
        while let event = try reader.next() {
            if case .finding(let f) = event, f.code == FindingCode(.ak905, "19") { out.append(f.value ?? "") }
        }
        return out
    }

    @Test func aRepeatIsFoundInsideAndOutsideTheRun() throws {
        let run = (1...12_000).map(String.init)
        #expect(try Self.repeated(run).isEmpty)
        #expect(try Self.repeated(run + ["7", "11999", "12001", "12001"]) == ["7", "11999", "12001"])
        #expect(try Self.repeated(["1", "2", "X1", "3", "X1", "2"]) == ["X1", "2"])
        #expect(try Self.repeated(["7", "07", "8", "007", "07"]) == ["07"])
    }

    @Test func theRunStoresNoString() {
        var numbers = X12Decoder.UniqueControlNumbers()
        var inserted = 0
        for i in 1...100_000 where numbers.insert(String(i)) { inserted += 1 }
        #expect(inserted == 100_000 && numbers.storedCount == 0)
    }
}
