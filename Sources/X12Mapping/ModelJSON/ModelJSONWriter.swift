import AuthModel
import Foundation

/// Compact JSON bytes for ``ModelJSONCodable`` values, with `JSONEncoder`'s text (`.withoutEscapingSlashes`):
/// the same string escapes, `Decimal` as its `description`, dates as `"YYYY-MM-DD"`.
///
/// The bytes go into one buffer it owns (grown by doubling, reused after ``reset()``), written through a
/// pointer: no capacity and uniqueness checks of an `Array` per byte. Not copyable, so the buffer has one owner.
/// The generated per-type functions write each key with its punctuation as one literal run (`,"name":`,
/// `{"name":`) through ``literal(_:)``, or through ``key(_:)`` while the object may still be empty (its first
/// keys are nil optionals or empty lists, which are left out); strings are copied eight bytes at a time while no
/// byte needs an escape.
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

    /// Makes room for `n` more bytes and returns where they go (``advance(_:)`` then counts what was written).
    @inline(__always) mutating func room(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if count + n > capacity { grow(count + n) }
        return base + count
    }

    /// Counts `n` bytes written at ``room(_:)``'s pointer.
    @inline(__always) mutating func advance(_ n: Int) { count += n }

    @inline(never) private mutating func grow(_ needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        p.update(from: base, count: count)
        base.deallocate()
        base = p
        capacity = c
    }

    @inline(__always) mutating func byte(_ b: UInt8) {
        room(1).pointee = b
        count += 1
    }

    /// Appends a literal run (a key with its quotes, colon and comma, an enumeration's quoted raw value).
    /// Runs up to 32 bytes are copied with overlapping 8-byte moves, no `memcpy` call.
    @inline(__always) mutating func literal(_ s: StaticString) {
        let n = s.utf8CodeUnitCount
        let p = room(n)
        ModelJSONWriter.copy(UnsafeRawPointer(s.utf8Start), to: UnsafeMutableRawPointer(p), n)
        count += n
    }

    /// Copies `n` bytes: up to 32 by word moves (the last word overlapping), more by `memcpy`.
    @inline(__always) static func copy(_ src: UnsafeRawPointer, to dst: UnsafeMutableRawPointer, _ n: Int) {
        if n >= 8 && n <= 32 {
            var i = 0
            while i + 8 < n {
                dst.storeBytes(of: src.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
                i += 8
            }
            dst.storeBytes(of: src.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self), toByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 && n < 8 {
            dst.storeBytes(of: src.loadUnaligned(as: UInt32.self), as: UInt32.self)
            dst.storeBytes(of: src.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self), toByteOffset: n - 4, as: UInt32.self)
        } else if n < 4 {
            for i in 0..<n { dst.storeBytes(of: src.load(fromByteOffset: i, as: UInt8.self), toByteOffset: i, as: UInt8.self) }
        } else {
            dst.copyMemory(from: src, byteCount: n)
        }
    }

    /// Starts an object.
    @inline(__always) mutating func open() { byte(0x7B) }

    /// Ends an object.
    @inline(__always) mutating func close() { byte(0x7D) }

    /// Writes `"name":` (given whole, with quotes and colon), after a comma unless it is the object's first key.
    @inline(__always) mutating func key(_ quotedWithColon: StaticString) {
        if count != 0 && base[count - 1] != 0x7B { byte(0x2C) }
        literal(quotedWithColon)
    }

    mutating func bool(_ b: Bool) {
        if b { literal("true") } else { literal("false") }
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
        let p = room(digits)
        var at = digits
        while m > 0 {
            at -= 1
            p[at] = 0x30 &+ UInt8(truncatingIfNeeded: m % 10)
            m /= 10
        }
        count += digits
    }

    mutating func date(_ d: CalendarDate) {
        guard d.year >= 0 && d.year <= 9999 && d.month >= 1 && d.month <= 99 && d.day >= 1 && d.day <= 99 else {
            string(d.description)
            return
        }
        let y = d.year
        let p = room(12)
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

    /// `d.description`, formatted into the buffer (``DecimalText/write(_:to:)``) without a `String`.
    mutating func decimal(_ d: Decimal) {
        let p = room(DecimalText.maxLength)
        let n = DecimalText.write(d, to: p)
        if n >= 0 {
            count += n
            return
        }
        var text = d.description   // the values the fast path leaves (NaN, more than 18 digits)
        text.withUTF8 { raw($0) }
    }

    @inline(__always) private mutating func raw(_ p: UnsafeBufferPointer<UInt8>) {
        let n = p.count
        let o = room(n)
        if n > 0 { ModelJSONWriter.copy(UnsafeRawPointer(p.baseAddress!), to: UnsafeMutableRawPointer(o), n) }
        count += n
    }

    /// Writes `s` quoted, with `JSONEncoder`'s escapes.
    @inline(__always) mutating func string(_ s: String) {
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { quoted($0) }
        if done == nil {
            var s = s
            s.withUTF8 { quoted($0) }
        }
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `w` is below 0x20, a quote or a backslash (bytes from 0x80 never count).
    @inline(__always) static func needsEscape(_ w: UInt64) -> Bool {
        let control = (w &- 0x20 &* ones) & ~w
        let q = w ^ (0x22 &* ones)
        let quote = (q &- ones) & ~q
        let b = w ^ (0x5C &* ones)
        let backslash = (b &- ones) & ~b
        return (control | quote | backslash) & highs != 0
    }

    /// Copies UTF-8 `p` quoted: eight bytes at a time while none needs an escape, then byte by byte.
    @inline(__always) private mutating func quoted(_ p: UnsafeBufferPointer<UInt8>) {
        let n = p.count
        let o = room(n + 2)
        o[0] = 0x22
        var i = 0
        if n > 0 {
            let src = UnsafeRawPointer(p.baseAddress!)
            let dst = UnsafeMutableRawPointer(o + 1)
            while i + 8 <= n {
                let w = src.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if Self.needsEscape(w) { break }
                dst.storeBytes(of: w, toByteOffset: i, as: UInt64.self)
                i += 8
            }
            while i < n {
                let c = p[i]
                if c < 0x20 || c == 0x22 || c == 0x5C { break }
                o[1 + i] = c
                i += 1
            }
        }
        if i == n {
            o[1 + n] = 0x22
            count += n + 2
            return
        }
        count += 1 + i
        escaped(p, from: i)
    }

    private static let hex: StaticString = "0123456789abcdef"

    /// The rest of a string from its first byte that needs an escape, and the closing quote.
    @inline(never) private mutating func escaped(_ p: UnsafeBufferPointer<UInt8>, from start: Int) {
        var runStart = start
        var i = start
        let n = p.count
        while i < n {
            let c = p[i]
            if c >= 0x20 && c != 0x22 && c != 0x5C { i += 1; continue }
            if i > runStart { raw(UnsafeBufferPointer(rebasing: p[runStart..<i])) }
            let o = room(6)
            o[0] = 0x5C
            var len = 2
            switch c {
            case 0x22: o[1] = 0x22
            case 0x5C: o[1] = 0x5C
            case 0x08: o[1] = 0x62
            case 0x0C: o[1] = 0x66
            case 0x0A: o[1] = 0x6E
            case 0x0D: o[1] = 0x72
            case 0x09: o[1] = 0x74
            default:
                o[1] = 0x75; o[2] = 0x30; o[3] = 0x30
                o[4] = Self.hex.utf8Start[Int(c >> 4)]; o[5] = Self.hex.utf8Start[Int(c & 0xF)]
                len = 6
            }
            count += len
            i += 1
            runStart = i
        }
        if n > runStart { raw(UnsafeBufferPointer(rebasing: p[runStart..<n])) }
        byte(0x22)
    }
}
