import Testing
import X12
@testable import X12Schema

/// What an ``EnvelopeCollector`` keeps does not grow with the file: findings outside any interchange beyond the
/// first 1,000 are counted, and with `keepsGroups` off an interchange keeps one group of each kind.
@Suite struct EnvelopeCollectorLimitTests {
    @Test func findingsOutsideAnyInterchangeAreCappedAndCounted() {
        let collector = EnvelopeCollector()
        let at = Location(byteOffset: 0, line: 1, segmentIndex: 1)
        for i in 0..<1_005 {
            collector.consume(.finding(Finding(code: FindingCode(.ta105, "022"), location: at, value: String(i), message: "bytes outside")),
                              segment: nil, location: at, suffix: .none)
        }
        collector.consume(.endOfInput, segment: nil, location: at, suffix: .none)
        #expect(collector.unattached.count == EnvelopeCollector.unattachedLimit)
        #expect(collector.unattached.last?.value == "999")
        #expect(collector.unattachedOmitted == 5)
    }

    @Test(arguments: [false, true])
    func anInterchangeKeepsOneGroupOfEachKind(keeps: Bool) throws {
        var text = "ISA*00*          *00*          *ZZ*CLINICSUBMIT01 *ZZ*PLANRECEIVER01 *261125*1200*^*00501*000000002*0*T*:~"
        for g in 1...50 { text += "GS*\(g == 30 ? "FA" : "HS")*A*B*20261125*1200*\(g)*X*005010X279A1~GE*0*\(g)~" }
        text += "IEA*50*000000002~"
        let collector = EnvelopeCollector()
        collector.keepsGroups = keeps
        var closed = 0
        collector.onGroupClosed = { _ in closed += 1 }
        let reader = X12Reader(bytes: Array(text.utf8), name: "t")
        while let event = try reader.next() { collector.consume(event, from: reader) }
        let ic = try #require(collector.takeCompleted().first)
        #expect(closed == 50)
        #expect(ic.groups.count == (keeps ? 50 : 2))
        #expect(ic.groups.map(\.header.controlNumber).prefix(keeps ? 0 : 2) == (keeps ? [] : ["1", "30"]))
        #expect(!ic.isAcknowledgmentOnly)
    }
}
