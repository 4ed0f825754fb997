/// Reads the UTF-8 bytes of a short `String` (up to 15 bytes) from the string value itself, without a call.
///
/// On 64-bit little-endian platforms the standard library keeps such a "small" string in-line: its bytes in the
/// first 15 bytes of the 16-byte value, its length in the low four bits of the last byte, and in the high four bits
/// a discriminator `1x10` (small, immortal; x is the ASCII flag). ``layoutHolds`` checks this once against
/// `String.utf8` on literal and computed strings of every small length, multi-byte text and long strings; where it
/// does not hold, ``SegmentEncoder`` copies every string through `withUTF8`.
@usableFromInline enum SmallStringBytes {
    /// Whether the second word of a `String` value marks a small string.
    @inlinable @inline(__always) static func isSmall(_ high: UInt64) -> Bool { (high >> 60) & 0xB == 0xA }

    /// The byte count of a small string from the second word of its value.
    @inlinable @inline(__always) static func count(_ high: UInt64) -> Int { Int(truncatingIfNeeded: (high >> 56) & 0xF) }

    /// The bytes of `text` when it is small by ``isSmall(_:)``.
    static func bytes(_ text: String) -> [UInt8]? {
        let raw = unsafeBitCast(text, to: (UInt64, UInt64).self)
        guard isSmall(raw.1) else { return nil }
        var words = raw
        let n = count(raw.1)
        guard n <= 15 else { return [] }
        return withUnsafeBytes(of: &words) { Array($0[0..<n]) }
    }

    /// Whether the layout above is the one of this standard library.
    @usableFromInline static let layoutHolds: Bool = {
        #if _endian(little) && _pointerBitWidth(_64)
        guard MemoryLayout<String>.size == 16 else { return false }
        var samples: [String] = ["", "D", "D8", "472", "ABCDEFG", "ABCDEFGH", "ABCDEFGHIJKLMNO", "é", "ÉLAN café",
                                 "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "ÉLAN café 😀 text"]
        for n in 0...40 {
            let s = String(decoding: (0..<n).map { UInt8(0x41 + $0 % 26) }, as: UTF8.self)
            samples.append(s)
            samples.append(String(s.dropFirst()))
            samples.append(s.lowercased())
            samples.append(String(n))
        }
        var sawSmall = false
        for s in samples {
            let utf8 = Array(s.utf8)
            if let b = bytes(s) {
                guard b == utf8 else { return false }
                sawSmall = true
            } else if utf8.count <= 15 && s.utf8.count == utf8.count && (s == "D8" || s.isEmpty) {
                return false   // literals this short are always small
            }
        }
        return sawSmall
        #else
        return false
        #endif
    }()
}
