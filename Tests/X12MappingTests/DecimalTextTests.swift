import Foundation
import Testing
@testable import X12Mapping

/// `DecimalText` writes exactly `Decimal.description` (and the X12 form without the leading zero).
@Suite struct DecimalTextTests {
    static func check(_ d: Decimal) {
        #expect(DecimalText.string(d) == d.description)
        var x12 = d.description
        if x12.hasPrefix("0.") { x12.removeFirst() } else if x12.hasPrefix("-0.") { x12.remove(at: x12.index(after: x12.startIndex)) }
        #expect(DecimalText.string(d, dropLeadingZero: true) == x12)
    }

    @Test func texts() {
        for t in ["0", "25", "25.00", "0.2", "-0.5", "-.25", "100", "1e3", "0.000", "-0", "12345678901234567",
                  "123456789012345678", "1234567890123456789", "99999999999999999999", "0.10", "250", "1e18", "1e19",
                  "1e-18", "1e-19", "-12345678901234567890.125", "0.000001", "-0.000001", "3000.75", "1e30"] {
            Self.check(Decimal(string: t)!)
        }
        Self.check(.nan)
        Self.check(Decimal(0.1) + Decimal(0.2))
        Self.check(Decimal(string: "0.10")! + Decimal(string: "0.10")!)
    }

    @Test func significandsAndExponents() {
        var g = SeededGenerator(seed: 11)
        for _ in 0..<3000 {
            let m = UInt64.random(in: 0...999_999_999_999_999_999, using: &g) >> UInt64.random(in: 0...60, using: &g)
            let e = Int.random(in: -22...22, using: &g)
            let sign: FloatingPointSign = Bool.random(using: &g) ? .minus : .plus
            Self.check(Decimal(sign: sign, exponent: e, significand: Decimal(m)))
        }
    }
}
