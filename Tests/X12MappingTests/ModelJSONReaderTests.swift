import AuthModel
import Foundation
import Testing
import X12
@testable import X12Mapping

/// The one-pass model JSON reader (``ModelJSONReader`` under the generated `readJSON` functions): whitespace,
/// nesting, numbers, escapes, missing lists, key order, truncated lines. Wherever the fast path gives up,
/// `ModelJSON.decode` must give exactly what `JSONDecoder` gives (value or error text).
@Suite struct ModelJSONReaderTests {
    static let gen = TestDataGenerator(seed: 41)

    static func line(_ type: GeneratedType, _ index: Int = 0) throws -> String {
        String(decoding: try ModelJSON.encode(gen.transaction(type, index: index)), as: UTF8.self)
    }

    /// A value or an error text.
    enum Outcome: Equatable {
        case value(ModelTransaction)
        case error(String)
    }

    /// `ModelJSON.decode` and `JSONDecoder` agree on `text`: the same value, or the same error text.
    static func expectSameAsJSONDecoder(_ text: String, _ comment: Comment? = nil) {
        let ours: Outcome
        let ref: Outcome
        do { ours = .value(try ModelJSON.decode(Array(text.utf8))) } catch { ours = .error("\(error)") }
        do { ref = .value(try JSONDecoder().decode(ModelTransaction.self, from: Data(text.utf8))) } catch { ref = .error("\(error)") }
        #expect(ours == ref, comment)
    }

    /// The first generated line of `type` that holds `fragment`.
    static func line(_ type: GeneratedType, containing fragment: String) throws -> String {
        for index in 0..<60 {
            let t = try line(type, index)
            if t.range(of: fragment, options: .regularExpression) != nil { return t }
        }
        Issue.record("no generated \(type) line holds \(fragment)")
        return ""
    }

    static func fast(_ text: String) throws -> ModelTransaction {
        try ModelJSONByteDecoder().decodeTransaction(from: Array(text.utf8))
    }

    /// JSON whitespace (space, tab, CR, LF) around every token is read on the fast path.
    @Test(arguments: GeneratedType.allCases)
    func whitespaceEverywhere(_ type: GeneratedType) throws {
        let m = Self.gen.transaction(type, index: 3)
        let text = Array(try ModelJSON.encode(m))
        var spaced: [UInt8] = Array(" \t".utf8)
        var inString = false
        var k = 0
        while k < text.count {
            let c = text[k]
            if inString {
                spaced.append(c)
                if c == 0x5C { spaced.append(text[k + 1]); k += 1 } else if c == 0x22 { inString = false }
            } else {
                if c == 0x7D || c == 0x5D || c == 0x2C || c == 0x3A { spaced += Array("\r\n ".utf8) }
                spaced.append(c)
                if c == 0x22 { inString = true }
                if c == 0x7B || c == 0x5B || c == 0x2C || c == 0x3A { spaced += Array(" \t\n".utf8) }
            }
            k += 1
        }
        spaced += Array("\r\n\t ".utf8)
        #expect(try ModelJSONByteDecoder().decodeTransaction(from: spaced) == m)
        #expect(try JSONDecoder().decode(ModelTransaction.self, from: Data(spaced)) == m)
    }

    /// The writer leaves out every empty list; the fast path reads each missing list as `[]`, and the old form
    /// (every empty list written, `"key":[]`) reads to the same values.
    @Test(arguments: GeneratedType.allCases)
    func missingListsReadAsEmpty(_ type: GeneratedType) throws {
        for index in 0..<40 {
            let m = Self.gen.transaction(type, index: index)
            let text = String(decoding: try ModelJSON.encode(m), as: UTF8.self)
            #expect(!text.contains(":[]"), "the writer leaves out empty lists")
            #expect(try Self.fast(text) == m)
            #expect(try ModelJSON.decode(Array(text.utf8)) == m)
            #expect(try JSONDecoder().decode(ModelTransaction.self, from: Data(text.utf8)) == m)
        }
    }

    /// A `null` list reads as an empty list (AuthModel's `Decodable`); the fast path leaves it to `JSONDecoder`.
    @Test func aNullListReadsAsEmpty() throws {
        guard case .eligibilityResponse(var responses) = Self.gen.transaction(.eligibilityResponse, index: 0),
              !responses.isEmpty, !responses[0].benefitsInformation.isEmpty else {
            Issue.record("the generated 271 has no benefit")
            return
        }
        responses[0].benefitsInformation[0].messages = []
        let m = ModelTransaction.eligibilityResponse(responses)
        let text = String(decoding: try ModelJSON.encode(m), as: UTF8.self)
        let nulled = text.replacingOccurrences(of: #""benefitsInformation":[{"#, with: #""benefitsInformation":[{"messages":null,"#)
        #expect(nulled.contains("null"))
        #expect(try ModelJSON.decode(Array(nulled.utf8)) == m)
        Self.expectSameAsJSONDecoder(nulled)
    }

    /// Every prefix of a line (a line cut short) fails, with `JSONDecoder`'s error.
    @Test(arguments: [GeneratedType.eligibilityResponse, .authorizationRequest])
    func truncatedLines(_ type: GeneratedType) throws {
        let text = Array(try ModelJSON.encode(Self.gen.transaction(type, index: 1)))
        for n in 0..<text.count {
            #expect(throws: ModelJSONByteDecoder.Failure.self, "prefix \(n)") {
                try ModelJSONByteDecoder().decodeTransaction(from: text[0..<n])
            }
        }
        for n in stride(from: 0, to: text.count, by: max(1, text.count / 40)) {
            Self.expectSameAsJSONDecoder(String(decoding: text[0..<n], as: UTF8.self), "prefix \(n)")
        }
    }

    /// Numbers: plain decimals on the fast path, the rest (exponents, long significands) as `JSONDecoder` reads
    /// them, and what the grammar refuses (leading zeros, a bare point, a lone sign) refused.
    @Test(arguments: ["0", "-0", "25", "25.5", "-0.25", ".5", "01", "1.", "-", "+1", "1e2", "1E-2", "2.5e+3",
                      "123456789012345678", "12345678901234567890123.5", "0.000000000000000000001", "1.2.3", "0x10",
                      "NaN", "1e", "--1", "5 6"])
    func numbers(_ number: String) throws {
        let text = try Self.line(.eligibilityResponse, containing: #""amount":[0-9]"#)
        let amount = try #require(text.range(of: #""amount":[0-9.]+"#, options: .regularExpression))
        let changed = text.replacingCharacters(in: amount, with: #""amount":"# + number)
        Self.expectSameAsJSONDecoder(changed, "\(number)")
    }

    /// Integers (diagnosis pointers): plain digits on the fast path; a fraction or an exponent goes to `JSONDecoder`.
    @Test(arguments: ["1", "12", "-3", "1.0", "1e1", "99999999999999999999", "007"])
    func integers(_ number: String) throws {
        let text = try Self.line(.authorizationRequest, containing: #""diagnosisPointers":\[1"#)
        let changed = text.replacingOccurrences(of: #""diagnosisPointers":[1"#, with: #""diagnosisPointers":["# + number)
        Self.expectSameAsJSONDecoder(changed, "\(number)")
    }

    /// Escapes in values (each kind, surrogate pairs, a lone surrogate) and in unknown keys' values.
    @Test(arguments: [#"A\"B"#, #"A\\B"#, #"A\/B"#, #"\b\f\n\r\t"#, #"\u00e9t\u00C9"#, #"\ud83d\ude00"#, #"\ud83d"#,
                      #"\ude00x"#, #"\x"#, #"\u12"#, #"\u12G4"#, "é€𝄞"])
    func escapesInValues(_ escaped: String) throws {
        let text = try Self.line(.eligibilityResponse, containing: #""name":""#)
        let range = try #require(text.range(of: #""name":"[^"]*""#, options: .regularExpression))
        let named = text.replacingCharacters(in: range, with: #""name":"X"# + escaped + #"Y""#)
        Self.expectSameAsJSONDecoder(named, "\(escaped) in a value")
        let unknown = text.replacingOccurrences(of: #"{"type":"271","#, with: #"{"zz":["# + #""a"# + escaped + #"b""# + #",{"k\u0031":1}],"type":"271","#)
        #expect(unknown != text)
        Self.expectSameAsJSONDecoder(unknown, "\(escaped) in an unknown key's value")
    }

    /// An escaped key is left to `JSONDecoder` (it may be a known key); so is an escaped `type` value.
    @Test func escapedKeysAndTypeGoToJSONDecoder() throws {
        let text = try Self.line(.authorizationRequest)
        for changed in [text.replacingOccurrences(of: #"{"type":"278","#, with: #"{"\u0074ype":"278","#),
                        text.replacingOccurrences(of: #"{"type":"278","#, with: #"{"type":"27\u0038","#)] {
            #expect(changed != text)
            #expect(throws: ModelJSONByteDecoder.Failure.self) { try Self.fast(changed) }
            #expect(try ModelJSON.decode(Array(changed.utf8)) == (try Self.fast(text)))
        }
    }

    /// Nesting in an unknown key's value: deep is skipped on the fast path; deeper than 512 goes to `JSONDecoder`.
    @Test(arguments: [1, 50, 511, 600])
    func nestingInUnknownValues(_ depth: Int) throws {
        let text = try Self.line(.eligibilityInquiry)
        let nested = String(repeating: #"[{"a":"#, count: depth) + "1" + String(repeating: "}]", count: depth)
        let changed = text.replacingOccurrences(of: #"{"type":"270","#, with: #"{"type":"270","deep":"# + nested + ",")
        if depth < 250 { #expect(try Self.fast(changed) == (try Self.fast(text))) }
        Self.expectSameAsJSONDecoder(changed, "depth \(depth)")
    }

    /// Key order: the payload before `type`, unknown keys of every kind around them, the other kinds' payloads.
    @Test func payloadBeforeTypeAndOtherPayloads() throws {
        let m = Self.gen.transaction(.authorizationDecision, index: 2)
        let text = String(decoding: try ModelJSON.encode(m), as: UTF8.self)
        let payload = String(text.dropFirst(#"{"type":"278-response","authorizationDecision":"#.count).dropLast())
        let variants = [
            #"{"authorizationDecision":"# + payload + #","type":"278-response"}"#,
            #"{"x":[true,false,null,-1.5e3,"s",{}],"authorizationDecision":"# + payload + #","y":{},"type":"278-response","z":1}"#,
            #"{"eligibilityInquiries":7,"type":"278-response","authorizationRequest":"bad","authorizationDecision":"# + payload + "}",
            #"{"type":"278-response","authorizationDecision":"# + payload + #","eligibilityResponses":[{}]}"#,
        ]
        for v in variants {
            #expect(try Self.fast(v) == m, "\(v.prefix(60))")
            Self.expectSameAsJSONDecoder(v)
        }
        // A payload of another kind before `type` that is not valid for its own kind: JSONDecoder decides.
        let odd = #"{"authorizationRequest":"bad","type":"278-response","authorizationDecision":"# + payload + "}"
        Self.expectSameAsJSONDecoder(odd)
    }

    /// Duplicate keys, bad punctuation, trailing text, other top-level values: `JSONDecoder` decides.
    @Test func malformedLines() throws {
        let text = try Self.line(.eligibilityInquiry)
        let variants = [
            text.replacingOccurrences(of: #"{"type":"270","#, with: #"{"type":"270","type":"270","#),
            text.replacingOccurrences(of: #"{"type":"270","#, with: #"{"type":"270",,"#),
            text.replacingOccurrences(of: #"{"type":"270","#, with: #"{"type" "270","#),
            text.replacingOccurrences(of: #"{"type":"270","#, with: #"{"type":"270"  "#),
            text + "x", text + "}", text + " {}", "[" + text + "]", "null", "{}", " ",
            text.replacingOccurrences(of: #""trace":{"#, with: #""trace":{"purpose":"x","#),
            text.replacingOccurrences(of: "}", with: ",}"),
            text.replacingOccurrences(of: "]", with: ",]"),
            text.replacingOccurrences(of: #"{"type":"270","#, with: "{\"type\":\"270\",\"\u{1}\":1,"),
            text.replacingOccurrences(of: #"{"type":"270","#, with: "{\"type\":\"270\",\"a\":\"\u{7}\","),
        ]
        for v in variants {
            #expect(v != text)
            #expect(throws: ModelJSONByteDecoder.Failure.self, "\(v.prefix(60))") { try Self.fast(v) }
            Self.expectSameAsJSONDecoder(v, "\(v.prefix(60))")
        }
    }

    /// One-byte changes (deleted, inserted or replaced by a JSON-significant byte) at seeded random places of lines
    /// of every type: `ModelJSON.decode` gives what `JSONDecoder` gives, except that a missing list key reads as
    /// an empty list (`JSONDecoder` reports the key as not found). Found: an unknown key with invalid UTF-8 was
    /// skipped by the fast path (`JSONDecoder` refuses the text); now its bytes are checked.
    @Test(arguments: GeneratedType.allCases)
    func oneByteChanges(_ type: GeneratedType) throws {
        let bytes: [UInt8] = Array(#"{}[],:"\0-.e1aZ "#.utf8) + [0x0A, 0x01, 0xC3, 0xFF]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(type.hashValue & 0xFFFF | 1)
        func random(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        for index in 0..<3 {
            let line = Array(try ModelJSON.encode(Self.gen.transaction(type, index: index)))
            for _ in 0..<150 {
                var text = line
                let at = random(text.count)
                switch random(3) {
                case 0: text.remove(at: at)
                case 1: text.insert(bytes[random(bytes.count)], at: at)
                default: text[at] = bytes[random(bytes.count)]
                }
                var ours: Outcome
                var ref: Outcome
                do { ours = .value(try ModelJSON.decode(text)) } catch { ours = .error("\(error)") }
                do {
                    ref = .value(try JSONDecoder().decode(ModelTransaction.self, from: Data(text)))
                } catch DecodingError.keyNotFound {
                    continue   // a list key renamed or cut: read as empty by the fast path, refused by JSONDecoder
                } catch {
                    ref = .error("\(error)")
                }
                let around = text[max(0, at - 40)..<min(text.count, at + 40)]
                #expect(ours == ref, "\(String(decoding: around, as: UTF8.self)) \(Array(around))")
            }
        }
    }

    /// The lines reader decodes each line in place: CRLF endings, no final newline, lines across chunk borders.
    @Test(arguments: [1, 7, 64, 4096])
    func linesReaderChunks(_ chunk: Int) throws {
        let models = GeneratedType.allCases.flatMap { t in (0..<6).map { Self.gen.transaction(t, index: $0) } }
        var text: [UInt8] = []
        for (k, m) in models.enumerated() {
            text += try ModelJSON.encode(m)
            text += k % 2 == 0 ? [0x0D, 0x0A] : [0x0A]
        }
        text.removeLast()   // the last line has no newline
        var offset = 0
        let input = ModelJSONLinesReader { (buffer: inout [UInt8]) -> Bool in
            guard offset < text.count else { return false }
            let end = min(offset + chunk, text.count)
            buffer.append(contentsOf: text[offset..<end])
            offset = end
            return true
        }
        var back: [ModelTransaction] = []
        while let m = try input.next() { back.append(m) }
        #expect(back == models)
        #expect(input.bytesRead == text.count)
    }
}
