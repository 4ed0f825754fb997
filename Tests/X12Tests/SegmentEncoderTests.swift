import Testing
@testable import X12

/// ``SegmentEncoder`` writes exactly the bytes of ``Segment/bytes(delimiters:trimTrailing:)``, and segments it
/// writes inside a transaction set are counted for SE01.
@Suite struct SegmentEncoderTests {
    static let segments: [Segment] = [
        Segment("BHT", ["0022", "13", "REF1", "20261125", "1200"]),
        Segment("NM1", ["IL", "1", "DOE", "JANE", "", "", "", "MI", "123456789"]),
        Segment("NM1", ["IL", "1", "DOE", "", "", "", "", "", ""]),                          // trailing empties
        Segment("DMG", ["", "", ""]),                                                          // only empties
        Segment("SE", []),
        Segment("HI", [Element(components: ["ABK", "J449"]), Element(components: ["ABF", "E119", "D8", "20260101"])]),
        Segment("SV1", [Element(components: ["HC", "99213", "", "", "", "", "", ""]), "100", "UN", "1", "", "",
                        Element(components: ["1", "2"])]),                                     // trailing empty components
        Segment("SV1", [Element(components: ["HC", "99213", "", "25", "", ""])]),              // empty middle component
        Segment("UM", ["HS", "I", "", Element(components: ["", "", "", "NY", ""]), ""]),       // empty leading components
        Segment("UM", ["HS", Element(components: ["", ""]), "X"]),                             // an empty composite inside
        Segment("EB", ["1", "IND", Element(repetitions: [["1"], ["33"], ["35"]])]),            // repetitions
        Segment("EB", ["1", Element(repetitions: [[""], [""]]), "Y"]),                        // empty repetitions inside
        Segment("EB", ["1", Element(repetitions: [[""], [""]])]),                              // and at the end
        Segment("EQ", [Element(repetitions: [["30", ""], ["", "X", ""], [""]]), "", "FAM"]),
        Segment("MSG", ["ÉLAN café 😀 text"]),                                                 // multi-byte UTF-8
    ]

    static let delimiterSets: [Delimiters] = [
        .standard,
        Delimiters(element: UInt8(ascii: "|"), component: UInt8(ascii: ">"), repetition: nil, segment: 0x0A),
        Delimiters(element: UInt8(ascii: "!"), component: UInt8(ascii: "\\"), repetition: UInt8(ascii: "}"), segment: UInt8(ascii: "'")),
    ]

    @Test(arguments: delimiterSets)
    func encodedBytesEqualSegmentBytes(_ d: Delimiters) {
        for s in Self.segments {
            var e = SegmentEncoder(delimiters: d)
            e.write(s)
            #expect(e.bytes == s.bytes(delimiters: d), "\(s)")
        }
        var all = SegmentEncoder(delimiters: d, suffix: .crlf)
        for s in Self.segments { all.write(s) }
        #expect(all.bytes == Self.segments.flatMap { $0.bytes(delimiters: d) + [0x0D, 0x0A] })
        #expect(all.segmentCount == Self.segments.count)
    }

    @Test func elementCallsGiveTheSegmentsTheyStandFor() {
        var e = SegmentEncoder(delimiters: .standard)
        e.begin("HL"); e.element(12); e.element(nil); e.element("22"); e.element(0); e.end()
        e.begin("DTP"); e.element("472"); e.element("RD8")
        e.beginElement(); e.appendDate(year: 2026, month: 1, day: 5); e.append("-"); e.appendDate(year: 2026, month: 12, day: 31)
        e.endElement(); e.end()
        e.begin("INS"); e.element("Y"); e.element("18"); e.emptyElements(14); e.element(-3); e.end()
        e.begin("AMT"); e.element("R"); e.beginElement(); e.appendBytes { $0 += Array(".25".utf8) }; e.endElement(); e.end()
        e.begin("PER"); e.element("IC"); e.element(""); e.emptyElements(3); e.end()
        #expect(String(decoding: e.bytes, as: UTF8.self)
            == "HL*12**22*0~DTP*472*RD8*20260105-20261231~INS*Y*18***************-3~AMT*R*.25~PER*IC~")
    }

    @Test func encodedSegmentsAreCountedForSE01() throws {
        let w = X12Writer.inMemory(suffix: .lf)
        try w.beginInterchange(WriterTests.isa)
        try w.beginGroup(WriterTests.gs)
        try w.encodeSegments { e in e.begin("BHT"); e.element("0022"); e.end() }   // outside a set: not counted
        try w.beginTransaction(id: "270", controlNumber: "0001", implementationReference: "005010X279A1")
        try w.encodeSegments { e in
            e.begin("BHT"); e.element("0022"); e.element("13"); e.end()
            e.begin("HL"); e.element(1); e.emptyElement(); e.element("20"); e.element(1); e.end()
        }
        try w.write(Segment("NM1", ["PR", "2", "PAYER"]))
        try w.encodeSegments { e in e.begin("TRN"); e.element("1"); e.end() }
        #expect(w.segmentsInTransaction == 5)
        try w.endTransaction()
        try w.endGroup()
        try w.endInterchange()
        let text = String(decoding: w.bytes, as: UTF8.self)
        #expect(text.contains("\nST*270*0001*005010X279A1~\nBHT*0022*13~\nHL*1**20*1~\nNM1*PR*2*PAYER~\nTRN*1~\nSE*6*0001~\n"))
        #expect(w.bytesWritten == w.bytes.count)
    }
}
