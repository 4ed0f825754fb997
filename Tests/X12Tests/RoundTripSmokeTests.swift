import Testing
@testable import X12

@Suite struct RoundTripSmokeTests {
    @Test func readsAndRewritesAMinimalInterchange() throws {
        let text = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261125*1200*^*00501*000000001*0*T*:~\nGS*HS*S*R*20261125*1200*1*X*005010X279A1~\nST*270*0001*005010X279A1~\nBHT*0022*13*X*20261125*1200~\nSE*3*0001~\nGE*1*1~\nIEA*1*000000001~\n"
        let reader = X12Reader(bytes: Array(text.utf8))
        let out = X12Writer.inMemory()
        var findings: [Finding] = []
        while let e = try reader.next() {
            if case .finding(let f) = e { findings.append(f) }
            if reader.hasSegment || { if case .endOfInput = e { return true }; return false }() {
                try out.writeRaw(reader.leading)
            }
            if reader.hasSegment { try out.writeVerbatim(reader.segment, suffix: reader.suffix) }
        }
        #expect(findings.isEmpty)
        #expect(String(decoding: out.bytes, as: UTF8.self) == text)
    }
}
