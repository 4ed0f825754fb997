import AuthModel
import Foundation
import X12

/// Model values (dates, decimals, codes) as elements of a ``SegmentSink``, without building `String`s for the
/// byte encoder.
extension SegmentSink {
    /// A `CCYYMMDD` element.
    @inline(__always) mutating func element(_ d: CalendarDate) {
        beginElement()
        appendDate(d)
        endElement()
    }

    /// Appends `d.compact` to the open element.
    @inline(__always) mutating func appendDate(_ d: CalendarDate) {
        if d.year >= 0 && d.year <= 9999 && d.month >= 0 && d.month <= 99 && d.day >= 0 && d.day <= 99 {
            appendDate(year: d.year, month: d.month, day: d.day)
        } else {
            append(d.compact)
        }
    }

    /// A decimal as X12 writes it (``X12Values/string(_:)``).
    @inline(__always) mutating func element(_ d: Decimal) {
        beginElement()
        appendBytes { DecimalText.append(d, to: &$0, dropLeadingZero: true) }
        endElement()
    }

    /// The code of `value` in `table`; the empty element for `nil`.
    @inline(__always) mutating func element<V>(_ value: V?, _ table: CodeTable<V>) {
        if let value { element(table.code(value)) } else { emptyElements(1) }
    }

    /// The format qualifier and value of a date or range: `D8*CCYYMMDD` or `RD8*CCYYMMDD-CCYYMMDD`.
    mutating func dateElements(_ r: DateRange) {
        guard let e = r.end else {
            element("D8")
            element(r.start)
            return
        }
        element("RD8")
        beginElement()
        appendDate(r.start)
        append("-")
        appendDate(e)
        endElement()
    }

    /// A decimal element; the empty element for `nil`.
    @inline(__always) mutating func element(_ d: Decimal?) {
        if let d { element(d) } else { emptyElements(1) }
    }
}
