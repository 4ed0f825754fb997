import AuthModel
import Foundation
import Testing
import X12
@testable import X12Mapping

/// The hand-written model JSON encoder and decoder give the same text and values as `JSONEncoder` /
/// `JSONDecoder` (`JSONEncoder` on Linux writes keys in hash order, so texts are compared with each object's
/// entries sorted; every token is compared byte for byte).
@Suite struct ModelJSONByteCodecTests {
    static let files = [
        "mapping/270-subscriber-and-dependents.x12", "mapping/271-benefits-pcp-rejections.x12",
        "mapping/278-request-dependent-lines.x12", "mapping/278-requests-referral-admission.x12",
        "mapping/278-response-partial.x12", "mapping/278-responses-pended-denied.x12",
        "mapping/278-responses-rejected.x12",
    ]

    static func reference(_ value: some Encodable) throws -> [UInt8] {
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes]
        return Array(try e.encode(value))
    }

    /// Checks one model: same text as `JSONEncoder` (modulo key order), decodes back on the fast path to the
    /// model and to what `JSONDecoder` gives.
    static func check(_ m: ModelTransaction) throws {
        let ours = try ModelJSON.encode(m)
        let ref = try reference(m)
        #expect(ours.count == ref.count)
        #expect(try Canonical.text(ours) == (try Canonical.text(ref)))
        let fast = try ModelJSONByteDecoder().decode(ModelTransaction.self, from: ours)
        #expect(fast == m)
        #expect(fast == (try JSONDecoder().decode(ModelTransaction.self, from: Data(ref))))
        #expect(try ModelJSONByteDecoder().decode(ModelTransaction.self, from: ref) == m)
        // The per-type functions (no fallback): our order, JSONEncoder's hash order, every object's keys
        // reversed with unknown keys of every kind added.
        let perType = ModelJSONByteDecoder()
        #expect(try perType.decodeTransaction(from: ours) == m)
        #expect(try perType.decodeTransaction(from: ref) == m)
        let shuffled = try Canonical.reversedWithUnknownKeys(ours)
        #expect(shuffled != ours)
        #expect(try perType.decodeTransaction(from: shuffled) == m)
        #expect(try JSONDecoder().decode(ModelTransaction.self, from: Data(shuffled)) == m)
    }

    @Test(arguments: files)
    func testDataFiles(_ file: String) throws {
        let models = try MappingTestSupport.models(file)
        #expect(!models.isEmpty)
        for m in models { try Self.check(m) }
    }

    @Test(arguments: GeneratedType.allCases)
    func generatedData(_ type: GeneratedType) throws {
        let gen = TestDataGenerator(seed: 29)
        for i in 0..<300 { try Self.check(gen.transaction(type, index: i)) }
    }

    /// The request and decision objects alone (what the gateway stores): `JSONEncoder`'s text, read back by
    /// `JSONDecoder`.
    @Test(arguments: files.filter { $0.contains("278") })
    func requestAndDecisionObjects(_ file: String) throws {
        for m in try MappingTestSupport.models(file) {
            switch m {
            case .authorizationRequest(let r):
                let ours = ModelJSON.encode(request: r)
                #expect(try Canonical.text(ours) == (try Canonical.text(try Self.reference(r))))
                #expect(try JSONDecoder().decode(AuthorizationRequest.self, from: Data(ours)) == r)
            case .authorizationDecision(let d):
                let ours = ModelJSON.encode(decision: d)
                #expect(try Canonical.text(ours) == (try Canonical.text(try Self.reference(d))))
                #expect(try JSONDecoder().decode(AuthorizationDecision.self, from: Data(ours)) == d)
            default:
                Issue.record("\(file) holds a \(m.typeName)")
            }
        }
    }

    /// A line far longer than the writer's first buffer, with escapes across the growth.
    @Test func longLinesGrowTheBuffer() throws {
        guard case .eligibilityResponse(var list) = TestDataGenerator(seed: 29).transaction(.eligibilityResponse, index: 0),
              !list.isEmpty, !list[0].benefitsInformation.isEmpty else {
            Issue.record("no benefits generated")
            return
        }
        list[0].benefitsInformation[0].messages = [String(repeating: "a\"é\u{1}", count: 20_000), "x"]
        list[0].benefitsInformation[0].amount = Decimal(string: "-12345678901234567890.125")
        try Self.check(.eligibilityResponse(list))
    }

    @Test func enumTablesMatchTheEnumerations() {
        #expect(modelJSONEnumChecks.count >= 35)
        for check in modelJSONEnumChecks { #expect(check.ok, "\(check.name)") }
    }

    /// Escaped strings (keys, enumeration values, text) are read on the fast path or by `JSONDecoder`, with the
    /// same result.
    @Test func escapedEnumerationValuesAndKeys() throws {
        let m = TestDataGenerator(seed: 29).transaction(.eligibilityResponse, index: 0)
        let text = String(decoding: try ModelJSON.encode(m), as: UTF8.self)
        #expect(text.contains(#""kind":"activeCoverage""#))
        let escapedValue = text.replacingOccurrences(of: #""kind":"activeCoverage""#, with: #""kind":"\u0061ctiveCoverage""#)
        #expect(try ModelJSONByteDecoder().decodeTransaction(from: Array(escapedValue.utf8)) == m)
        let escapedKey = text.replacingOccurrences(of: #""kind":"activeCoverage""#, with: #""\u006bind":"activeCoverage""#)
        #expect(throws: ModelJSONByteDecoder.Failure.self) { try ModelJSONByteDecoder().decodeTransaction(from: Array(escapedKey.utf8)) }
        #expect(try ModelJSON.decode(Array(escapedKey.utf8)) == m)
    }

    /// The generated readers start a defaulted field at its init default, but a key the `Decodable` conformance
    /// requires (any but an optional or a list) is still required: leaving one out fails the fast path and gives
    /// `JSONDecoder`'s error.
    @Test func aMissingDefaultedKeyIsStillRequired() throws {
        let m = TestDataGenerator(seed: 29).transaction(.eligibilityResponse, index: 0)
        let text = String(decoding: try ModelJSON.encode(m), as: UTF8.self)
        let key = #""identityCorrected":false,"#
        #expect(text.contains(key))
        var cut = text
        cut.replaceSubrange(cut.range(of: key)!, with: "")
        #expect(throws: ModelJSONByteDecoder.Failure.self) { try ModelJSONByteDecoder().decodeTransaction(from: Array(cut.utf8)) }
        Self.expectJSONDecoderError(cut)
    }

    /// `ModelJSON.decode` fails on `text` with exactly `JSONDecoder`'s error text.
    static func expectJSONDecoderError(_ text: String) {
        var ours = ""
        var ref = ""
        do { _ = try ModelJSON.decode(Array(text.utf8)) } catch { ours = "\(error)" }
        do { _ = try JSONDecoder().decode(ModelTransaction.self, from: Data(text.utf8)) } catch { ref = "\(error)" }
        #expect(!ours.isEmpty)
        #expect(ours == ref)
    }

    struct Strings: Codable, Equatable {
        var a: String
        var b: [String]
        var c: String?
        var d: Decimal
        var e: [Decimal]
        var f: Int
        var g: Bool
        var h: CalendarDate?
    }

    @Test func escapesNumbersAndNesting() throws {
        let odd = "a/b \"q\" \\ \u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F} é € 𝄞 \u{2028}"
        let values = [
            Strings(a: odd, b: [odd, "", "x"], c: nil, d: Decimal(string: "-12345678901234567890.125")!,
                    e: [0, Decimal(string: "0.2")!, Decimal(string: "25.00")!, Decimal(string: "1e30")!, Decimal(string: "-0.000001")!],
                    f: -9_007_199_254_740_993, g: false, h: CalendarDate("2024-02-29")),
            Strings(a: "", b: [], c: "x", d: 0, e: [], f: 0, g: true, h: nil),
        ]
        for v in values {
            // The writer the per-type functions use: each value as JSONEncoder writes it.
            var w = ModelJSONWriter()
            w.string(v.a)
            #expect(w.out == (try Self.reference(v.a)))
            for d in [v.d] + v.e {
                w.reset()
                w.decimal(d)
                #expect(w.out == (try Self.reference(d)), "\(d)")
            }
            w.reset()
            w.int(v.f)
            #expect(w.out == (try Self.reference(v.f)))
            let ref = try Self.reference(v)
            #expect(try ModelJSONByteDecoder().decode(Strings.self, from: ref) == v)
        }
        // Escapes JSONEncoder does not write but any JSON may carry.
        let text = #"{"a":"\/\u00e9\ud834\udd1e\u0041","b":[],"d":1.5E2,"e":[-0,10],"f":7,"g":true}"#
        let fast = try ModelJSONByteDecoder().decode(Strings.self, from: Array(text.utf8))
        #expect(fast == (try JSONDecoder().decode(Strings.self, from: Data(text.utf8))))
    }

    /// The string scanner reads eight bytes at a time: a quote, a backslash, a control character, a non-ASCII
    /// or an invalid UTF-8 byte at every offset around those words is read as `JSONDecoder` reads it.
    @Test func stringsWithSpecialBytesAtEveryOffset() throws {
        let specials: [[UInt8]] = [Array("\\\"".utf8), Array("\\\\".utf8), Array("\\u0041".utf8), Array("é".utf8),
                                   Array("😀".utf8), [0x01], [0x1F], [0xFF], [0xC3], [0x7F]]
        for special in specials {
            for offset in 0..<20 {
                let value = Array(repeating: UInt8(ascii: "x"), count: offset) + special + Array("tail-of-the-text".utf8)
                let text = Array(#"{"a":""#.utf8) + value + Array(#"","b":["#.utf8) + [0x22] + value + Array(#""],"d":1,"e":[],"f":1,"g":true}"#.utf8)
                let ref = try? JSONDecoder().decode(Strings.self, from: Data(text))
                let fast = try? ModelJSONByteDecoder().decode(Strings.self, from: text)
                #expect(fast == ref, "\(special) at \(offset)")
                if special.count > 1 || special[0] >= 0x20 && special[0] < 0x80 { #expect(ref != nil) }
            }
        }
    }

    @Test(arguments: [
        #"{"type":"999"}"#, #"{"type":"278""#, #"{"type":"278","authorizationRequest":{}}"#, "[1]", "",
        #"{"type":"270","eligibilityInquiries":[{"x":01}]}"#, "{\"type\":\"270\u{1}\"}",
    ])
    func badLinesFailLikeJSONDecoder(_ text: String) throws {
        Self.expectJSONDecoderError(text)
    }

    @Test func linesWriterAndReaderUseTheFastCodec() throws {
        let gen = TestDataGenerator(seed: 4)
        let models = GeneratedType.allCases.flatMap { t in (0..<20).map { gen.transaction(t, index: $0) } }
        let sink = ByteSink()
        let out = ModelJSONLinesWriter(sink: sink)
        for m in models { try out.write(m) }
        var expected: [UInt8] = []
        for m in models { expected += try ModelJSON.encode(m) + [0x0A] }
        try out.flush()
        #expect(sink.bytes == expected)
        let input = ModelJSONLinesReader(bytes: sink.bytes)
        var back: [ModelTransaction] = []
        while let t = try input.next() { back.append(t) }
        #expect(back == models)
    }
}

/// Re-writes JSON text with each object's entries sorted by their raw key bytes; tokens are kept verbatim.
enum Canonical {
    struct Bad: Error {}

    static func text(_ bytes: [UInt8]) throws -> String {
        var i = 0
        let out = try value(bytes, &i)
        guard i == bytes.count else { throw Bad() }
        return String(decoding: out, as: UTF8.self)
    }

    /// The same JSON with each object's entries in reverse order and unknown keys (of every JSON kind) added
    /// first and last.
    static func reversedWithUnknownKeys(_ bytes: [UInt8]) throws -> [UInt8] {
        var i = 0
        let out = try value(bytes, &i, reverse: true)
        guard i == bytes.count else { throw Bad() }
        return out
    }

    static let unknownFirst = Array(#""zzUnknown":{"type":"271","a":[1,-2.5e3,"x\"y",null,true,{}]}"#.utf8)
    static let unknownLast = Array(#""kind_":null"#.utf8)

    private static func value(_ b: [UInt8], _ i: inout Int, reverse: Bool = false) throws -> [UInt8] {
        guard i < b.count else { throw Bad() }
        switch b[i] {
        case 0x7B:
            i += 1
            var entries: [[UInt8]] = []
            if b[i] == 0x7D { i += 1; return [0x7B, 0x7D] }
            while true {
                var entry = try string(b, &i)
                guard b[i] == 0x3A else { throw Bad() }
                i += 1
                entry.append(0x3A)
                entry += try value(b, &i, reverse: reverse)
                entries.append(entry)
                if b[i] == 0x2C { i += 1; continue }
                guard b[i] == 0x7D else { throw Bad() }
                i += 1
                break
            }
            if reverse {
                entries.reverse()
                entries.insert(unknownFirst, at: 0)
                entries.append(unknownLast)
            } else {
                entries.sort { $0.lexicographicallyPrecedes($1) }
            }
            return [0x7B] + Array(entries.joined(separator: [0x2C])) + [0x7D]
        case 0x5B:
            i += 1
            var items: [[UInt8]] = []
            if b[i] == 0x5D { i += 1; return [0x5B, 0x5D] }
            while true {
                items.append(try value(b, &i, reverse: reverse))
                if b[i] == 0x2C { i += 1; continue }
                guard b[i] == 0x5D else { throw Bad() }
                i += 1
                break
            }
            return [0x5B] + Array(items.joined(separator: [0x2C])) + [0x5D]
        case 0x22: return try string(b, &i)
        default:
            let start = i
            while i < b.count, ![0x2C, 0x5D, 0x7D].contains(b[i]) { i += 1 }
            guard i > start else { throw Bad() }
            return Array(b[start..<i])
        }
    }

    private static func string(_ b: [UInt8], _ i: inout Int) throws -> [UInt8] {
        guard b[i] == 0x22 else { throw Bad() }
        let start = i
        i += 1
        while b[i] != 0x22 { i += b[i] == 0x5C ? 2 : 1 }
        i += 1
        return Array(b[start..<i])
    }
}

/// The test value read and written by hand with the cursor's primitives (strings, lists, optionals, decimals,
/// integers, booleans, dates), as the generated functions do.
extension ModelJSONByteCodecTests.Strings: ModelJSONCodable {
    static let jsonKeys = ModelJSONKeys(["a", "b", "c", "d", "e", "f", "g", "h"])

    func writeJSON(to w: inout ModelJSONWriter) {
        w.literal("{\"a\":")
        w.string(a)
        w.literal(",\"b\":")
        b.writeJSON(to: &w)
        if let c {
            w.literal(",\"c\":")
            w.string(c)
        }
        w.literal(",\"d\":")
        w.decimal(d)
        w.literal(",\"e\":")
        e.writeJSON(to: &w)
        w.literal(",\"f\":")
        w.int(f)
        w.literal(",\"g\":")
        w.bool(g)
        if let h {
            w.literal(",\"h\":")
            w.date(h)
        }
        w.byte(0x7D)
    }

    static func readJSON(_ r: inout ModelJSONReader) throws(ModelJSONReader.Failure) -> Self {
        var a: String?
        var b: [String] = []
        var c: String?
        var d: Decimal?
        var e: [Decimal] = []
        var f: Int?
        var g: Bool?
        var h: CalendarDate?
        var seen: UInt64 = 0
        if try r.beginObject() {
            var expected = 0
            repeat {
                let k = try r.key(jsonKeys, expected: expected)
                if k < 0 {
                    try r.skipValue()
                    continue
                }
                guard seen & (1 << k) == 0 else { throw ModelJSONReader.Failure() }
                seen |= 1 << k
                expected = k + 1
                switch k {
                case 0: a = try r.string()
                case 1: b = try [String].readJSON(&r)
                case 2: c = r.null() ? nil : try r.string()
                case 3: d = try r.decimal()
                case 4: e = try [Decimal].readJSON(&r)
                case 5: f = try r.int()
                case 6: g = try r.bool()
                default: h = r.null() ? nil : try r.date()
                }
            } while try r.nextEntry()
        }
        guard let a, let d, let f, let g else { throw ModelJSONReader.Failure() }
        return Self(a: a, b: b, c: c, d: d, e: e, f: f, g: g, h: h)
    }
}
