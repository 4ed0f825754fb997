import AuthModel
import Foundation
import Testing
import X12
@testable import X12Mapping

/// The word-at-a-time ingest path: short ASCII strings made in place are bit for bit the strings
/// `String(decoding:as:)` makes, an element's value ends where `Element` says, the one-pass copy and separator
/// scan of `TransactionBuffer.append` splits segments as `Segment` does (a zero separator too), and dates read
/// from one word give the same dates and errors as the byte loop they replace.
@Suite struct IngestFastPathTests {
    static func bits(_ s: String) -> (UInt64, UInt64) { unsafeBitCast(s, to: (UInt64, UInt64).self) }

    @Test func smallASCIIStringsAreThoseOfStringDecoding() {
        #if _endian(little) && _pointerBitWidth(_64)
        #expect(SmallASCIIString.layoutHolds)
        #endif
        let cache = ShortStrings.allocate()
        defer { cache.deallocate() }
        var rng = SeededGenerator(seed: 41)
        for n in 0...20 {
            for round in 0..<300 {
                // Mostly ASCII (every byte 0x00–0x7F), some with one byte of 0x80–0xFF somewhere.
                var v = (0..<n).map { _ in UInt8.random(in: 0...0x7F, using: &rng) }
                if round % 5 == 4, n > 0 { v[Int.random(in: 0..<n, using: &rng)] = UInt8.random(in: 0x80...0xFF, using: &rng) }
                ShortStringsTests.withPadded(v) { b in
                    let expected = String(decoding: b, as: UTF8.self)
                    let made = cache.string(b)
                    #expect(made == expected, "\(v)")
                    #expect(Array(made.utf8) == Array(expected.utf8), "\(v)")
                    if n <= 15 && v.allSatisfy({ $0 < 0x80 }) {
                        #expect(Self.bits(made) == Self.bits(expected), "\(v)")
                    }
                }
            }
        }
    }

    /// Elements of 0–40 bytes with a component or repetition separator at every offset (and none), with and
    /// without a repetition separator in the interchange, read by the views as by `Segment`.
    @Test func valuesEndAtTheFirstSeparator() throws {
        var texts: [String] = []
        for n in 0...40 {
            let base = Array(repeating: Character("v"), count: n)
            texts.append("ZZ*" + String(base) + "*TAIL")
            texts.append("ZZ*" + String(base))
            for at in 0..<n {
                for sep in [Character(":"), Character("^")] {
                    var chars = base
                    chars[at] = sep
                    texts.append("ZZ*" + String(chars) + "*TAIL")
                    texts.append("ZZ*" + String(chars))
                }
            }
        }
        for d in [TransactionBufferTests.standard, TransactionBufferTests.noRepetition] { try Self.expectSplitAsSegment(texts, d) }
    }

    /// Appends every text to one buffer as a segment read with `d`, then checks each view against `Segment`.
    static func expectSplitAsSegment(_ texts: [String], _ d: Delimiters) throws {
        let b = TransactionBuffer()
        b.reset(delimiters: d)
        for t in texts { TransactionBufferTests.view(t, d) { b.append($0) } }
        try b.withCursor { c throws(MappingError) in
            for t in texts {
                var owned: Segment?
                TransactionBufferTests.view(t, d) { owned = $0.copy() }
                TransactionBufferTests.expectSame(c.next()!, owned!, t)
            }
            #expect(c.atEnd)
        }
    }

    /// A zero byte as the element separator: the bytes past a segment's end (zero in the word read) are not
    /// taken for separators.
    @Test func zeroElementSeparator() throws {
        let d = Delimiters(element: 0x00, component: 0x3A, repetition: 0x5E, segment: 0x7E)
        var segments: [[UInt8]] = []
        for n in 1...30 {
            let plain = [UInt8](repeating: UInt8(ascii: "Q"), count: n)
            segments.append(plain)
            for at in 0..<n {
                var s = plain
                s[at] = 0
                segments.append(s)
            }
        }
        let b = TransactionBuffer()
        b.reset(delimiters: d)
        for s in segments { s.withUnsafeBytes { b.append(SegmentView(bytes: $0, delimiters: d)) } }
        try b.withCursor { c throws(MappingError) in
            for s in segments {
                let owned = s.withUnsafeBytes { SegmentView(bytes: $0, delimiters: d).copy() }
                let raw = c.next()!
                #expect(raw.count == owned.elements.count, "\(s)")
                TransactionBufferTests.expectSame(raw, owned, "\(s)")
            }
        }
    }

    /// The byte loop `X12Values.date(bytes:)` had before reading one word.
    static func referenceDate(_ b: [UInt8]) -> CalendarDate? {
        guard b.count == 8 else { return nil }
        var year = 0, month = 0, day = 0
        for (i, c) in b.enumerated() {
            guard c >= 0x30, c <= 0x39 else { return nil }
            let d = Int(c - 0x30)
            if i < 4 { year = year * 10 + d } else if i < 6 { month = month * 10 + d } else { day = day * 10 + d }
        }
        return CalendarDate(validYear: year, month: month, day: day)
    }

    @Test func datesFromOneWord() {
        var inputs: [[UInt8]] = []
        for year in [1900, 1999, 2000, 2024, 2026, 2100, 9999, 0] {
            for month in 0...13 {
                for day in [0, 1, 9, 10, 19, 28, 29, 30, 31, 32, 99] {
                    inputs.append(Array(String(format: "%04d%02d%02d", year, month, day).utf8))
                }
            }
        }
        // Every position replaced by bytes around the digits, and other lengths.
        let good = Array("20261125".utf8)
        for at in 0..<8 {
            for c: UInt8 in [0x00, 0x20, 0x2D, 0x2F, 0x3A, 0x3F, 0x40, 0x70, 0xB0, 0xB9, 0xF9, 0xFF] {
                var v = good
                v[at] = c
                inputs.append(v)
            }
        }
        inputs += [[], Array("2026112".utf8), Array("202611250".utf8), Array("2026-11-25".utf8)]
        for v in inputs {
            let got: CalendarDate?
            var thrown: MappingError?
            do {
                got = try v.withUnsafeBytes { b in try X12Values.date(bytes: b, "DTP", 3) }
            } catch {
                got = nil
                thrown = error as? MappingError
            }
            #expect(got == Self.referenceDate(v), "\(v)")
            if got == nil {
                #expect(thrown == .badValue(segment: "DTP", position: 3, value: String(decoding: v, as: UTF8.self), expected: "a CCYYMMDD date"), "\(v)")
            }
        }
    }

    /// Numbers built from their bytes are Foundation's values to the byte (what the JSON and X12 writers read).
    @Test func decimalsAreFoundationsBytes() {
        #expect(RawDecimal.layoutHolds)
        var rng = SeededGenerator(seed: 77)
        var texts = ["0", "-0", "0.00", ".5", "-.5", "5.", "25.00", "2500", "-2500", "100000000000000000", "999999999999999999",
                     "65535", "65536", "-4294967296", "0.00000000000000001", "123456789012345678", "1", "-1", "10", "0.10"]
        for _ in 0..<3000 {
            let digits = Int.random(in: 1...18, using: &rng)
            var t = (0..<digits).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
            if Bool.random(using: &rng) { t.insert(".", at: t.index(t.startIndex, offsetBy: Int.random(in: 0...digits, using: &rng))) }
            if Int.random(in: 0..<4, using: &rng) == 0 { t = "-" + t }
            texts.append(t)
        }
        for t in texts {
            let bytes = Array(t.utf8)
            let (fast, slow) = bytes.withUnsafeBytes { b in (X12Values.plainDecimal(bytes: b, raw: true), X12Values.plainDecimal(bytes: b, raw: false)) }
            #expect(fast != nil && fast == slow, "\(t)")
            guard let f = fast, let s = slow else { continue }
            #expect(withUnsafeBytes(of: f) { Array($0) } == withUnsafeBytes(of: s) { Array($0) }, "\(t)")
            #expect(DecimalText.string(f, dropLeadingZero: false) == s.description, "\(t)")
        }
    }
}
