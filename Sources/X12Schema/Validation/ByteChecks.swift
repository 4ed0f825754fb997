/// Byte-level checks of X12 values: dates, times and numbers, without making a `String`.
enum ByteChecks {
    @inline(__always)
    static func digits(_ b: UnsafeRawBufferPointer, _ from: Int, _ n: Int) -> Int? {
        var v = 0
        for i in from..<(from + n) {
            let c = b[i]
            guard c >= 0x30 && c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }

    /// `CCYYMMDD` as a comparable number (`20260115`), or `nil` when not a real date. `YYMMDD` when `count == 6`.
    static func date(_ b: UnsafeRawBufferPointer, from: Int = 0, count: Int) -> Int? {
        guard count == 8 || count == 6, from + count <= b.count else { return nil }
        let year: Int
        let off: Int
        if count == 8 { guard let y = digits(b, from, 4) else { return nil }; year = y; off = from + 4 } else {
            guard let y = digits(b, from, 2) else { return nil }; year = 2000 + y; off = from + 2
        }
        guard let m = digits(b, off, 2), let d = digits(b, off + 2, 2), m >= 1, m <= 12, d >= 1 else { return nil }
        let days: Int
        switch m {
        case 2: days = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: days = 30
        default: days = 31
        }
        guard d <= days else { return nil }
        return year * 10000 + m * 100 + d
    }

    /// `true` for `HHMM`, `HHMMSS`, `HHMMSSD`, `HHMMSSDD` with real hours, minutes and seconds.
    static func isTime(_ b: UnsafeRawBufferPointer) -> Bool {
        let n = b.count
        guard n == 4 || n == 6 || n == 7 || n == 8, digits(b, 0, n) != nil else { return false }
        guard let h = digits(b, 0, 2), let m = digits(b, 2, 2), h <= 23, m <= 59 else { return false }
        if n >= 6 { guard let s = digits(b, 4, 2), s <= 59 else { return false } }
        return true
    }

    /// The digit count of a valid `N0`/`N2` value, or `nil` (optional leading minus, digits only).
    static func integerDigits(_ b: UnsafeRawBufferPointer) -> Int? {
        var i = 0
        if b.count > 0 && b[0] == UInt8(ascii: "-") { i = 1 }
        guard i < b.count else { return nil }
        for j in i..<b.count where !(b[j] >= 0x30 && b[j] <= 0x39) { return nil }
        return b.count - i
    }

    /// The digit count of a valid `R` value, or `nil` (optional minus, digits, at most one point, one digit at least).
    static func decimalDigits(_ b: UnsafeRawBufferPointer) -> Int? {
        var i = 0
        if b.count > 0 && b[0] == UInt8(ascii: "-") { i = 1 }
        var digits = 0
        var points = 0
        while i < b.count {
            let c = b[i]
            if c >= 0x30 && c <= 0x39 { digits += 1 } else if c == UInt8(ascii: ".") { points += 1 } else { return nil }
            i += 1
        }
        guard digits > 0, points <= 1 else { return nil }
        return digits
    }

    /// `true` when a byte below space (a control character) is in the value.
    static func hasControlCharacter(_ b: UnsafeRawBufferPointer) -> Bool {
        for c in b where c < 0x20 || c == 0x7F { return true }
        return false
    }
}
