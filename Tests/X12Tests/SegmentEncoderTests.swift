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

/// The pointer-based ``SegmentEncoder``: short strings read in place, packed codes, growth, copies, numbers and dates.
@Suite struct SegmentEncoderBufferTests {
    @Test func smallStringsAreReadInPlaceOnThisPlatform() {
        #expect(SmallStringBytes.layoutHolds)
        for s in ["", "D8", "ABCDEFGHIJKLMNO", "é", String(42), String("XABC".dropFirst())] {
            #expect(SmallStringBytes.bytes(s) == Array(s.utf8), "\(s)")
        }
        #expect(SmallStringBytes.bytes(String(repeating: "Z", count: 40)) == nil)
    }

    @Test(arguments: SegmentEncoderTests.delimiterSets)
    func stringsOfEveryLengthAndBufferGrowth(_ d: Delimiters) {
        var e = SegmentEncoder(delimiters: d, suffix: .crlf)
        var expected: [UInt8] = []
        for n in 0...300 {
            let text = String(decoding: (0..<n).map { UInt8(0x41 + $0 % 26) }, as: UTF8.self) + (n % 7 == 0 ? "é" : "")
            let s = Segment("MSG", [Element(text), "X", Element(String(n))])
            e.write(s)
            expected += s.bytes(delimiters: d) + [0x0D, 0x0A]
        }
        #expect(e.bytes == expected)
        #expect(e.segmentCount == 301)
    }

    @Test func packedCodesWriteLikeStrings() {
        var a = SegmentEncoder(delimiters: .standard)
        var b = SegmentEncoder(delimiters: .standard)
        for code in ["", "D", "D8", "RD8", "ABCDEFGH"] {
            a.begin("DTP"); a.element(PackedCode(code)!); a.beginElement(); a.append(PackedCode(code)!); a.nextComponent()
            a.append(PackedCode(code)!); a.endElement(); a.emptyElement(); a.end()
            b.begin("DTP"); b.element(code); b.beginElement(); b.append(code); b.nextComponent()
            b.append(code); b.endElement(); b.emptyElement(); b.end()
        }
        #expect(a.bytes == b.bytes)
        #expect(PackedCode(String("ABCDEFGHI")) == nil)   // PackedCode("…") would be a literal
        #expect(("472" as PackedCode).string == "472")
    }

    @Test func copiesAreIndependent() {
        var a = SegmentEncoder(delimiters: .standard)
        a.begin("ST"); a.element("270"); a.end()
        var b = a
        a.begin("BHT"); a.element("0022"); a.end()
        b.begin("TRN"); b.element("1"); b.end()
        #expect(String(decoding: a.bytes, as: UTF8.self) == "ST*270~BHT*0022~")
        #expect(String(decoding: b.bytes, as: UTF8.self) == "ST*270~TRN*1~")
        let c = SegmentEncoder(bytes: Array("ISA~".utf8), delimiters: .standard)
        #expect(c.bytes == Array("ISA~".utf8))
    }

    @Test func numbersDatesAndEmptyElements() {
        var e = SegmentEncoder(delimiters: .standard)
        e.begin("X"); e.element(Int.max); e.element(Int.min); e.element(-7); e.element(10); e.element(99_999); e.end()
        e.begin("D"); e.beginElement(); e.appendDate(year: 5, month: 1, day: 2); e.nextComponent()
        e.appendDate(year: 12345, month: 123, day: -1); e.nextComponent(); e.appendDate(year: 2026, month: 11, day: 25)
        e.endElement(); e.end()
        e.begin("E"); e.emptyElements(0); e.emptyElements(8); e.emptyElements(9); e.element("Y"); e.emptyElements(20); e.end()
        e.begin("R"); e.beginElement(); e.appendRaw(maxCount: 4) { p in p[0] = 0x2E; p[1] = 0x35; return 2 }; e.endElement()
        e.beginElement(); e.appendRaw(maxCount: 4) { _ in 0 }; e.endElement(); e.end()
        let text = String(decoding: e.bytes, as: UTF8.self)
        #expect(text == "X*\(Int.max)*\(Int.min)*-7*10*99999~D*00050102:12345123-1:20261125~"
            + "E" + String(repeating: "*", count: 18) + "Y~R*.5~")
    }

    @Test func stringsReadInPlaceWriteLikeStrings() {
        let values = ["", "A", "ABCDEFGHIJKLMNO", "ABCDEFGHIJKLMNOP", "É café", String(repeating: "long ", count: 30)]
        var a = SegmentEncoder(delimiters: .standard)
        var b = SegmentEncoder(delimiters: .standard)
        values.withUnsafeBufferPointer { p in
            for k in values.indices {
                a.begin("MSG"); a.element(at: p.baseAddress! + k); a.beginElement(); a.append(at: p.baseAddress! + k)
                a.endElement(); a.elementParts(values, repeated: k % 2 == 0); a.end()
                b.begin("MSG"); b.element(values[k]); b.beginElement(); b.append(values[k]); b.endElement()
                b.beginElement()
                for (i, v) in values.enumerated() {
                    if i > 0 { if k % 2 == 0 { b.nextRepetition() } else { b.nextComponent() } }
                    b.append(v)
                }
                b.endElement()
                b.end()
            }
        }
        #expect(a.bytes == b.bytes)
    }

    @Test func oneEncoderPerTransactionWritesWhatThreeCallsWrite() throws {
        func body(_ e: inout SegmentEncoder) {
            e.begin("BHT"); e.element("0007"); e.element("13"); e.end()
            e.begin("HL"); e.element(1); e.emptyElement(); e.element("20"); e.element(1); e.end()
        }
        let a = X12Writer.inMemory(suffix: .crlf)
        let b = X12Writer.inMemory(suffix: .crlf)
        for w in [a, b] {
            try w.beginInterchange(WriterTests.isa)
            try w.beginGroup(WriterTests.gs)
        }
        for n in 1...3 {
            let control = "000\(n)"
            try a.beginTransaction(id: "278", controlNumber: control, implementationReference: n == 2 ? nil : "005010X217")
            try a.encodeSegments { body(&$0) }
            #expect(a.segmentsInTransaction == 3)
            try a.endTransaction()
            try b.encodeTransaction(id: "278", controlNumber: control, implementationReference: n == 2 ? nil : "005010X217") {
                body(&$0)
            }
            #expect(b.segmentsInTransaction == a.segmentsInTransaction)
        }
        for w in [a, b] {
            try w.endGroup()
            try w.endInterchange()
        }
        #expect(a.bytes == b.bytes)
        #expect(a.bytesWritten == b.bytesWritten)
        #expect(String(decoding: b.bytes, as: UTF8.self).contains("GE*3*"))
    }
}
