import Foundation

/// Makes the `Decimal` of a plain X12 number (`[-]digits[.digits]`, at most 18 digits) by writing its bytes:
/// exactly the value `Decimal(sign:exponent:significand: Decimal(m))` gives, without the two calls into
/// Foundation and the copies of a resilient value between them.
///
/// Foundation's `Decimal` is 20 bytes: an 8-bit exponent, a byte with the length in 16-bit words (high four
/// bits), the sign (`0x08`) and the compact flag (`0x04`), two reserved bytes, then eight little-endian 16-bit
/// words of significand, trailing decimal zeros moved into the exponent; zero is all zero bytes (the layout
/// ``DecimalText`` reads). ``layoutHolds`` checks once, byte for byte against Foundation on values of every
/// length, sign and scale, that this is what Foundation builds; where it is not, every value is built by
/// Foundation (``reference(_:scale:negative:)``).
enum RawDecimal {
    /// `significand` × 10^-`scale`, negative when `negative` and the significand is not zero; `raw` is
    /// ``layoutHolds`` (read by the caller where it is at hand: a global costs a `swift_once` call per read).
    @inline(__always) static func make(_ significand: UInt64, scale: Int, negative: Bool, raw: Bool = layoutHolds) -> Decimal {
        guard raw else { return reference(significand, scale: scale, negative: negative) }
        return Self.raw(significand, scale: scale, negative: negative)
    }

    /// What the mapping did before: Foundation builds the value.
    static func reference(_ significand: UInt64, scale: Int, negative: Bool) -> Decimal {
        Decimal(sign: negative && significand != 0 ? .minus : .plus, exponent: -scale, significand: Decimal(significand))
    }

    @inline(__always) private static func raw(_ significand: UInt64, scale: Int, negative: Bool) -> Decimal {
        var d = Decimal()
        guard significand != 0 else { return d }
        var m = significand
        var exponent = -scale
        while m % 10 == 0 {
            m /= 10
            exponent += 1
        }
        let words = (64 - m.leadingZeroBitCount + 15) >> 4
        withUnsafeMutableBytes(of: &d) { b in
            b[0] = UInt8(bitPattern: Int8(truncatingIfNeeded: exponent))
            b[1] = UInt8(truncatingIfNeeded: words << 4) | (negative ? 0x08 : 0) | 0x04
            b.storeBytes(of: m.littleEndian, toByteOffset: 4, as: UInt64.self)
        }
        return d
    }

    /// Whether ``raw(_:scale:negative:)`` builds exactly Foundation's bytes on this platform.
    static let layoutHolds: Bool = {
        guard _isPOD(Decimal.self), MemoryLayout<Decimal>.size == 20 else { return false }
        var significands: [UInt64] = [0, 1, 9, 10, 25, 100, 2500, 12345, 65535, 65536, 4_294_967_295, 4_294_967_296,
                                      281_474_976_710_655, 281_474_976_710_656, 100_000_000_000_000_000, 999_999_999_999_999_999]
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<24 {   // a fixed pseudo-random spread of lengths and trailing zeros
            x = x &* 6364136223846793005 &+ 1442695040888963407
            significands.append((x >> 4) % 1_000_000_000_000_000_000 / [1, 10, 1000, 1_000_000, 1_000_000_000_000][Int(x & 3)])
        }
        for m in significands {
            for scale in 0...18 {
                for negative in [false, true] {
                    let a = raw(m, scale: scale, negative: negative), b = reference(m, scale: scale, negative: negative)
                    let same = withUnsafeBytes(of: a) { ra in withUnsafeBytes(of: b) { rb in ra.elementsEqual(rb) } }
                    guard same, a == b else { return false }
                }
            }
        }
        return true
    }()
}
