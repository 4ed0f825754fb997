import Foundation

/// `Decimal.description` without Foundation's digit-by-digit text conversion (~580 ns a value here) and without
/// an `NSDecimalNumber` per value: the significand is read as a 64-bit integer from the value's bytes (see
/// ``parts(_:)``) and its digits placed around the point. Values it does not cover (NaN, more than 18 digits,
/// exponents beyond ±18) go through `description`.
enum DecimalText {
    /// The most bytes ``write(_:to:dropLeadingZero:)`` writes.
    static let maxLength = 48

    /// Appends `d.description`, or with `dropLeadingZero` the X12 form (`0.2` → `.2`, `-0.5` → `-.5`).
    static func append(_ d: Decimal, to out: inout [UInt8], dropLeadingZero: Bool = false) {
        var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        let n = withUnsafeMutableBytes(of: &buffer) { b in
            let p = b.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let n = write(d, to: p, dropLeadingZero: dropLeadingZero)
            if n > 0 { out.append(contentsOf: UnsafeBufferPointer(start: p, count: n)) }
            return n
        }
        if n < 0 { slow(d, &out, dropLeadingZero) }
    }

    /// `d.description`, or with `dropLeadingZero` the X12 form.
    static func string(_ d: Decimal, dropLeadingZero: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(24)
        append(d, to: &out, dropLeadingZero: dropLeadingZero)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes `d.description` (or the X12 form) at `p` (room for ``maxLength`` bytes) and returns its length, or
    /// -1 when the value needs `description` (NaN, more than 18 digits, an exponent beyond ±18). With
    /// `layoutChecked` the caller has seen ``layoutHolds`` true (kept, so each value skips the lazy global's check).
    @inline(__always)
    static func write(_ d: Decimal, to p: UnsafeMutablePointer<UInt8>, dropLeadingZero: Bool = false,
                      layoutChecked: Bool = false) -> Int {
        guard let (negative, e, m) = layoutChecked ? rawParts(d) : parts(d), e >= -18, e <= 18,
              m < 1_000_000_000_000_000_000 else { return -1 }
        if m == 0 {
            p[0] = 0x30
            return 1
        }
        var at = 0
        if negative { p[0] = 0x2D; at = 1 }
        if e >= 0 {
            let n = digitCount(m)
            DigitPairs.digits(m, p + at, n)
            at += n
            if e > 0 {   // up to 18 zeros, as three words (room: 1 + 18 + 24 bytes)
                let zeros: UInt64 = 0x3030_3030_3030_3030
                let z = UnsafeMutableRawPointer(p + at)
                z.storeBytes(of: zeros, as: UInt64.self)
                z.storeBytes(of: zeros, toByteOffset: 8, as: UInt64.self)
                z.storeBytes(of: zeros, toByteOffset: 16, as: UInt64.self)
                at += e
            }
            return at
        }
        let f = -e
        var scale: UInt64 = 10   // 10^f
        for _ in 1..<f { scale &*= 10 }
        if m >= scale {
            // the whole part, the point, then the fraction as exactly f digits (its leading zeros kept)
            let whole = f == 2 ? m / 100 : m / scale
            let fraction = m &- whole &* scale
            let n = digitCount(whole)
            DigitPairs.digits(whole, p + at, n)
            at += n
            p[at] = 0x2E
            DigitPairs.digits(fraction, p + at + 1, f)
            return at + 1 + f
        }
        if !dropLeadingZero { p[at] = 0x30; at += 1 }
        p[at] = 0x2E
        DigitPairs.digits(m, p + at + 1, f)   // m < 10^f: f digits, the zeros after the point first
        return at + 1 + f
    }

    /// The number of decimal digits of `m` (1 … 18 for `m` < 10^18), by comparison, not division.
    @inline(__always) private static func digitCount(_ m: UInt64) -> Int {
        var n = 1
        var power: UInt64 = 10
        while n < 18 && m >= power { n += 1; power &*= 10 }
        return n
    }

    /// Sign, exponent and significand of a finite `d` whose significand fits 64 bits, read from the value's
    /// bytes: Foundation's `Decimal` is an 8-bit exponent, a byte with the length in 16-bit words (high four
    /// bits) and the sign (0x08), two reserved bytes, then eight little-endian 16-bit words of significand.
    /// The layout is checked once against the public API (``layoutHolds``); if it ever differs, every value
    /// goes through `description`.
    @inline(__always)
    static func parts(_ d: Decimal) -> (negative: Bool, exponent: Int, significand: UInt64)? {
        guard layoutHolds else { return nil }
        return rawParts(d)
    }

    @inline(__always) static func rawParts(_ d: Decimal) -> (negative: Bool, exponent: Int, significand: UInt64)? {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        return withUnsafeBytes(of: d) { b -> (Bool, Int, UInt64)? in
            let flags = b[1]
            let length = Int(flags >> 4)
            let negative = flags & 0x08 != 0
            if length == 0 { return negative ? nil : (false, 0, 0) }   // NaN, or zero
            guard length <= 4 else { return nil }
            // The first four little-endian words as one load, cut to `length` words.
            let words = UInt64(littleEndian: b.loadUnaligned(fromByteOffset: 4, as: UInt64.self))
            let m = length == 4 ? words : words & (1 << (16 * UInt64(length)) - 1)
            return (negative, Int(Int8(bitPattern: b[0])), m)
        }
    }

    /// Whether ``rawParts(_:)`` reads what `sign`, `exponent` and `significand` give, on values of every
    /// length, sign and exponent range.
    static let layoutHolds: Bool = {
        let samples = ["0", "1", "-1", "25.00", "-0.000001", "65535", "65536", "-4294967296.5", "1e18", "1e-18",
                       "12345678901234567", "-999999999999999999", "281474976710656", "0.2", "-3000.75", "1e30",
                       "18446744073709551615", "18446744073709551616"]
        for s in samples {
            guard let d = Decimal(string: s) else { return false }
            let m = NSDecimalNumber(decimal: d.significand).uint64Value
            let fits = d.significand == Decimal(m)
            switch rawParts(d) {
            case let (negative, e, raw)?:
                guard fits, raw == m, e == d.exponent, negative == (d.sign == .minus && !d.isZero) else { return false }
            case nil:
                guard !fits else { return false }
            }
        }
        return rawParts(.nan) == nil
    }()

    private static func slow(_ d: Decimal, _ out: inout [UInt8], _ dropLeadingZero: Bool) {
        var s = d.description
        if dropLeadingZero {
            if s.hasPrefix("0.") { s.removeFirst() } else if s.hasPrefix("-0.") { s.remove(at: s.index(after: s.startIndex)) }
        }
        out.append(contentsOf: s.utf8)
    }
}
