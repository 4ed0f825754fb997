import AuthModel
import Foundation

/// A cursor over the bytes of one model JSON line: the generated `readJSON` functions read their values straight
/// from it, in one pass (no tree, no node table). Objects match their keys as packed words (``ModelJSONKeys``),
/// expecting the writer's order and accepting any.
///
/// Strict: anything it does not handle (bad JSON, an escaped key, a duplicate key, a wrong type, a number that is
/// not plain for an `Int`, nesting deeper than 512) throws ``Failure``, and the caller asks `JSONDecoder`. So it
/// never accepts what `JSONDecoder` rejects, and gives the same values for what both accept.
///
/// The bytes must stay readable ``padding`` bytes past `count`, and the byte at `count` must be below 0x20 (a
/// newline or a zero): names are compared as whole words, and string scans stop there.
/// ``ModelJSONByteDecoder`` and ``ModelJSONLinesReader`` keep their lines in such buffers.
struct ModelJSONReader {
    /// The fast path gave up; `JSONDecoder` decides.
    struct Failure: Error {}

    /// The readable bytes past the end that the reader may load (whole words of a name's pattern).
    static let padding = 64

    let base: UnsafePointer<UInt8>
    let count: Int
    /// The position of the next byte to read.
    var i = 0

    /// A reader over `count` bytes at `base` (see the type's padding rule).
    init(_ base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    @inline(__always) private func word(_ at: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
    }

    // MARK: Structure

    /// Skips JSON whitespace.
    @inline(__always) mutating func space() {
        if _fastPath(base[i] > 0x20) { return }   // the byte at `count` is readable (below 0x20)
        while i < count {
            let c = base[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    /// The end of the text: only whitespace may follow the value.
    mutating func finish() throws(Failure) {
        space()
        guard i == count else { throw Failure() }
    }

    /// `{`: `false` for an empty object (its `}` is read too), `true` when a key follows.
    @inline(__always) mutating func beginObject() throws(Failure) -> Bool { try begin(0x7B, 0x7D) }

    /// After an object's value: `,` (`true`: another key follows) or `}` (`false`).
    @inline(__always) mutating func nextEntry() throws(Failure) -> Bool { try next(0x7D) }

    /// `[`: `false` for an empty array (its `]` is read too), `true` when a value follows.
    @inline(__always) mutating func beginArray() throws(Failure) -> Bool { try begin(0x5B, 0x5D) }

    /// After an array's value: `,` (`true`: another value follows) or `]` (`false`).
    @inline(__always) mutating func nextItem() throws(Failure) -> Bool { try next(0x5D) }

    /// The container's `open` byte: `false` when `close` follows at once (read too).
    @inline(__always) private mutating func begin(_ open: UInt8, _ close: UInt8) throws(Failure) -> Bool {
        guard i < count, base[i] == open else { throw Failure() }
        i += 1
        space()
        guard i < count else { throw Failure() }
        if base[i] == close {
            i += 1
            return false
        }
        return true
    }

    /// After a container's member: `,` (`true`) or the container's `close` byte (`false`).
    @inline(__always) private mutating func next(_ close: UInt8) throws(Failure) -> Bool {
        space()
        guard i < count else { throw Failure() }
        let c = base[i]
        i += 1
        if c == 0x2C {
            space()
            return true
        }
        if c == close { return false }
        throw Failure()
    }

    /// A key and its colon: the index of the name in `keys`, trying `expected` first (the writer's order), or -1
    /// for an unknown key (its value is then to be skipped). An escaped key throws (`JSONDecoder` decides).
    @inline(__always) mutating func key(_ keys: ModelJSONKeys, expected: Int) throws(Failure) -> Int {
        guard i < count, base[i] == 0x22 else { throw Failure() }
        let p = UnsafeRawPointer(base + i + 1)
        var f: Int
        if expected < keys.count && keys.matches(p, expected) {
            f = expected
            i += keys.length(f) + 2
        } else {
            f = try otherKey(keys, after: expected)
        }
        if _fastPath(base[i] == 0x3A) {
            i += 1
        } else {
            space()
            guard i < count, base[i] == 0x3A else { throw Failure() }
            i += 1
        }
        space()
        return f
    }

    /// A key that is not the expected one: one of the three names after it (the writer leaves out absent
    /// optionals), else scanned to its closing quote and looked up.
    private mutating func otherKey(_ keys: ModelJSONKeys, after expected: Int) throws(Failure) -> Int {
        let start = i + 1
        let p = UnsafeRawPointer(base + start)
        var k = expected + 1
        while k < keys.count && k <= expected + 3 {
            if keys.matches(p, k) {
                i += keys.length(k) + 2
                return k
            }
            k += 1
        }
        let end = try plainStringEnd(start)
        guard end >= 0 else { throw Failure() }   // escaped: JSONDecoder decides
        i = end + 1
        let f = keys.lookup(UnsafeRawPointer(base + start), length: end - start)
        if f < 0 { try checkUTF8(start, end) }   // an unknown key is skipped, but must be valid text
        return f
    }

    /// Throws unless the bytes `start..<end` are valid UTF-8 (all ASCII, at once).
    private func checkUTF8(_ start: Int, _ end: Int) throws(Failure) {
        for k in start..<end where base[k] >= 0x80 {
            guard String(validating: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self) != nil else {
                throw Failure()
            }
            return
        }
    }

    /// The closing quote of the string whose bytes start at `start`, or -1 if it holds an escape (a backslash
    /// first). Throws on a control byte or the end of the text.
    @inline(__always) private func plainStringEnd(_ start: Int) throws(Failure) -> Int {
        var j = start
        while true {
            let m = Self.special(word(j))
            if m != 0 {
                j += m.trailingZeroBitCount >> 3
                break
            }
            j += 8
        }
        // the byte at `count` is special, so the scan stopped at or before it
        guard j < count else { throw Failure() }
        let c = base[j]
        if c == 0x22 { return j }
        if c == 0x5C { return -1 }
        throw Failure()
    }

    /// The high bit of each of the eight bytes of `w` (first byte lowest) that is `"`, `\\` or below 0x20;
    /// exact, no false positives.
    @inline(__always) static func special(_ w: UInt64) -> UInt64 {
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let highs: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) func zeroBytes(_ v: UInt64) -> UInt64 { ~(((v & lows) &+ lows) | v) & highs }
        return zeroBytes(w ^ (ones &* 0x22)) | zeroBytes(w ^ (ones &* 0x5C)) | zeroBytes(w & (ones &* 0xE0))
    }

    // MARK: Values

    /// `null` (read), or `false` with nothing read.
    @inline(__always) mutating func null() -> Bool {
        // "null" little-endian; the byte at `count` is below 0x20, so a match lies inside the text
        if UnsafeRawPointer(base + i).loadUnaligned(as: UInt32.self) == UInt32(littleEndian: 0x6C6C_756E) {
            i += 4
            return true
        }
        return false
    }

    /// `[]` (read), or `false` with nothing read: a list field keeps the empty list it starts with, no call.
    @inline(__always) mutating func emptyList() -> Bool {
        // "[]" little-endian; the byte at `count` is below 0x20, so a match lies inside the text
        if UnsafeRawPointer(base + i).loadUnaligned(as: UInt16.self) == UInt16(littleEndian: 0x5D5B) {
            i += 2
            return true
        }
        return false
    }

    /// A string value.
    mutating func string() throws(Failure) -> String {
        guard i < count, base[i] == 0x22 else { throw Failure() }
        let start = i + 1
        var j = start
        var high: UInt64 = 0
        while true {
            let w = word(j)
            let m = Self.special(w)
            if m != 0 {
                let k = m.trailingZeroBitCount >> 3
                if k > 0 { high |= w & (~0 >> UInt64(64 - k * 8)) }
                j += k
                break
            }
            high |= w
            j += 8
        }
        guard j < count else { throw Failure() }
        let c = base[j]
        guard c == 0x22 else {
            if c == 0x5C { return try escapedString(start) }
            throw Failure()
        }
        i = j + 1
        let text = UnsafeBufferPointer(start: base + start, count: j - start)
        if high & 0x8080_8080_8080_8080 == 0 { return String(decoding: text, as: UTF8.self) }   // ASCII
        guard let s = String(validating: text, as: UTF8.self) else { throw Failure() }
        return s
    }

    /// A string with escapes, its bytes from `start`.
    private mutating func escapedString(_ start: Int) throws(Failure) -> String {
        let end = try stringEnd(start)
        i = end + 1
        return try Self.unescape(base, start, end)
    }

    /// The closing quote of a string whose bytes start at `start`, stepping over escapes (checked later).
    private func stringEnd(_ start: Int) throws(Failure) -> Int {
        var j = start
        while j < count {
            let c = base[j]
            if c == 0x22 { return j }
            if c < 0x20 { throw Failure() }
            j += c == 0x5C ? 2 : 1
        }
        throw Failure()
    }

    /// The index of the enumeration value at the cursor in `cases` (read), -1 for an unknown value, or -2 for an
    /// escaped one (nothing read: the caller reads it with ``string()``).
    @inline(__always) mutating func caseIndex(_ cases: ModelJSONKeys) throws(Failure) -> Int {
        guard i < count, base[i] == 0x22 else { throw Failure() }
        let start = i + 1
        let end = try plainStringEnd(start)
        if end < 0 { return -2 }
        i = end + 1
        return cases.lookup(UnsafeRawPointer(base + start), length: end - start)
    }

    /// A plain `"YYYY-MM-DD"` as a date without building a `String`; anything else through `CalendarDate(_:)`.
    mutating func date() throws(Failure) -> CalendarDate {
        // bytes up to i + 11 are readable; the byte at `count` is below 0x20, so a match lies inside the text
        let s = i + 1
        if base[i] == 0x22 && base[s + 10] == 0x22 && base[s + 4] == 0x2D && base[s + 7] == 0x2D {
            @inline(__always) func d(_ k: Int) -> Int { Int(base[s + k]) &- 0x30 }
            let digits = (d(0), d(1), d(2), d(3), d(5), d(6), d(8), d(9))
            if UInt(bitPattern: digits.0) < 10, UInt(bitPattern: digits.1) < 10, UInt(bitPattern: digits.2) < 10,
               UInt(bitPattern: digits.3) < 10, UInt(bitPattern: digits.4) < 10, UInt(bitPattern: digits.5) < 10,
               UInt(bitPattern: digits.6) < 10, UInt(bitPattern: digits.7) < 10,
               let date = CalendarDate(validYear: digits.0 * 1000 + digits.1 * 100 + digits.2 * 10 + digits.3,
                                       month: digits.4 * 10 + digits.5, day: digits.6 * 10 + digits.7) {
                i = s + 11
                return date
            }
        }
        guard let d = CalendarDate(try string()) else { throw Failure() }
        return d
    }

    /// A JSON number's extent (checked against the grammar): its start, and the cursor after it.
    @inline(__always) private mutating func numberText() throws(Failure) -> Int {
        let start = i
        @inline(__always) func digits(_ s: inout ModelJSONReader) -> Int {
            let b = s.i
            while s.i < s.count, s.base[s.i] &- 0x30 < 10 { s.i += 1 }
            return s.i - b
        }
        if i < count && base[i] == 0x2D { i += 1 }
        guard i < count else { throw Failure() }
        if base[i] == 0x30 { i += 1 } else if digits(&self) == 0 { throw Failure() }
        if i < count && base[i] == 0x2E {
            i += 1
            if digits(&self) == 0 { throw Failure() }
        }
        if i < count && (base[i] == 0x65 || base[i] == 0x45) {
            i += 1
            if i < count && (base[i] == 0x2B || base[i] == 0x2D) { i += 1 }
            if digits(&self) == 0 { throw Failure() }
        }
        return start
    }

    /// An integer: plain digits only (a fraction or an exponent throws: `JSONDecoder` decides), at most 18.
    mutating func int() throws(Failure) -> Int {
        var j = try numberText()
        let end = i
        var neg = false
        if base[j] == 0x2D { neg = true; j += 1 }
        guard end - j <= 18 else { throw Failure() }
        var v = 0
        while j < end {
            let c = base[j] &- 0x30
            guard c < 10 else { throw Failure() }
            v = v * 10 + Int(c)
            j += 1
        }
        return neg ? -v : v
    }

    /// A decimal: up to 18 digits with an optional point from the digits; anything longer or with an exponent
    /// through `Decimal(string:)`, as before.
    mutating func decimal() throws(Failure) -> Decimal {
        let start = try numberText()
        let end = i
        var j = start
        var neg = false
        if base[j] == 0x2D { neg = true; j += 1 }
        var m: UInt64 = 0
        var scale = 0
        var digits = 0
        var dot = false
        while j < end {
            let c = base[j]
            if c == 0x2E { dot = true; j += 1; continue }
            guard c &- 0x30 < 10, digits < 18 else {
                let text = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
                guard let d = Decimal(string: text) else { throw Failure() }
                return d
            }
            m = m * 10 + UInt64(c - 0x30)
            digits += 1
            if dot { scale += 1 }
            j += 1
        }
        return Decimal(sign: neg ? .minus : .plus, exponent: -scale, significand: Decimal(m))
    }

    /// `true` or `false`.
    mutating func bool() throws(Failure) -> Bool {
        let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt32.self)
        if w == UInt32(littleEndian: 0x6575_7274) {   // "true"
            i += 4
            return true
        }
        if w == UInt32(littleEndian: 0x736C_6166) && base[i + 4] == 0x65 {   // "fals" "e"
            i += 5
            return false
        }
        throw Failure()
    }

    // MARK: Skipping

    /// Skips a value of any kind (an unknown key's), checking it as `JSONDecoder` would (strings' escapes and
    /// UTF-8 too); more than 512 levels of nesting throw.
    mutating func skipValue(depth: Int = 0) throws(Failure) {
        guard i < count, depth < 512 else { throw Failure() }
        switch base[i] {
        case 0x22: try skipString()
        case 0x7B:
            guard try beginObject() else { return }
            repeat {
                try skipString()
                space()
                guard i < count, base[i] == 0x3A else { throw Failure() }
                i += 1
                space()
                try skipValue(depth: depth + 1)
            } while try nextEntry()
        case 0x5B:
            guard try beginArray() else { return }
            repeat { try skipValue(depth: depth + 1) } while try nextItem()
        case 0x74, 0x66: _ = try bool()
        case 0x6E: guard null() else { throw Failure() }
        default: _ = try numberText()
        }
    }

    /// Skips a string, checking its escapes and its UTF-8.
    private mutating func skipString() throws(Failure) {
        guard i < count, base[i] == 0x22 else { throw Failure() }
        let start = i + 1
        let end = try plainStringEnd(start)
        if end >= 0 {
            i = end + 1
            try checkUTF8(start, end)
        } else {
            _ = try escapedString(start)
        }
    }

    // MARK: Escapes

    private static func hexValue(_ c: UInt8) throws(Failure) -> UInt32 {
        switch c {
        case 0x30...0x39: return UInt32(c - 0x30)
        case 0x41...0x46: return UInt32(c - 0x41 + 10)
        case 0x61...0x66: return UInt32(c - 0x61 + 10)
        default: throw Failure()
        }
    }

    /// The text of the string bytes `start..<end` with their escapes resolved; a bad escape, a lone surrogate or
    /// invalid UTF-8 throws.
    static func unescape(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) throws(Failure) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        func u4(_ at: Int) throws(Failure) -> UInt32 {
            guard at + 4 <= end else { throw Failure() }
            return try Self.hexValue(bytes[at]) << 12 | Self.hexValue(bytes[at + 1]) << 8 | Self.hexValue(bytes[at + 2]) << 4 | Self.hexValue(bytes[at + 3])
        }
        while i < end {
            let c = bytes[i]
            if c != 0x5C { out.append(c); i += 1; continue }
            i += 1
            guard i < end else { throw Failure() }
            switch bytes[i] {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x2F: out.append(0x2F)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try u4(i + 1)
                i += 4
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    guard i + 2 < end, bytes[i + 1] == 0x5C, bytes[i + 2] == 0x75 else { throw Failure() }
                    let low = try u4(i + 3)
                    guard low >= 0xDC00 && low < 0xE000 else { throw Failure() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    throw Failure()
                }
                guard let u = Unicode.Scalar(scalar) else { throw Failure() }
                out.append(contentsOf: String(Character(u)).utf8)
            default: throw Failure()
            }
            i += 1
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw Failure() }
        return s
    }
}
