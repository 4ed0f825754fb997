import Testing
@testable import X12

/// The fast path's word-at-a-time search for the terminator or an LF finds what a byte-by-byte search finds:
/// every start and end offset (so every alignment and tail length), matches in adjacent lanes, bytes with the
/// high bit set, and the two searched bytes equal (a newline terminator).
@Suite struct FirstOfTwoTests {
    static func naive(_ a: UInt8, _ b: UInt8, _ bytes: [UInt8], _ from: Int, _ end: Int) -> Int? {
        (from..<end).first { bytes[$0] == a || bytes[$0] == b }
    }

    @Test(arguments: [(UInt8(ascii: "~"), UInt8(0x0A)), (0x0A, 0x0A), (0x85, 0x0A), (0x00, 0x0A), (0xFF, 0x01)])
    func findsWhatAByteLoopFinds(a: UInt8, b: UInt8) {
        var rng = SeededRandom(seed: UInt64(a) << 8 | UInt64(b))
        // Bytes drawn mostly from the searched ones and their neighbours, where borrows could mislead.
        let pool: [UInt8] = [a, b, a &- 1, a &+ 1, b &- 1, b &+ 1, 0x00, 0x80, 0xFF, 0x2A, 0x41]
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 23, 40, 64] {
            for _ in 0..<40 {
                var bytes = (0..<length).map { _ in
                    Int.random(in: 0..<4, using: &rng) == 0 ? pool.randomElement(using: &rng)! : UInt8(ascii: "A")
                }
                // Some buffers hold neither byte at all.
                if Int.random(in: 0..<5, using: &rng) == 0 { bytes = bytes.map { $0 == a || $0 == b ? 0x41 : $0 } }
                bytes.withUnsafeBytes { raw in
                    guard let base = raw.baseAddress else { return }
                    for from in 0...length {
                        for end in from...length {
                            let found = X12Decoder.firstOf(a, b, in: base, from: from, to: end)
                            #expect(found == Self.naive(a, b, bytes, from, end), "\(bytes) [\(from), \(end))")
                        }
                    }
                }
            }
        }
    }
}
