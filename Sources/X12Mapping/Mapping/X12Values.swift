import AuthModel
import Foundation
import X12

/// Reading and writing X12 values (dates, numbers) and small helpers on segments.
enum X12Values {
    static func date(_ s: String, _ seg: String, _ pos: Int) throws(MappingError) -> CalendarDate {
        guard s.utf8.count == 8, let d = CalendarDate(s) else {
            throw .badValue(segment: seg, position: pos, value: s, expected: "a CCYYMMDD date")
        }
        return d
    }

    static func optionalDate(_ s: String, _ seg: String, _ pos: Int) throws(MappingError) -> CalendarDate? {
        s.isEmpty ? nil : try date(s, seg, pos)
    }

    /// A date or range from a format qualifier (`D8`, `RD8`) and a value.
    static func range(format: String, _ value: String, _ seg: String, _ pos: Int) throws(MappingError) -> DateRange {
        if format == "RD8" {
            let parts = value.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw .badValue(segment: seg, position: pos, value: value, expected: "a CCYYMMDD-CCYYMMDD range") }
            return DateRange(try date(String(parts[0]), seg, pos), end: try date(String(parts[1]), seg, pos))
        }
        guard format == "D8" else { throw .unknownCode(segment: seg, position: pos - 1, code: format, list: "date format (D8, RD8)") }
        return DateRange(try date(value, seg, pos))
    }

    /// The format qualifier and value of a date or range.
    static func format(_ r: DateRange) -> (String, String) {
        if let e = r.end { return ("RD8", r.start.compact + "-" + e.compact) }
        return ("D8", r.start.compact)
    }

    static func decimal(_ s: String, _ seg: String, _ pos: Int) throws(MappingError) -> Decimal? {
        if s.isEmpty { return nil }
        if let d = plainDecimal(s) { return d }
        guard let d = Decimal(string: s, locale: posix), s.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }) else {
            throw .badValue(segment: seg, position: pos, value: s, expected: "a number")
        }
        return d
    }

    /// `[-]digits[.digits]` with at most 18 digits, without Foundation's text parsing; `nil` otherwise.
    static func plainDecimal(_ s: String) -> Decimal? {
        var s = s
        return s.withUTF8 { plainDecimal(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func int(_ s: String, _ seg: String, _ pos: Int) throws(MappingError) -> Int? {
        if s.isEmpty { return nil }
        guard let i = Int(s) else { throw .badValue(segment: seg, position: pos, value: s, expected: "a whole number") }
        return i
    }

    /// A decimal as X12 writes it: no exponent, no trailing zeros, no leading zero before the point (`.2`).
    static func string(_ d: Decimal) -> String { DecimalText.string(d, dropLeadingZero: true) }

    static func string(_ d: Decimal?) -> String { d.map { string($0) } ?? "" }

    static let posix = Locale(identifier: "en_US_POSIX")
}

extension Segment {
    /// `nil` for an empty element.
    func opt(_ position: Int) -> String? {
        let v = self[position].value
        return v.isEmpty ? nil : v
    }

    /// The values of every repetition's first component.
    func repeated(_ position: Int) -> [String] {
        let e = self[position]
        if e.isEmpty { return [] }
        return e.repetitions.map { $0.first ?? "" }
    }
}
