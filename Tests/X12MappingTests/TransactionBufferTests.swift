import AuthModel
import Foundation
import Testing
import X12
@testable import X12Mapping

/// `TransactionBuffer` and its `RawSegment` / `RawElement` views read what `Segment` / `Element` read, and the
/// fast path of `X12ModelReader` gives the models of the `[Segment]` entry point.
@Suite struct TransactionBufferTests {
    static let standard = Delimiters(element: 0x2A, component: 0x3A, repetition: 0x5E, segment: 0x7E)
    static let noRepetition = Delimiters(element: 0x2A, component: 0x3A, repetition: nil, segment: 0x7E)

    /// Segments (without terminator) with composites, repetitions, empty and trailing empty elements.
    static let segments: [String] = [
        "NM1*IL*1*DOE*JANE****MI*123456789",
        "REF*SY*123**",
        "EB*1*IND*30^1^33*HM*PLAN A***0*****HC:99213:25::59:::X:Y*1:2:3",
        "HI*ABK:J45.909*ABF:E11.9:D8:20240101**",
        "SV1*HC:99213:25:59*125.50*UN*1***1:2:3:4****Y",
        "TOO*JP*12*M:O:D::",
        "III*ZZ*11",
        "MSG*:^:",
        "HCR*A3*AUTH1*0U^62*N",
        "LS*2120",
        "DTP*291*RD8*20240101-20241231",
        "EQ*30^1^^47**IND",
        "X",
        "ABCD*1",
        "N3*",
    ]

    static func view(_ text: String, _ d: Delimiters, _ body: (SegmentView) -> Void) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { body(SegmentView(bytes: $0, delimiters: d)) }
    }

    /// Every question the mapping asks of an element, answered by the view and by the owned element.
    static func expectSame(_ raw: RawSegment, _ owned: Segment, _ text: String) {
        #expect(raw.id == SegmentID(owned.id), "\(text)")
        #expect(raw.name == owned.id, "\(text)")
        for p in 0...(owned.elements.count + 2) {
            let r = raw[p], e = owned[p]
            #expect(r.value == e.value, "\(text) [\(p)]")
            #expect(r.isEmpty == e.isEmpty, "\(text) [\(p)]")
            #expect(raw.opt(p) == owned.opt(p), "\(text) [\(p)]")
            #expect(raw.repeated(p) == owned.repeated(p), "\(text) [\(p)]")
            #expect(r.components == e.repetitions[0].map { $0 } || (e.repetitions[0].isEmpty && r.components == [""]), "\(text) [\(p)]")
            for c in 0...9 { #expect(r.component(c) == e.component(c), "\(text) [\(p)-\(c)]") }
        }
    }

    @Test(arguments: segments)
    func viewReadsWhatSegmentReads(_ text: String) throws {
        for d in [Self.standard, Self.noRepetition] {
            Self.view(text, d) { v in
                let owned = v.copy()
                let fromView = TransactionBuffer()
                fromView.reset(delimiters: d)
                fromView.append(v)
                fromView.append(v)   // a second copy after the first: offsets into one buffer
                let fromOwned = TransactionBuffer()
                fromOwned.fill([owned, owned])
                for b in [fromView, fromOwned] {
                    try? b.withCursor { c throws(MappingError) in
                        #expect(c.peekID == SegmentID(owned.id))
                        Self.expectSame(c.next()!, owned, text)
                        Self.expectSame(c.next()!, owned, text)
                        #expect(c.atEnd)
                    }
                }
            }
        }
    }

    /// Owned values holding the control characters the buffer would use as separators are read back whole.
    @Test func ownedValuesWithControlCharacters() throws {
        let owned = Segment("MSG", [Element("A\u{1D}B\u{1F}C\u{1E}D"), Element(repetitions: [["1", "2"], ["3"]])])
        let b = TransactionBuffer()
        b.fill([owned])
        try b.withCursor { c throws(MappingError) in Self.expectSame(c.next()!, owned, "control characters") }
    }

    /// A trailing SE is left out of the cursor; one in the middle is not.
    @Test func trailingSEIsLeftOut() throws {
        let b = TransactionBuffer()
        b.fill([Segment("BHT", ["0022"]), Segment("SE", ["2", "0001"])])
        let ids = try b.withCursor { c throws(MappingError) in
            var out: [String] = []
            while let s = c.next() { out.append(s.name) }
            return out
        }
        #expect(ids == ["BHT"])
    }

    static var mappingFiles: [String] {
        MappingFastPathTests.x12Files.filter { path in
            guard let bytes = try? Data(contentsOf: URL(fileURLWithPath: path)) else { return false }
            let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
            return ["ST*270", "ST*271", "ST*278"].contains { text.contains($0) } || text.contains("ST|27")
                || text.contains("X279") || text.contains("X217")
        }
    }

    /// Models from the fast path (`X12ModelReader`, the buffer filled from the reader) and from
    /// `TransactionMapper.model(transactionSetID:segments:)` (owned segments) are equal, errors too.
    @Test func fastPathEqualsSegmentEntryPoint() throws {
        var transactions = 0
        for path in Self.mappingFiles {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            // The [Segment] way.
            var owned: [Result<ModelTransaction, MappingError>] = []
            let reader = X12Reader(bytes: bytes)
            var current: [Segment]?
            var id = ""
            while let event = try? reader.next() {
                switch event {
                case .transactionStart(let st): current = []; id = st.id
                case .segment: current?.append(reader.segment.copy())
                case .transactionEnd:
                    guard let segs = current else { continue }
                    do { owned.append(.success(try TransactionMapper.model(transactionSetID: id, segments: segs))) } catch {
                        owned.append(.failure(error))
                    }
                    current = nil
                case .endOfInput: break
                default: continue
                }
                if case .endOfInput = event { break }
            }
            // The fast way.
            var fast: [Result<ModelTransaction, MappingError>] = []
            let modelReader = X12ModelReader(bytes: bytes)
            while let t = try modelReader.next() { fast.append(t.result) }
            #expect(fast == owned, "\(path)")
            transactions += fast.count
        }
        #expect(transactions > 20)
    }

    /// The reader's chunks do not matter: a transaction split across many small chunks, and a segment longer
    /// than any chunk, map as when read in one piece.
    @Test(arguments: [1, 7, 64, 1000])
    func chunksDoNotMatter(_ chunk: Int) throws {
        var response = try #require(try MappingTestSupport.models("mapping/271-benefits-pcp-rejections.x12").first)
        guard case .eligibilityResponse(var list) = response else { Issue.record("not a 271"); return }
        let long = String(repeating: "LONG MESSAGE TEXT ", count: 300)   // 5,400 bytes: longer than any chunk here
        list[0].benefitsInformation[0].messages.append(long)
        response = .eligibilityResponse(list)
        let writer = X12Writer.inMemory()
        let builder = ModelX12Builder(writer: writer, envelope: EnvelopeOptions(senderID: "S", receiverID: "R",
                                                                                 date: CalendarDate(year: 2026, month: 1, day: 2), time: "1200"))
        try builder.add(response)
        try builder.add(response)
        try builder.finish()
        let bytes = writer.bytes
        let chunks = stride(from: 0, to: bytes.count, by: chunk).map { Array(bytes[$0..<min($0 + chunk, bytes.count)]) }
        let reader = X12ModelReader(reader: X12Reader(chunks: chunks))
        var models: [ModelTransaction] = []
        while let t = try reader.next() { models.append(try t.result.get()) }
        #expect(models == [response, response])
    }
}
