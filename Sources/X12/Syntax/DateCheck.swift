/// Calendar checks for X12 dates (`CCYYMMDD`, `YYMMDD`) and times (`HHMM`, `HHMMSS`, `HHMMSSD`, `HHMMSSDD`).
public enum DateCheck {
    /// `true` when `s` is a real date of 8 (`CCYYMMDD`) or 6 (`YYMMDD`) digits.
    public static func isValidDate(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 8 || u.count == 6, u.allSatisfy(\.isDigitASCII) else { return false }
        func num(_ a: Int, _ n: Int) -> Int { u[a..<(a + n)].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        let year = u.count == 8 ? num(0, 4) : 2000 + num(0, 2)
        let off = u.count == 8 ? 4 : 2
        let month = num(off, 2), day = num(off + 2, 2)
        guard month >= 1, month <= 12, day >= 1 else { return false }
        return day <= daysIn(month: month, year: year)
    }

    /// `true` when `s` is a valid time of 4, 6, 7 or 8 digits.
    public static func isValidTime(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard [4, 6, 7, 8].contains(u.count), u.allSatisfy(\.isDigitASCII) else { return false }
        func num(_ a: Int) -> Int { Int(u[a] - 0x30) * 10 + Int(u[a + 1] - 0x30) }
        guard num(0) <= 23, num(2) <= 59 else { return false }
        if u.count >= 6 { guard num(4) <= 59 else { return false } }
        return true
    }

    /// The number of days in `month` of `year` (Gregorian).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
