import Foundation
import Testing
import X12
@testable import X12Mapping

/// `ShortStrings` gives exactly `String(decoding:as:)` (and `[that]` for a list) for every value, whether it is a hit, a miss or a value
/// that shares a slot with another, and the separator scan of `TransactionBuffer` finds separators at every offset.
@Suite struct ShortStringsTests {
    /// Bytes in a buffer with bytes to spare after them (the transaction buffer keeps 8).
    static func withPadded(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) -> Void) {
        let padded = bytes + [UInt8](repeating: 0xEE, count: 16)
        padded.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<bytes.count])) }
    }

    @Test func everyValueReadsAsStringDecoding() {
        let cache = ShortStrings.allocate()
        defer { cache.deallocate() }
        var rng = SeededGenerator(seed: 12)   // deterministic: a failure can be replayed
        // Short alphabets make repeats (hits) and long runs make distinct keys that share slots.
        let alphabets: [[UInt8]] = [Array("AB".utf8), Array("0123456789".utf8), Array(0...255), [0xC3, 0xA9, 0x41, 0xFF, 0x80]]
        var values: [[UInt8]] = []
        for _ in 0..<20_000 {
            let a = alphabets.randomElement(using: &rng)!
            let n = Int.random(in: 0...20, using: &rng)
            values.append((0..<n).map { _ in a.randomElement(using: &rng)! })
        }
        for _ in 0..<2 {   // the second round reads every value back from the cache when it is still there
            for v in values {
                Self.withPadded(v) { b in
                    #expect(cache.string(b) == String(decoding: b, as: UTF8.self), "\(v)")
                    #expect(cache.list(b) == [String(decoding: b, as: UTF8.self)], "\(v)")
                }
            }
        }
    }

    @Test func lengthsAndPrefixesAreTold() {
        let cache = ShortStrings.allocate()
        defer { cache.deallocate() }
        // "A", "A\0", "A\0\0" … pack to the same bytes but differ in length; a 15-byte and a 16-byte value.
        for n in 0...17 {
            let v = [UInt8(ascii: "A")] + [UInt8](repeating: 0, count: max(n - 1, 0))
            let w = n == 0 ? [] : v
            Self.withPadded(w) { b in #expect(cache.string(b) == String(decoding: b, as: UTF8.self), "\(n)") }
        }
        for n in 0...17 {
            let v = [UInt8](repeating: UInt8(ascii: "Z"), count: n)
            Self.withPadded(v) { b in #expect(cache.string(b) == String(decoding: b, as: UTF8.self), "\(n)") }
        }
    }

    /// Segments of every length up to 40 with an element separator at one offset, or everywhere: the word-wide
    /// scan splits them as `Segment` does.
    @Test func separatorsAtEveryOffset() throws {
        let d = Delimiters(element: 0x2A, component: 0x3A, repetition: 0x5E, segment: 0x7E)
        var texts: [String] = []
        for n in 1...40 {
            let base = String(repeating: "x", count: n)
            texts.append(base)
            texts.append(String(repeating: "*", count: n))
            for at in 0..<n {
                var chars = Array(base)
                chars[at] = "*"
                texts.append(String(chars))
            }
        }
        try IngestFastPathTests.expectSplitAsSegment(texts, d)
    }
}
