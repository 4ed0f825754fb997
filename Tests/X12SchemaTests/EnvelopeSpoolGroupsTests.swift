import Foundation
import Testing
import X12
@testable import X12Schema

/// An ``EnvelopeSpool`` keeps its groups in a few bytes each (runs of equal headers, lengths and set counts as
/// varints): thousands of groups, with headers that change, come out with their own GS, sets and GE.
@Suite struct EnvelopeSpoolGroupsTests {
    @Test(arguments: [false, true])
    func manyGroupsComeOutInOrder(toFile: Bool) throws {
        let path = toFile ? FileManager.default.temporaryDirectory.appendingPathComponent("groups-\(UUID().uuidString)").path : nil
        let spool = try EnvelopeSpool(path: path)
        var expected = ""
        for g in 0..<3_000 {
            let receiver = g % 1_000 < 500 ? "THEM" : "OTHER"   // a few runs of equal headers
            spool.beginGroup(GroupHeader(functionalID: "FA", senderCode: "US", receiverCode: receiver, date: "20261125",
                                         time: "1200", controlNumber: "", version: "005010X231A1"))
            expected += "GS*FA*US*\(receiver)*20261125*1200*\(g + 1)*X*005010X231A1~"
            for s in 0..<(g % 3) {
                try spool.beginTransaction(id: "999", controlNumber: String(format: "%04d", s + 1), implementationReference: "005010X231A1")
                try spool.writer.write(Segment("AK1", ["HS", .init(String(g))]))
                try spool.writer.endTransaction()
                expected += "ST*999*\(String(format: "%04d", s + 1))*005010X231A1~AK1*HS*\(g)~SE*3*\(String(format: "%04d", s + 1))~"
            }
            expected += "GE*\(g % 3)*\(g + 1)~"
        }
        #expect(spool.transactionCount == 3_000)
        let out = X12Writer.inMemory()
        try spool.envelope(into: out, interchange: { ISAFields(senderID: "US", receiverID: "THEM", date: "261125", time: "1200",
                                                               controlNumber: $0) },
                           controlNumbers: SequentialControlNumbers(start: 1))
        try out.flush()
        let text = String(decoding: out.bytes, as: UTF8.self)
        let body = text.drop { $0 != "~" }.dropFirst()
        #expect(body == expected + "IEA*3000*000000001~")
        #expect(spool.isEmpty)
    }
}
