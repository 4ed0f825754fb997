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
        var written = true
        appendRaw(maxCount: DecimalText.maxLength) { p in
            let n = DecimalText.write(d, to: p, dropLeadingZero: true)
            if n < 0 { written = false }
            return n
        }
        if !written { append(DecimalText.string(d, dropLeadingZero: true)) }
        endElement()
    }

    /// The code of `value` in `table`; the empty element for `nil` (the table, a lazily made global, is not touched
    /// then).
    @inline(__always) mutating func element<V>(_ value: V?, _ table: @autoclosure () -> CodeTable<V>) {
        if let value { element(value, table()) } else { emptyElements(1) }
    }

    /// The code of `value` in `table`.
    @inline(__always) mutating func element<V>(_ value: V, _ table: CodeTable<V>) {
        let p = table.packed(value)
        if p.count > 0 { element(p) } else { element(table.code(value)) }
    }

    /// Appends the code of `value` in `table` to the open element.
    @inline(__always) mutating func append<V>(_ value: V, _ table: CodeTable<V>) {
        let p = table.packed(value)
        if p.count > 0 { append(p) } else { append(table.code(value)) }
    }

    /// The format qualifier and value of a date or range: `D8*CCYYMMDD` or `RD8*CCYYMMDD-CCYYMMDD`.
    mutating func dateElements(_ r: DateRange) {
        guard let e = r.end else {
            element("D8" as PackedCode)
            element(r.start)
            return
        }
        element("RD8" as PackedCode)
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

    /// The string property `key` of the value at `root`, read in place (``SegmentSink/element(at:)``).
    @inline(__always) mutating func element<Root>(in root: UnsafePointer<Root>, _ key: KeyPath<Root, String>) {
        element(at: root.field(key))
    }

    /// The optional string property `key` of the value at `root`, read in place; the empty element for `nil`.
    @inline(__always) mutating func element<Root>(in root: UnsafePointer<Root>, _ key: KeyPath<Root, String?>) {
        if let p = root.wrapped(key) { element(at: p) } else { emptyElements(1) }
    }

    /// Appends the string property `key` of the value at `root` to the open element, read in place.
    @inline(__always) mutating func append<Root>(in root: UnsafePointer<Root>, _ key: KeyPath<Root, String>) {
        append(at: root.field(key))
    }
}
