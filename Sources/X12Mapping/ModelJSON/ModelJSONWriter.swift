import AuthModel
import Foundation

/// Compact JSON bytes for ``ModelJSONCodable`` values, with `JSONEncoder`'s text (`.withoutEscapingSlashes`):
/// the same string escapes, `Decimal` as its `description`, dates as `"YYYY-MM-DD"`.
struct ModelJSONWriter {
    /// The bytes written so far.
    var out: [UInt8] = []

    init() { out.reserveCapacity(4096) }

    /// A writer that appends to `out`.
    init(out: [UInt8]) { self.out = out }

    @inline(__always) mutating func byte(_ b: UInt8) { out.append(b) }

    /// Starts an object.
    @inline(__always) mutating func open() { out.append(0x7B) }

    /// Ends an object.
    @inline(__always) mutating func close() { out.append(0x7D) }

    /// Writes `"name":` (given whole, with quotes and colon), after a comma unless it is the object's first key.
    @inline(__always) mutating func key(_ quotedWithColon: StaticString) {
        if out.last != 0x7B { out.append(0x2C) }
        out.append(contentsOf: UnsafeBufferPointer(start: quotedWithColon.utf8Start, count: quotedWithColon.utf8CodeUnitCount))
    }

    mutating func bool(_ b: Bool) {
        if b { out.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) } else { out.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65]) }
    }

    mutating func int(_ v: Int) {
        if v < 0 { out.append(0x2D) }
        uint(UInt64(v.magnitude))
    }

    mutating func uint(_ v: UInt64) {
        var m = v
        if m == 0 { out.append(0x30); return }
        let start = out.count
        while m > 0 {
            out.append(0x30 &+ UInt8(truncatingIfNeeded: m % 10))
            m /= 10
        }
        out[start...].reverse()
    }

    mutating func date(_ d: CalendarDate) {
        guard d.year >= 0 && d.year <= 9999 && d.month >= 1 && d.month <= 99 && d.day >= 1 && d.day <= 99 else {
            string(d.description)
            return
        }
        let y = d.year
        out.append(0x22)
        out.append(0x30 &+ UInt8(y / 1000)); out.append(0x30 &+ UInt8(y / 100 % 10))
        out.append(0x30 &+ UInt8(y / 10 % 10)); out.append(0x30 &+ UInt8(y % 10))
        out.append(0x2D)
        out.append(0x30 &+ UInt8(d.month / 10)); out.append(0x30 &+ UInt8(d.month % 10))
        out.append(0x2D)
        out.append(0x30 &+ UInt8(d.day / 10)); out.append(0x30 &+ UInt8(d.day % 10))
        out.append(0x22)
    }

    mutating func decimal(_ d: Decimal) {
        DecimalText.append(d, to: &out)   // `d.description`: what JSONEncoder writes for a Decimal
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func string(_ s: String) {
        out.append(0x22)
        var s = s
        s.withUTF8 { p in
            var runStart = 0
            var i = 0
            let n = p.count
            while i < n {
                let c = p[i]
                if c >= 0x20 && c != 0x22 && c != 0x5C { i += 1; continue }
                if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
                out.append(0x5C)
                switch c {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x08: out.append(0x62)
                case 0x0C: out.append(0x66)
                case 0x0A: out.append(0x6E)
                case 0x0D: out.append(0x72)
                case 0x09: out.append(0x74)
                default:
                    out.append(0x75); out.append(0x30); out.append(0x30)
                    out.append(Self.hex[Int(c >> 4)]); out.append(Self.hex[Int(c & 0xF)])
                }
                i += 1
                runStart = i
            }
            if n > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<n])) }
        }
        out.append(0x22)
    }
}
