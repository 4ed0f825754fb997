import AuthModel
import Foundation

/// Compact JSON bytes for ``ModelJSONCodable`` values, with `JSONEncoder`'s text (`.withoutEscapingSlashes`):
/// the same string escapes, `Decimal` as its `description`, dates as `"YYYY-MM-DD"`.
///
/// The bytes go into one buffer it owns (grown by doubling, reused after ``reset()``), written through a
/// pointer: no capacity and uniqueness checks of an `Array` per byte. Not copyable, so the buffer has one owner.
struct ModelJSONWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written.
    private(set) var count = 0

    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far (valid until the next write).
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// A copy of the bytes written so far.
    var out: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Forgets the bytes (keeps the buffer).
    mutating func reset() { count = 0 }

    @inline(__always) private mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    private mutating func grow(_ needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        p.update(from: base, count: count)
        base.deallocate()
        base = p
        capacity = c
    }

    @inline(__always) mutating func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    @inline(__always) private mutating func raw(_ p: UnsafePointer<UInt8>, _ n: Int) {
        reserve(n)
        (base + count).update(from: p, count: n)
        count += n
    }

    /// Starts an object.
    @inline(__always) mutating func open() { byte(0x7B) }

    /// Ends an object.
    @inline(__always) mutating func close() { byte(0x7D) }

    /// Writes `"name":` (given whole, with quotes and colon), after a comma unless it is the object's first key.
    @inline(__always) mutating func key(_ quotedWithColon: StaticString) {
        let n = quotedWithColon.utf8CodeUnitCount
        reserve(n + 1)
        if count == 0 || base[count - 1] != 0x7B {
            base[count] = 0x2C
            count += 1
        }
        (base + count).update(from: quotedWithColon.utf8Start, count: n)
        count += n
    }

    mutating func bool(_ b: Bool) {
        let text: StaticString = b ? "true" : "false"
        raw(text.utf8Start, text.utf8CodeUnitCount)
    }

    mutating func int(_ v: Int) {
        if v < 0 { byte(0x2D) }
        uint(UInt64(v.magnitude))
    }

    mutating func uint(_ v: UInt64) {
        var m = v
        if m == 0 { byte(0x30); return }
        var digits = 0
        var t = m
        while t > 0 { digits += 1; t /= 10 }
        reserve(digits)
        var at = count + digits
        while m > 0 {
            at -= 1
            base[at] = 0x30 &+ UInt8(truncatingIfNeeded: m % 10)
            m /= 10
        }
        count += digits
    }

    mutating func date(_ d: CalendarDate) {
        guard d.year >= 0 && d.year <= 9999 && d.month >= 1 && d.month <= 99 && d.day >= 1 && d.day <= 99 else {
            string(d.description)
            return
        }
        reserve(12)
        let y = d.year
        let p = base + count
        p[0] = 0x22
        p[1] = 0x30 &+ UInt8(y / 1000); p[2] = 0x30 &+ UInt8(y / 100 % 10)
        p[3] = 0x30 &+ UInt8(y / 10 % 10); p[4] = 0x30 &+ UInt8(y % 10)
        p[5] = 0x2D
        p[6] = 0x30 &+ UInt8(d.month / 10); p[7] = 0x30 &+ UInt8(d.month % 10)
        p[8] = 0x2D
        p[9] = 0x30 &+ UInt8(d.day / 10); p[10] = 0x30 &+ UInt8(d.day % 10)
        p[11] = 0x22
        count += 12
    }

    mutating func decimal(_ d: Decimal) {
        var text = DecimalText.string(d)   // `d.description`: what JSONEncoder writes for a Decimal
        text.withUTF8 { raw($0.baseAddress!, $0.count) }
    }

    private static let hex: StaticString = "0123456789abcdef"

    mutating func string(_ s: String) {
        byte(0x22)
        var s = s
        s.withUTF8 { p in
            var runStart = 0
            var i = 0
            let n = p.count
            while i < n {
                let c = p[i]
                if c >= 0x20 && c != 0x22 && c != 0x5C { i += 1; continue }
                if i > runStart { raw(p.baseAddress! + runStart, i - runStart) }
                byte(0x5C)
                switch c {
                case 0x22: byte(0x22)
                case 0x5C: byte(0x5C)
                case 0x08: byte(0x62)
                case 0x0C: byte(0x66)
                case 0x0A: byte(0x6E)
                case 0x0D: byte(0x72)
                case 0x09: byte(0x74)
                default:
                    byte(0x75); byte(0x30); byte(0x30)
                    byte(Self.hex.utf8Start[Int(c >> 4)]); byte(Self.hex.utf8Start[Int(c & 0xF)])
                }
                i += 1
                runStart = i
            }
            if n > runStart { raw(p.baseAddress! + runStart, n - runStart) }
        }
        byte(0x22)
    }
}
