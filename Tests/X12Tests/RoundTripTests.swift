import Testing
@testable import X12

/// Reading then writing with `writeRaw(leading)` + `writeVerbatim` reproduces the input byte for byte.
@Suite struct RoundTripTests {
    /// The round trip of `bytes`, the pattern of TEAM-NOTES.
    static func roundTrip(_ bytes: [UInt8], chunks: Int? = nil) throws -> [UInt8] {
        let reader: X12Reader
        if let chunks {
            reader = X12Reader(chunks: stride(from: 0, to: bytes.count, by: chunks).map { Array(bytes[$0..<min($0 + chunks, bytes.count)]) })
        } else {
            reader = X12Reader(bytes: bytes)
        }
        let out = X12Writer.inMemory()
        while let event = try reader.next() {
            if reader.hasSegment {
                try out.writeRaw(reader.leading)
                try out.writeVerbatim(reader.segment, suffix: reader.suffix, terminated: reader.decoder.segmentTerminated)
            } else if case .endOfInput = event {
                try out.writeRaw(reader.leading)
            }
        }
        return out.bytes
    }

    @Test(arguments: Fixtures.syntaxFiles("valid"))
    func validFilesRoundTrip(file: String) throws {
        let bytes = Fixtures.bytes(file)
        #expect(try Self.roundTrip(bytes) == bytes)
        #expect(try Self.roundTrip(bytes, chunks: 3) == bytes)
    }

    /// Broken files, stray bytes and files of other areas come back unchanged too (nothing is dropped below
    /// the decoder's `maxSegmentLength`).
    @Test(arguments: Fixtures.allFiles().filter { !$0.hasPrefix("syntax/valid/") })
    func everyOtherFileRoundTrips(file: String) throws {
        let bytes = Fixtures.bytes(file)
        guard bytes.count < X12Decoder.Options().maxSegmentLength else { return }
        #expect(try Self.roundTrip(bytes) == bytes)
    }

    @Test func segmentViewsAreZeroCopyAndOneBased() throws {
        let reader = X12Reader(bytes: Fixtures.bytes("syntax/valid/pipe-gt-bang-quote.x12"))
        var seen = 0
        while let event = try reader.next() {
            guard case .segment = event else { continue }
            let s = reader.segment
            if s.hasID("EQ"), s.element(1).repetitions.first?.equals("30") == true {
                #expect(s.element(1).repetitions.map(\.string) == ["30", "1", "33"])
                seen += 1
            }
            if s.hasID("EQ"), s.element(1).isEmpty {
                #expect(s.element(2).components.map(\.string) == ["HC", "99213", "25"])
                #expect(s.element(2).component(2).string == "99213")
                #expect(s.copy() == Segment("EQ", ["", Element(components: ["HC", "99213", "25"])]))
                seen += 1
            }
            if s.hasID("NM1"), s.element(1).equals("IL") {
                #expect(s.element(0).string == "NM1")
                #expect(s.element(9).string == "TEST00001")
                #expect(s.elementCount == 9)
                #expect(reader.location.segmentPosition == 9)
                #expect(reader.location.line == 11)
                seen += 1
            }
        }
        #expect(seen == 3)
    }
}
