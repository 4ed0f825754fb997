/// The UTF-8 bytes of a `String` read from its two words, for the JSON writer's strings: no call into the standard
/// library's generic `utf8` paths (a small string was copied to the stack for `withContiguousStorageIfAvailable`).
///
/// A 64-bit `String` is two words. A small string (up to 15 UTF-8 bytes; most model values) holds its bytes in
/// them, in memory order, with the count in the low four bits of the last byte and bit 61 of the second word set.
/// A native or literal string whose bytes follow its storage object (bit 60 of the first word set) has its count in
/// the low 48 bits of the first word and the object's address, less 32, in the low 60 bits of the second. This is
/// the standard library's layout; ``layoutHolds`` checks it once against `utf8` on strings of every kind, and when
/// it does not hold the writer takes the generic path for every string.
enum StringBytes {
    /// The two words of `s`, as stored (read in registers: no copy to the stack, no retain).
    @inline(__always) static func words(_ s: String) -> (lo: UInt64, hi: UInt64) {
        unsafeBitCast(s, to: (lo: UInt64, hi: UInt64).self)
    }

    /// Whether the string is small (its bytes are `lo` then `hi`).
    @inline(__always) static func isSmall(_ hi: UInt64) -> Bool { hi & (1 << 61) != 0 }

    /// The UTF-8 count of a small string.
    @inline(__always) static func smallCount(_ hi: UInt64) -> Int { Int(truncatingIfNeeded: (hi >> 56) & 0x0F) }

    /// The bytes of a large string whose bytes follow its storage object, or nil (then ask `utf8`).
    @inline(__always) static func storage(_ lo: UInt64, _ hi: UInt64) -> UnsafeBufferPointer<UInt8>? {
        guard lo & (1 << 60) != 0,
              let p = UnsafePointer<UInt8>(bitPattern: UInt(truncatingIfNeeded: hi & 0x0FFF_FFFF_FFFF_FFFF) &+ 32)
        else { return nil }
        return UnsafeBufferPointer(start: p, count: Int(truncatingIfNeeded: lo & 0xFFFF_FFFF_FFFF))
    }

    /// The bytes of `s` as this type reads them, or nil when it would ask `utf8`.
    static func bytes(_ s: String) -> [UInt8]? {
        let (lo, hi) = words(s)
        if isSmall(hi) {
            let n = smallCount(hi)
            return withUnsafeBytes(of: (lo, hi)) { Array($0[0..<n]) }   // the words in memory order
        }
        return storage(lo, hi).map { Array($0) }
    }

    /// Whether the reading above gives `utf8`'s bytes on small ASCII and non-ASCII strings, native ones made in
    /// several ways and a literal, and takes the fast path at least on the small and the native ones.
    static let layoutHolds: Bool = {
        #if !_endian(little)
        return false   // the writer's word tests number a string's bytes from the low end of each word
        #else
        guard MemoryLayout<String>.size == 16 else { return false }
        let text = "a longer text, sliced: 0123456789"
        let native = [String(repeating: "x", count: 40), String(repeating: "\u{E9}", count: 20) + "z",
                      String(decoding: Array(0x20..<0x7F as Range<UInt8>), as: UTF8.self),
                      String(text[text.index(text.startIndex, offsetBy: 2)...]), String(text.utf8.count) + text]
        for s in ["", "a", "hello", "12345678", "123456789012345", "h\u{E9}llo w\u{F6}rld!", "ab\"c\u{1}"] {
            guard isSmall(words(s).hi), bytes(s) == Array(s.utf8) else { return false }
        }
        for s in native {
            guard !isSmall(words(s).hi), bytes(s) == Array(s.utf8) else { return false }
        }
        let literal = "a literal string longer than fifteen bytes"
        return bytes(literal) == nil || bytes(literal) == Array(literal.utf8)
        #endif
    }()
}
