import Testing
@testable import X12

/// The writer fills counts and control numbers, pads the ISA, trims trailing empties, re-serializes with
/// other delimiters and refuses data bytes that equal a delimiter.
@Suite struct WriterTests {
    static let isa = ISAFields(senderID: "SUBMITTER01", receiverID: "PAYER01", date: "260115", time: "1200",
                               controlNumber: 101, usage: "T")
    static let gs = GroupHeader(functionalID: "HS", senderCode: "SUBMITTER01", receiverCode: "PAYER01",
                                date: "20260115", time: "1200", controlNumber: "101", version: "005010X279A1")

    /// Writes the transaction set of `standard-lf.x12` from owned segments.
    static func buildStandard(_ w: X12Writer) throws {
        try w.beginInterchange(isa)
        try w.beginGroup(gs)
        try w.beginTransaction(id: "270", controlNumber: "0001", implementationReference: "005010X279A1")
        for s in try bodyOfStandard() { try w.write(s) }
        try w.endTransaction()
        try w.endGroup()
        try w.endInterchange()
    }

    /// The segments between ST and SE of `standard-lf.x12`, copied out of the reader.
    static func bodyOfStandard() throws -> [Segment] {
        let r = X12Reader(bytes: Fixtures.bytes("syntax/valid/standard-lf.x12"))
        var out: [Segment] = []
        while let e = try r.next() { if case .segment = e { out.append(r.segment.copy()) } }
        return out
    }

    @Test func envelopesAreBuiltWithTheirCountsAndControlNumbers() throws {
        let w = X12Writer.inMemory(suffix: .lf)
        try Self.buildStandard(w)
        // The same bytes as the hand-written fixture: ISA padded, SE01 = 14, GE01 = 1, IEA01 = 1, trailers' numbers.
        #expect(w.bytes == Fixtures.bytes("syntax/valid/standard-lf.x12"))
        #expect(w.bytesWritten == w.bytes.count)
        #expect(try EventLog.findings(w.bytes).isEmpty)
    }

    @Test func theISAIsPaddedToItsFixedWidth() throws {
        let w = X12Writer.inMemory()
        try w.beginInterchange(ISAFields(senderID: "S", receiverID: "R", date: "260115", time: "1200", controlNumber: 7))
        let isa = w.bytes
        #expect(isa.count == 106)
        #expect(String(decoding: isa, as: UTF8.self)
            == "ISA*00*          *00*          *ZZ*S              *ZZ*R              *260115*1200*^*00501*000000007*0*P*:~")
    }

    @Test func trailingEmptyElementsAndComponentsAreTrimmed() {
        let nm1 = Segment("NM1", ["PR", "2", "TEST PAYER", "", "", "", "", "PI", "PAYER01", "", ""])
        #expect(String(decoding: nm1.bytes(delimiters: .standard), as: UTF8.self) == "NM1*PR*2*TEST PAYER*****PI*PAYER01~")
        let eq = Segment("EQ", ["", Element(components: ["HC", "99213", "25", "", ""])])
        #expect(String(decoding: eq.bytes(delimiters: .standard), as: UTF8.self) == "EQ**HC:99213:25~")
        let rep = Segment("EQ", [Element(repetitions: [["30"], ["1"], ["33"]])])
        #expect(String(decoding: rep.bytes(delimiters: .standard), as: UTF8.self) == "EQ*30^1^33~")
        #expect(String(decoding: Segment("DTP", ["", "", ""]).bytes(delimiters: .standard), as: UTF8.self) == "DTP~")
    }

    @Test func readSegmentsAreReserializedWithOtherDelimiters() throws {
        // standard-lf.x12 written with | > ! ' is exactly pipe-gt-bang-quote.x12 (ISA11 and ISA16 rewritten).
        let target = try #require(Delimiters(spec: "|>!'"))
        let w = X12Writer.inMemory(delimiters: target, suffix: .lf)
        let r = X12Reader(bytes: Fixtures.bytes("syntax/valid/standard-lf.x12"))
        while try r.next() != nil { if r.hasSegment { try w.write(view: r.segment) } }
        #expect(w.bytes == Fixtures.bytes("syntax/valid/pipe-gt-bang-quote.x12"))
        // And back.
        let back = X12Writer.inMemory(delimiters: .standard, suffix: .lf)
        let r2 = X12Reader(bytes: w.bytes)
        while try r2.next() != nil { if r2.hasSegment { try back.write(view: r2.segment) } }
        #expect(back.bytes == Fixtures.bytes("syntax/valid/standard-lf.x12"))
    }

    @Test func aNewlineTerminatorIsWrittenFromTheSpec() throws {
        let target = try #require(Delimiters(spec: "*:^\\n"))
        let w = X12Writer.inMemory(delimiters: target)
        let r = X12Reader(bytes: Fixtures.bytes("syntax/valid/standard-crlf.x12"))
        while try r.next() != nil { if r.hasSegment { try w.write(view: r.segment) } }
        #expect(w.bytes == Fixtures.bytes("syntax/valid/newline-terminator.x12"))
    }

    @Test func aDelimiterInsideDataIsRefused() throws {
        let w = X12Writer.inMemory(delimiters: try #require(Delimiters(spec: "|>!~")))
        let r = X12Reader(bytes: Array("ISA*00*          *00*          *ZZ*S              *ZZ*R              *260115*1200*^*00501*000000007*0*P*:~NM1*IL*1*SMITH|JONES~".utf8))
        var refused: X12WriterError?
        while try r.next() != nil {
            if r.hasSegment { do { try w.write(view: r.segment) } catch { refused = error } }
        }
        guard case .delimiterInData(let id, let element, let byte) = refused else {
            Issue.record("not refused")
            return
        }
        #expect(id == "NM1" && element == 3 && byte == UInt8(ascii: "|"))
        // Nothing of the refused segment was written.
        #expect(!w.bytes.contains(UInt8(ascii: "N")))
    }

    @Test func bytesWrittenCountsWhatTheSinkReceives() throws {
        var received = 0
        let w = X12Writer(suffix: .crlf) { (bytes) throws(X12IOError) in received += bytes.count }
        try w.beginInterchange(Self.isa)
        try w.beginGroup(Self.gs)
        let body = try Self.bodyOfStandard()
        for n in 1...3000 {
            try w.beginTransaction(id: "270", controlNumber: String(n), implementationReference: "005010X279A1")
            for s in body { try w.write(s) }
            try w.endTransaction()
        }
        try w.endGroup()
        try w.endInterchange()
        try w.flush()
        #expect(received > 64 << 10)
        #expect(w.bytesWritten == received)
    }
}
