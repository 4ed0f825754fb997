/// Decimal digits written two at a time from a table of the pairs `"00"` … `"99"` (one division by 100 per pair,
/// one 16-bit load and store), for the JSON and X12 writers' numbers and dates.
enum DigitPairs {
    /// `"00"` … `"99"`: the two digits of `n` < 100 at `table + 2 * n`.
    @inline(__always) static var table: UnsafePointer<UInt8> {
        ("00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899" as StaticString).utf8Start
    }

    /// Writes the two digits of `n` < 100 at `p`.
    @inline(__always) static func pair(_ n: Int, _ p: UnsafeMutablePointer<UInt8>) {
        UnsafeMutableRawPointer(p).storeBytes(
            of: UnsafeRawPointer(table + 2 &* n).loadUnaligned(as: UInt16.self), as: UInt16.self)
    }

    /// Writes the `n` decimal digits of `v` at `p` (two per division).
    @inline(__always) static func digits(_ v: UInt64, _ p: UnsafeMutablePointer<UInt8>, _ n: Int) {
        var v = v
        var i = n
        while i >= 2 {
            let q = v / 100
            i -= 2
            pair(Int(truncatingIfNeeded: v &- q &* 100), p + i)
            v = q
        }
        if i == 1 { p[0] = 0x30 &+ UInt8(truncatingIfNeeded: v) }
    }
}
