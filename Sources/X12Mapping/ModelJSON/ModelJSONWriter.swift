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
/// byte needs an escape — a small string (up to 15 UTF-8 bytes, held in the `String` value itself) as its two
/// words, a native one from its storage (see ``StringBytes``); dates and numbers use a table of digit pairs.
///
/// A generated writer makes room once for a run of keys and simple values (``reserve(_:)``, with the most bytes
/// they can take) and writes them with `reserved: true`: no capacity check per key and value. A value's slow path
/// (a long or escaped string, an odd date or decimal) checks for itself and keeps the rest of the reservation
/// (``keepReserve(from:budget:)``).
struct ModelJSONWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written.
    private(set) var count = 0
    /// Whether ``StringBytes`` and ``DecimalText`` read values as they expect (checked once, kept here so that
    /// a value does not go through the lazy global's check).
    private let stringsFromBits: Bool
    private let decimalsFromBits: Bool
    /// The end (a byte count) of the room made by the last ``reserve(_:)``: `reserved: true` writes stay below it
    /// (an `assert` in debug builds).
    private var reservedEnd = 0

    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        stringsFromBits = StringBytes.layoutHolds
        decimalsFromBits = DecimalText.layoutHolds
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
        if count &+ n > capacity { grow(count &+ n) }
        return base + count
    }

    /// Makes room for `n` more bytes at once: the `reserved: true` writes that follow, up to `n` bytes in all
    /// (each at most its budget: see the generator's `BUDGET`), skip the capacity check.
    @inline(__always) mutating func reserve(_ n: Int) {
        let end = count &+ n
        if end > capacity { grow(end) }
        reservedEnd = end
    }

    /// Where the next `n` bytes go: in the room made by ``reserve(_:)`` (`reserved`), else through ``room(_:)``.
    @inline(__always) mutating func room(_ n: Int, reserved: Bool) -> UnsafeMutablePointer<UInt8> {
        guard reserved else { return room(n) }
        assert(count + n <= reservedEnd && reservedEnd <= capacity, "a reserved write past the room made for it")
        return base + count
    }

    /// After a slow path that began at `start` and may have written more than the `budget` its value had in the
    /// reservation: moves the reservation's end up by the excess (growing the buffer to it), so that the writes
    /// after it still have their room.
    @inline(never) private mutating func keepReserve(from start: Int, budget: Int) {
        let excess = count - start - budget
        guard excess > 0, reservedEnd > start else { return }
        reservedEnd += excess
        if reservedEnd > capacity { grow(reservedEnd) }
    }

    /// Counts `n` bytes written at ``room(_:)``'s pointer.
    @inline(__always) mutating func advance(_ n: Int) { count &+= n }

    @inline(never) private mutating func grow(_ needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        p.update(from: base, count: count)
        base.deallocate()
        base = p
        capacity = c
    }

    @inline(__always) mutating func byte(_ b: UInt8, reserved: Bool = false) {
        room(1, reserved: reserved).pointee = b
        count &+= 1
    }

    /// Appends a literal run (a key with its quotes, colon and comma, an enumeration's quoted raw value).
    /// Runs up to 32 bytes are copied with overlapping 8-byte moves, no `memcpy` call.
    @inline(__always) mutating func literal(_ s: StaticString, reserved: Bool = false) {
        let n = s.utf8CodeUnitCount
        let p = room(n, reserved: reserved)
        ModelJSONWriter.copy(UnsafeRawPointer(s.utf8Start), to: UnsafeMutableRawPointer(p), n)
        count &+= n
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
    @inline(__always) mutating func open(reserved: Bool = false) { byte(0x7B, reserved: reserved) }

    /// Ends an object.
    @inline(__always) mutating func close() { byte(0x7D) }

    /// Writes `"name":` (given whole, with quotes and colon), after a comma unless it is the object's first key.
    @inline(__always) mutating func key(_ quotedWithColon: StaticString, reserved: Bool = false) {
        if count != 0 && base[count - 1] != 0x7B { byte(0x2C, reserved: reserved) }
        literal(quotedWithColon, reserved: reserved)
    }

    mutating func bool(_ b: Bool, reserved: Bool = false) {
        if b { literal("true", reserved: reserved) } else { literal("false", reserved: reserved) }
    }

    /// At most 20 bytes (a sign and 19 digits).
    mutating func int(_ v: Int, reserved: Bool = false) {
        if v < 0 { byte(0x2D, reserved: reserved) }
        uint(UInt64(v.magnitude), reserved: reserved)
    }

    mutating func uint(_ v: UInt64, reserved: Bool = false) {
        if v < 10 {
            byte(0x30 &+ UInt8(truncatingIfNeeded: v), reserved: reserved)
            return
        }
        var digits = 2   // v >= 10: compared, not divided
        var power: UInt64 = 100
        while digits < 20 && v >= power {
            digits += 1
            power &*= 10   // wraps only after the 20th digit, when the loop ends
        }
        let p = room(digits, reserved: reserved)
        DigitPairs.digits(v, p, digits)
        count &+= digits
    }

    /// 12 bytes, or more for a year beyond 0…9999 (then the rest of a reservation is kept).
    @inline(__always) mutating func date(_ d: CalendarDate, reserved: Bool = false) {
        let y = d.year, m = d.month, day = d.day
        guard UInt(bitPattern: y) <= 9999 && UInt(bitPattern: m &- 1) < 99 && UInt(bitPattern: day &- 1) < 99 else {
            oddDate(d, reserved: reserved)
            return
        }
        let p = room(12, reserved: reserved)
        let h = y / 100
        p[0] = 0x22
        DigitPairs.pair(h, p + 1)
        DigitPairs.pair(y &- h &* 100, p + 3)
        p[5] = 0x2D
        DigitPairs.pair(m, p + 6)
        p[8] = 0x2D
        DigitPairs.pair(day, p + 9)
        p[11] = 0x22
        count &+= 12
    }

    /// A date ``date(_:reserved:)`` does not format: its `description`, quoted.
    @inline(never) private mutating func oddDate(_ d: CalendarDate, reserved: Bool) {
        let start = count
        string(d.description)
        if reserved { keepReserve(from: start, budget: 12) }
    }

    /// At most ``DecimalText/maxLength`` bytes, or more for a value the fast path leaves (then the rest of a
    /// reservation is kept).
    mutating func decimal(_ d: Decimal, reserved: Bool = false) {
        let p = room(DecimalText.maxLength, reserved: reserved)
        let n = decimalsFromBits ? DecimalText.write(d, to: p, layoutChecked: true) : -1
        if n >= 0 {
            count &+= n
            return
        }
        let start = count
        var text = d.description   // the values the fast path leaves (NaN, more than 18 digits)
        text.withUTF8 { raw($0) }
        if reserved { keepReserve(from: start, budget: DecimalText.maxLength) }
    }

    @inline(__always) private mutating func raw(_ p: UnsafeBufferPointer<UInt8>) {
        let n = p.count
        let o = room(n)
        if n > 0 { ModelJSONWriter.copy(UnsafeRawPointer(p.baseAddress!), to: UnsafeMutableRawPointer(o), n) }
        count &+= n
    }

    /// Writes `s` quoted, with `JSONEncoder`'s escapes: a small string without escapes from its two words here,
    /// any other through ``other(_:)``.
    @inline(__always) mutating func string(_ s: String) {
        let (lo, hi) = StringBytes.words(s)
        if stringsFromBits && StringBytes.isSmall(hi) && small(lo, hi) { return }
        other(s)
    }

    /// Writes the string at `p` (a field, read in place): a small string without escapes from its two words, read
    /// as integers (no `String` value is loaded, so none is retained around the buffer's growth), inlined at each
    /// field; any other through ``other(_:)``.
    /// With `reserved`, 17 bytes of the reservation are used at most; a string the fast path leaves keeps the
    /// rest of it.
    @inline(__always) mutating func string(at p: UnsafePointer<String>, reserved: Bool = false) {
        let raw = UnsafeRawPointer(p)
        let hi = raw.load(fromByteOffset: 8, as: UInt64.self)
        if stringsFromBits && StringBytes.isSmall(hi) && small(raw.load(as: UInt64.self), hi, reserved: reserved) {
            return
        }
        if reserved { otherKeepingReserve(p.pointee) } else { other(p.pointee) }
    }

    /// ``other(_:)`` within a reservation in which the string had 17 bytes.
    @inline(never) private mutating func otherKeepingReserve(_ s: String) {
        let start = count
        other(s)
        keepReserve(from: start, budget: 17)
    }

    /// A string that is not small or needs escapes: a native one from its storage (``StringBytes``), any other
    /// through `utf8`.
    @inline(never) private mutating func other(_ s: String) {
        if stringsFromBits {
            let (lo, hi) = StringBytes.words(s)
            if !StringBytes.isSmall(hi), let b = StringBytes.storage(lo, hi) {
                quoted(b)
                return
            }
        }
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { quoted($0) }
        if done == nil {
            var s = s
            s.withUTF8 { quoted($0) }
        }
    }

    /// A small string's bytes (`lo` then `hi`, count in `hi`'s top byte) quoted as two word stores, when none of
    /// them needs an escape; false (nothing written) otherwise.
    @inline(__always) private mutating func small(_ lo: UInt64, _ hi: UInt64, reserved: Bool = false) -> Bool {
        let n = StringBytes.smallCount(hi)
        // only the string's bytes are tested (a flag in a byte past them never hides one in a byte before)
        if n > 8 {
            let valid1 = (1 &<< UInt64(truncatingIfNeeded: 8 &* (n &- 8))) &- 1
            guard Self.escapes(lo) | Self.escapes(hi) & valid1 == 0 else { return false }
        } else {
            let valid0 = n == 8 ? ~0 : (1 &<< UInt64(truncatingIfNeeded: 8 &* n)) &- 1
            guard Self.escapes(lo) & valid0 == 0 else { return false }
        }
        let o = room(17, reserved: reserved)   // the quote, two words, the closing quote within them
        o[0] = 0x22
        let d = UnsafeMutableRawPointer(o + 1)
        d.storeBytes(of: lo, as: UInt64.self)
        d.storeBytes(of: hi, toByteOffset: 8, as: UInt64.self)
        o[1 &+ n] = 0x22
        count &+= n &+ 2
        return true
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `w` is below 0x20, a quote or a backslash (bytes from 0x80 never count).
    @inline(__always) static func needsEscape(_ w: UInt64) -> Bool { escapes(w) != 0 }

    /// The high bit of each byte of `w` that is below 0x20, a quote or a backslash, and possibly of bytes above
    /// (in memory order) the first such byte (a borrow runs upwards), never of a byte below it. A byte below 0x20
    /// or a quote is one whose value XOR 0x02 is below 0x21 (0x22 becomes 0x20; 0x20 and 0x21 become 0x22 and
    /// 0x23), so two tests cover the three classes.
    @inline(__always) static func escapes(_ w: UInt64) -> UInt64 {
        let c = w ^ (0x02 &* ones)
        let controlOrQuote = (c &- 0x21 &* ones) & ~c
        let b = w ^ (0x5C &* ones)
        let backslash = (b &- ones) & ~b
        return (controlOrQuote | backslash) & highs
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
            if i < n && i == n & ~7 && n >= 8 {
                // the last 1–7 bytes as the word ending the string: its first bytes are clean (tested above), so
                // a flag can only come from the new ones
                let w = src.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
                if !Self.needsEscape(w) {
                    dst.storeBytes(of: w, toByteOffset: n - 8, as: UInt64.self)
                    i = n
                }
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
