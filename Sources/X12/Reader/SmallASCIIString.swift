/// Makes the `String` of 1 to 15 ASCII bytes straight from those bytes, without a call: the value
/// `String(decoding:as:)` gives, built in two registers.
///
/// On 64-bit little-endian platforms the standard library keeps such a "small" string in-line (the same layout
/// ``SmallStringBytes`` reads): the bytes in the first 15 bytes of the 16-byte value, the length in the low
/// four bits of the last byte and `0xE` (small, immortal, ASCII) in its high four bits. ``layoutHolds`` checks
/// once, for every length 1–15, that the value made here has exactly the bits of the one `String(decoding:as:)`
/// makes; where it does not, callers (the decoder's ST02, the mapping's short values) make every string the usual
/// way.
public enum SmallASCIIString {
    /// The last byte of a small ASCII string of `count` bytes, in the top byte of the second word.
    @inlinable @inline(__always) public static func discriminator(_ count: Int) -> UInt64 { (0xE0 | UInt64(truncatingIfNeeded: count)) << 56 }

    /// The string of `count` (1–15) ASCII bytes held in `low` (bytes 0–7, first byte lowest) and `high` (bytes
    /// 8–14); every byte past `count` must be zero. Only when ``layoutHolds``.
    @inlinable @inline(__always) public static func make(low: UInt64, high: UInt64, count: Int) -> String {
        unsafeBitCast((low, high | discriminator(count)), to: String.self)
    }

    /// `true` when no byte of the two words has its high bit set.
    @inlinable @inline(__always) public static func isASCII(_ low: UInt64, _ high: UInt64) -> Bool { (low | high) & 0x8080_8080_8080_8080 == 0 }

    /// Whether ``make(low:high:count:)`` gives exactly what `String(decoding:as:)` gives, on this standard library.
    public static let layoutHolds: Bool = {
        #if _endian(little) && _pointerBitWidth(_64)
        guard MemoryLayout<String>.size == 16 else { return false }
        let samples: [[UInt8]] = [Array("ABCDEFGHIJKLMNO".utf8), Array("0123456789 *:^~".utf8), [0x01, 0x7F, 0x1D, 0x20, 0x7E, 0x09, 0x30, 0x7A,
                                                                                                 0x5A, 0x2D, 0x2E, 0x0A, 0x0D, 0x61, 0x39]]
        for sample in samples {
            for n in 1...15 {
                var low: UInt64 = 0, high: UInt64 = 0
                for i in 0..<n {
                    if i < 8 { low |= UInt64(sample[i]) << UInt64(i * 8) } else { high |= UInt64(sample[i]) << UInt64((i - 8) * 8) }
                }
                let expected = String(decoding: sample[0..<n], as: UTF8.self)
                let e = unsafeBitCast(expected, to: (UInt64, UInt64).self)
                guard e.0 == low, e.1 == high | discriminator(n) else { return false }
                let made = make(low: low, high: high, count: n)
                guard made == expected, made.utf8.count == n, Array(made.utf8) == Array(sample[0..<n]) else { return false }
            }
        }
        return true
        #else
        return false
        #endif
    }()
}
