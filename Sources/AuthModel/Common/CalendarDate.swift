/// A calendar day without a time or a time zone: a birth date, a date of service, a coverage date.
///
/// Encoded in JSON as `"YYYY-MM-DD"`.
/// ```swift
/// let dob = CalendarDate(year: 1980, month: 4, day: 12)
/// dob.description                               // "1980-04-12"
/// CalendarDate("2026-02-30")                    // nil: not a real day
/// dob.adding(days: 365)                         // 1981-04-12
/// ```
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year (four digits).
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month, 1–31.
    public var day: Int

    /// Creates a date; use ``isValid`` or ``init(validYear:month:day:)`` when the parts come from input.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates a date only when it names a real calendar day.
    public init?(validYear year: Int, month: Int, day: Int) {
        guard month >= 1, month <= 12, day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` (ISO 8601) or `YYYYMMDD`.
    public init?(_ text: String) {
        var text = text
        let parts = text.withUTF8 { b -> (Int, Int, Int)? in
            let dashed = b.count == 10 && b[4] == UInt8(ascii: "-") && b[7] == UInt8(ascii: "-")
            guard dashed || b.count == 8 else { return nil }
            var v = 0
            var year = 0, month = 0
            for (i, c) in b.enumerated() {
                if dashed && (i == 4 || i == 7) { continue }
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
                if i == 3 { year = v; v = 0 } else if i == (dashed ? 6 : 5) { month = v; v = 0 }
            }
            return (year, month, v)
        }
        guard let (y, m, d) = parts else { return nil }
        self.init(validYear: y, month: m, day: d)
    }

    /// `true` when the parts name a real calendar day.
    public var isValid: Bool {
        month >= 1 && month <= 12 && day >= 1 && day <= CalendarDate.daysIn(month: month, year: year)
    }

    /// `YYYY-MM-DD`.
    public var description: String { text(separator: UInt8(ascii: "-")) }

    /// `YYYYMMDD`, the compact form.
    public var compact: String { text(separator: nil) }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date `days` since 1970-01-01.
    public init(daysSinceEpoch z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> CalendarDate { CalendarDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// The same day `years` later; 29 February becomes 28 February in a common year.
    public func adding(years: Int) -> CalendarDate {
        let y = year + years
        return CalendarDate(year: y, month: month, day: min(day, CalendarDate.daysIn(month: month, year: y)))
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(to other: CalendarDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = CalendarDate(s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a YYYY-MM-DD date: \(s)")
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    /// The digits of year (4), month and day (2 each), with `separator` between them; other years the long way.
    private func text(separator: UInt8?) -> String {
        guard year >= 0, year <= 9999, month >= 0, month <= 99, day >= 0, day <= 99 else {
            let sep = separator.map { String(UnicodeScalar($0)) } ?? ""
            return pad(year, 4) + sep + pad(month, 2) + sep + pad(day, 2)
        }
        let count = separator == nil ? 8 : 10
        return String(unsafeUninitializedCapacity: count) { out in
            var i = 0
            func put(_ v: Int) { out[i] = 0x30 + UInt8(v); i += 1 }
            put(year / 1000); put(year / 100 % 10); put(year / 10 % 10); put(year % 10)
            if let separator { out[i] = separator; i += 1 }
            put(month / 10); put(month % 10)
            if let separator { out[i] = separator; i += 1 }
            put(day / 10); put(day % 10)
            return count
        }
    }

    private func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
