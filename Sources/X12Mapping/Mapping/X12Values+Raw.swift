import AuthModel
import Foundation

/// Dates and numbers read straight from an element's bytes, with the same results and errors as the `String`
/// functions of ``X12Values``.
extension X12Values {
    /// A `CCYYMMDD` date from bytes: the eight bytes are checked and read as one word (two digits a lane).
    static func date(bytes b: UnsafeRawBufferPointer, _ seg: String, _ pos: Int) throws(MappingError) -> CalendarDate {
        if b.count == 8, let p = b.baseAddress {
            let w = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))   // the first digit in the low byte
            let high: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
            let zeros: UInt64 = 0x3030_3030_3030_3030
            // Every byte 0x30...0x39: its high nibble is 3, and still 3 after adding 6 (no byte carries into the next).
            if w & high == zeros, (w &+ 0x0606_0606_0606_0606) & high == zeros {
                let d = w &- zeros
                // Lane k (16 bits) = digit 2k * 10 + digit 2k+1.
                let pairs = ((d & 0x00FF_00FF_00FF_00FF) &* 10) &+ ((d >> 8) & 0x00FF_00FF_00FF_00FF)
                let year = Int(pairs & 0xFFFF) &* 100 &+ Int((pairs >> 16) & 0xFFFF)
                if let date = CalendarDate(validYear: year, month: Int((pairs >> 32) & 0xFFFF), day: Int(pairs >> 48)) { return date }
            }
        }
        throw .badValue(segment: seg, position: pos, value: String(decoding: b, as: UTF8.self), expected: "a CCYYMMDD date")
    }

    static func date(_ e: RawElement, _ seg: String, _ pos: Int) throws(MappingError) -> CalendarDate {
        try date(bytes: e.valueBytes, seg, pos)
    }

    static func optionalDate(_ e: RawElement, _ seg: String, _ pos: Int) throws(MappingError) -> CalendarDate? {
        let b = e.valueBytes
        return b.isEmpty ? nil : try date(bytes: b, seg, pos)
    }

    /// A date or range from a format qualifier element (`D8`, `RD8`) and a value element.
    static func range(format: RawElement, _ value: RawElement, _ seg: String, _ pos: Int) throws(MappingError) -> DateRange {
        let v = value.valueBytes
        if format.valueIs("RD8") {
            var dash = -1
            var dashes = 0
            for i in 0..<v.count where v[i] == 0x2D {
                dashes += 1
                if dash < 0 { dash = i }
            }
            guard dashes == 1 else {
                throw .badValue(segment: seg, position: pos, value: String(decoding: v, as: UTF8.self), expected: "a CCYYMMDD-CCYYMMDD range")
            }
            return DateRange(try date(bytes: UnsafeRawBufferPointer(rebasing: v[0..<dash]), seg, pos),
                             end: try date(bytes: UnsafeRawBufferPointer(rebasing: v[(dash + 1)...]), seg, pos))
        }
        guard format.valueIs("D8") else {
            throw .unknownCode(segment: seg, position: pos - 1, code: format.value, list: "date format (D8, RD8)")
        }
        return DateRange(try date(bytes: v, seg, pos))
    }

    /// A number, `nil` when the element is empty.
    static func decimal(_ e: RawElement, _ seg: String, _ pos: Int) throws(MappingError) -> Decimal? {
        let b = e.valueBytes
        if b.isEmpty { return nil }
        if let d = plainDecimal(bytes: b, raw: e.strings.makesRawDecimals) { return d }
        return try decimal(String(decoding: b, as: UTF8.self), seg, pos)
    }

    /// ``plainDecimal(_:)`` on bytes; `raw` is ``RawDecimal/layoutHolds``.
    static func plainDecimal(bytes b: UnsafeRawBufferPointer, raw: Bool = RawDecimal.layoutHolds) -> Decimal? {
        var m: UInt64 = 0
        var scale = 0
        var digits = 0
        var dot = false
        var neg = false
        for i in 0..<b.count {
            let c = b[i]
            if c == 0x2D && i == 0 { neg = true; continue }
            if c == 0x2E && !dot { dot = true; continue }
            guard c >= 0x30 && c <= 0x39, digits < 18 else { return nil }
            m = m &* 10 &+ UInt64(c &- 0x30)
            digits += 1
            if dot { scale += 1 }
        }
        guard digits > 0 else { return nil }
        return RawDecimal.make(m, scale: scale, negative: neg, raw: raw)
    }

    /// A whole number, `nil` when the element is empty.
    static func int(_ e: RawElement, _ seg: String, _ pos: Int) throws(MappingError) -> Int? {
        try int(e.value, seg, pos)
    }
}
