import AuthModel
import Foundation
import Testing
@testable import X12Mapping

/// The writer's fast paths against `JSONEncoder` (`.withoutEscapingSlashes`): strings copied eight bytes at a
/// time with every escape class at every offset around the words, decimals formatted from the value's bytes,
/// dates, literal runs of every length, enumeration values written as precomputed literals.
@Suite struct ModelJSONWriterFastPathTests {
    static func reference(_ value: some Encodable) throws -> [UInt8] {
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes]
        return Array(try e.encode(value))
    }

    /// One of each escape class (quote, backslash, the short escapes, other control bytes) and the bytes that
    /// must pass unescaped (slash, DEL, two-, three- and four-byte UTF-8, a line separator).
    static let specials = ["\"", "\\", "\u{8}", "\u{C}", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}",
                           "/", "é", "€", "😀", "\u{2028}", " ", "~"]

    @Test func everyEscapeClassAtEveryOffset() throws {
        var w = ModelJSONWriter()
        for special in Self.specials {
            for offset in 0..<20 {
                for tail in [0, 1, 7, 8, 9, 17] {
                    let s = String(repeating: "x", count: offset) + special + String(repeating: "y", count: tail)
                    w.reset()
                    w.string(s)
                    #expect(w.out == (try Self.reference(s)), "\(special.unicodeScalars.map(\.value)) at \(offset), tail \(tail)")
                }
            }
        }
    }

    @Test func severalEscapesAndLongStrings() throws {
        var g = SeededGenerator(seed: 5)
        let pieces = Self.specials + ["abc", "ABCDEFGH", "0123456789", " ", "long run of clean text "]
        var w = ModelJSONWriter(capacity: 64)   // small: strings longer than the buffer make it grow
        for _ in 0..<2000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...12, using: &g) { s += pieces.randomElement(using: &g)! }
            w.reset()
            w.string(s)
            #expect(w.out == (try Self.reference(s)), "\(s.debugDescription)")
        }
        let long = String(repeating: "0123456789abcdef", count: 1000) + "\"" + String(repeating: "z", count: 100)
        w.reset()
        w.string(long)
        #expect(w.out == (try Self.reference(long)))
    }

    @Test func nonContiguousStrings() throws {
        // A bridged or lazily built string may have no contiguous UTF-8: the writer copies it first.
        let s = String(NSString(string: "caf\u{E9} \"quoted\" \u{1}"))
        var w = ModelJSONWriter()
        w.string(s)
        #expect(w.out == (try Self.reference(s)))
    }

    @Test func decimalsFromTheirBytes() throws {
        #expect(DecimalText.layoutHolds)   // else every decimal would take `description` and this tests nothing new
        var texts = ["0", "1", "-1", "0.2", "-0.5", "25.00", "100", "1e3", "0.000", "65535", "65536", "4294967296",
                     "281474976710656", "12345678901234567", "123456789012345678", "999999999999999999",
                     "1000000000000000000", "18446744073709551615", "18446744073709551616", "1e18", "1e19", "1e-18",
                     "1e-19", "-0.000001", "3000.75", "1e30", "-12345678901234567890.125", "0.10", "250.5"]
        var g = SeededGenerator(seed: 17)
        for _ in 0..<3000 {
            let m = UInt64.random(in: 0...UInt64.max, using: &g) >> UInt64.random(in: 0...63, using: &g)
            let e = Int.random(in: -24...24, using: &g)
            texts.append((Bool.random(using: &g) ? "-" : "") + "\(m)e\(e)")
        }
        var w = ModelJSONWriter()
        for t in texts {
            let d = try #require(Decimal(string: t))
            w.reset()
            w.decimal(d)
            #expect(w.out == (try Self.reference(d)), "\(t)")
        }
        w.reset()
        w.decimal(.nan)
        #expect(String(decoding: w.out, as: UTF8.self) == Decimal.nan.description)
    }

    @Test func dates() throws {
        var w = ModelJSONWriter()
        for (y, m, d) in [(2024, 2, 29), (1, 1, 1), (9999, 12, 31), (1999, 10, 9), (0, 1, 1), (10000, 1, 1), (-5, 3, 4), (2024, 0, 1)] {
            let date = CalendarDate(year: y, month: m, day: d)
            w.reset()
            w.date(date)
            #expect(w.out == (try Self.reference(date)), "\(y)-\(m)-\(d)")
        }
    }

    @Test func literalCopiesOfEveryLength() {
        var g = SeededGenerator(seed: 3)
        for n in 0...80 {
            let source = (0..<n).map { _ in UInt8.random(in: 0...255, using: &g) }
            var target = [UInt8](repeating: 0xEE, count: n + 8)
            source.withUnsafeBytes { s in
                target.withUnsafeMutableBytes { t in
                    ModelJSONWriter.copy(s.baseAddress ?? UnsafeRawPointer(t.baseAddress!), to: t.baseAddress!, n)
                }
            }
            #expect(Array(target[..<n]) == source, "\(n)")
            #expect(target[n...].allSatisfy { $0 == 0xEE }, "\(n): wrote past the end")
        }
    }

    /// Each enumeration's generated `writeJSON` (one literal per case) gives `JSONEncoder`'s text for every case.
    @Test func enumerationLiterals() throws {
        let types: [any (ModelJSONEnum & Encodable).Type] = [
            BenefitKind.self, EntityRole.self, AuthorizationStatus.self, Relationship.self, CertificationType.self,
            EligibilityDate.Kind.self, TimePeriod.self, DecisionAction.self,
        ]
        for t in types { try Self.cases(t) }
    }

    static func cases<E: ModelJSONEnum & Encodable>(_: E.Type) throws {
        var w = ModelJSONWriter()
        for c in E.allCases {
            w.reset()
            c.writeJSON(to: &w)
            #expect(w.out == (try reference(c)), "\(c)")
        }
    }
}
