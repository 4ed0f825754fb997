import Foundation
import Testing
@testable import X12

/// Decoder behaviour that the fixture files do not show on their own: limits, lines, the lazy location.
@Suite struct DecoderTests {
    static let valid = Fixtures.bytes("syntax/valid/standard-lf.x12")

    @Test func anOverLongSegmentIsSkippedTheSameWayWhateverTheChunks() {
        let text = String(decoding: Self.valid, as: UTF8.self)
            .replacingFirst("DMG*D8*19800101~", with: "DMG*D8*" + String(repeating: "9", count: 300) + "~")
        let bytes = Array(text.utf8)
        let options = X12Decoder.Options(maxSegmentLength: 128, initialCapacity: 64)
        let whole = EventLog.events(bytes, chunks: [bytes.count], options: options)
        for size in [1, 5, 64, 200] {
            let events = EventLog.events(bytes, chunks: [size], options: options)
            #expect(events == whole, "chunks of \(size): \(firstDifference(events, whole))")
        }
        let codes = whole.compactMap { $0.finding.map { "\($0.code) \($0.location.line) \($0.location.segmentIndex)" } }
        // The DMG is skipped (TA105-024); then SE01 counts one segment fewer than it says.
        #expect(codes == ["TA105-024 12 12", "IK502-4 16 16"])
    }

    @Test func lineFeedsInsideASegmentStillCountAsLines() throws {
        let text = String(decoding: Self.valid, as: UTF8.self).replacingFirst("TESTLAST", with: "TEST\nLAST")
        let reader = X12Reader(bytes: Array(text.utf8))
        var lines: [String: Int] = [:]
        while let e = try reader.next() {
            if reader.hasSegment { lines[reader.segment.id + "\(reader.location.segmentIndex)"] = reader.location.line }
            if case .finding(let f) = e { Issue.record("unexpected \(f)") }
        }
        #expect(lines["NM111"] == 11)
        #expect(lines["DMG12"] == 13)
        #expect(lines["IEA18"] == 19)
    }

    @Test func theLocationOfAPlainSegmentCarriesItsEnvelope() throws {
        let reader = X12Reader(bytes: Self.valid)
        while let e = try reader.next() {
            guard case .segment = e, reader.segment.hasID("TRN") else { continue }
            let l = reader.location
            #expect(l == Location(byteOffset: 342, line: 10, segmentIndex: 10, interchangeControlNumber: "000000101",
                                  groupControlNumber: "101", transactionControlNumber: "0001", transactionSetID: "270",
                                  segmentPosition: 8))
        }
    }

    @Test func blankAndStrayRunsDoNotGrowTheBuffer() {
        let options = X12Decoder.Options(maxSegmentLength: 1024, initialCapacity: 4096)
        for filler in [UInt8(ascii: " "), UInt8(ascii: "x"), UInt8(ascii: "\n")] {
            let d = X12Decoder(options: options)
            let chunk = [UInt8](repeating: filler, count: 1000)
            for _ in 0..<500 {
                d.feed(chunk)
                while d.next() != nil {}
            }
            #expect(d.capacity <= 8192, "filler \(filler): buffer grew to \(d.capacity)")
        }
    }

    @Test func anUnterminatedLastSegmentIsKeptAndReported() throws {
        var bytes = Self.valid
        bytes.removeLast(2)  // "~\n" after the IEA
        let findings = try EventLog.findings(bytes)
        #expect(findings.map { "\($0.code)" } == ["TA105-023"])
        #expect(try RoundTripTests.roundTrip(bytes) == bytes)
    }

    @Test func findingsCarryValuesAndSentences() throws {
        let f = try #require(try EventLog.findings(Fixtures.bytes("syntax/broken/se02-mismatch.x12")).first)
        #expect(f.value == "0002")
        #expect(f.level == .transaction)
        #expect(f.location.segmentID == "SE" && f.location.elementPosition == 2 && f.location.segmentPosition == 14)
        #expect(f.message.contains("does not match ST02 0001"))
    }

    @Test func delimitersComeFromTheISAByPosition() throws {
        for (file, d) in [("pipe-gt-bang-quote", "| > ! '"), ("component-caret", "* ^ { ~"), ("component-gt", "* > ^ ~"),
                          ("newline-terminator", "* : ^ \\n"), ("standard-crlf", "* : ^ ~")] {
            let reader = X12Reader(bytes: Fixtures.bytes("syntax/valid/\(file).x12"))
            _ = try reader.next()
            #expect(reader.delimiters?.description == d, "\(file)")
        }
        let old = X12Reader(bytes: Fixtures.bytes("syntax/broken/isa12-version-00401.x12"))
        _ = try old.next()
        #expect(old.delimiters?.repetition == nil)
    }
}

extension String {
    func replacingFirst(_ a: String, with b: String) -> String {
        guard let r = range(of: a) else { return self }
        return replacingCharacters(in: r, with: b)
    }
}

/// ST02 uniqueness is tracked as a run while the numbers count up, then as a set.
@Suite struct UniqueControlNumbersTests {
    @Test func runsAndSetsTellDuplicates() {
        var u = X12Decoder.UniqueControlNumbers()
        let first = ["0001", "0002", "0003", "0002", "2", "0010", "ABC", "0001", "ABC", "2"].map { u.insert($0) }
        #expect(first == [true, true, true, false, true, true, true, false, false, false])
        u.reset()
        let second = ["0001", "1", "0001"].map { u.insert($0) }
        #expect(second == [true, true, false])
    }

    /// Runs that outgrow their width (`9999` → `10000`, `9` → `10`) stay runs; strays do not end them.
    @Test(arguments: [
        (["9998", "9999", "10000", "10001", "10000", "09999", "9999"], [true, true, true, true, false, true, false]),
        (["8", "9", "10", "11", "010", "10", "9"], [true, true, true, true, true, false, false]),
        (["0001", "0005", "0002", "0003", "0004", "0005", "0006"], [true, true, true, true, true, false, true]),
        (["0001", "X1", "0002", "X1", "0001"], [true, true, true, false, false]),
    ])
    func runsGrowPastTheirWidth(values: [String], expected: [Bool]) {
        var u = X12Decoder.UniqueControlNumbers()
        #expect(values.map { u.insert($0) } == expected)
    }

    /// 200,000 sets numbered `0001` … `200000` keep no strings (the old check kept every one after `9999`).
    @Test func longRunsStoreNothing() {
        var u = X12Decoder.UniqueControlNumbers()
        var refused: [Int] = []
        for n in 1...200_000 {
            let d = String(n)
            if !u.insert(String(repeating: "0", count: max(0, 4 - d.count)) + d) { refused.append(n) }
        }
        #expect(refused.isEmpty)
        #expect(u.storedCount == 0)
        let again = [u.insert("150000"), u.insert("0001"), u.insert("200001")]
        #expect(again == [false, false, true])
    }
}
