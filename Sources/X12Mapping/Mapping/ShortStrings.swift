import X12

/// A small direct-mapped cache of the `String`s made from short values (1 to 15 bytes) of a
/// ``TransactionBuffer``: codes, qualifiers, names and identifiers that come again and again in a file are made
/// (and their UTF-8 checked) once, then copied from here — a small `String` holds its bytes inline, so a copy
/// is two words.
///
/// A value is keyed by all its bytes and its length, so a hit gives exactly what `String(decoding:as:)` gives
/// for those bytes. The table belongs to its buffer (``TransactionBuffer`` frees it); ``RawElement``s carry
/// this unowned handle.
struct ShortStrings {
    /// One cached value: its bytes packed in two little-endian words (the length + 1 in the top byte of the
    /// second, so that an unused entry, all zero, matches nothing) and its `String`.
    struct Entry {
        var low: UInt64
        var high: UInt64
        var string: String
        /// `[string]`, made the first time a one-value list of it is asked for (lists are values: sharing one
        /// buffer between the models that hold it is safe, and saves an allocation and a free each).
        var list: [String]?
    }

    /// The number of entries (a power of two).
    static let size = 512

    let entries: UnsafeMutablePointer<Entry>

    /// A new, empty table (free it with ``deallocate()``). One more entry after the table holds, in its `low`
    /// and `high` words, whether ``SmallASCIIString`` and ``RawDecimal`` may be used (read there on every call:
    /// a global would cost a `swift_once` call each time).
    static func allocate() -> ShortStrings {
        let p = UnsafeMutablePointer<Entry>.allocate(capacity: size + 1)
        p.initialize(repeating: Entry(low: 0, high: 0, string: "", list: nil), count: size)
        (p + size).initialize(to: Entry(low: SmallASCIIString.layoutHolds ? 1 : 0, high: RawDecimal.layoutHolds ? 1 : 0,
                                        string: "", list: nil))
        return ShortStrings(entries: p)
    }

    func deallocate() {
        entries.deinitialize(count: Self.size + 1)
        entries.deallocate()
    }

    /// Whether short ASCII values are made in place (``SmallASCIIString/layoutHolds``, kept after the table).
    @inline(__always) var makesSmallASCII: Bool { entries[Self.size].low != 0 }

    /// Whether numbers are built by ``RawDecimal`` (``RawDecimal/layoutHolds``, kept after the table).
    @inline(__always) var makesRawDecimals: Bool { entries[Self.size].high != 0 }

    /// The `String` of `b` (as `String(decoding: b, as: UTF8.self)`). Memory up to 8 bytes past the end of `b`
    /// (and 16 past its start) is read and masked off: the transaction buffer keeps 8 spare bytes.
    ///
    /// Up to 15 ASCII bytes are made in place (``SmallASCIIString``: no table, no call); other short values come
    /// from the table.
    @inline(__always) func string(_ b: UnsafeRawBufferPointer) -> String {
        let n = b.count
        guard n > 0, n < 16, let p = b.baseAddress else { return n == 0 ? "" : String(decoding: b, as: UTF8.self) }
        let (low, high) = Self.words(p, n)
        if SmallASCIIString.isASCII(low, high) && makesSmallASCII {
            return SmallASCIIString.make(low: low, high: high, count: n)
        }
        return entry(low, high, n, b).pointee.string
    }

    /// `[string(b)]`, one list shared by every value that asks for the same bytes while they stay in the table.
    @inline(__always) func list(_ b: UnsafeRawBufferPointer) -> [String] {
        let n = b.count
        guard n > 0, n < 16, let p = b.baseAddress else { return [String(decoding: b, as: UTF8.self)] }
        let (low, high) = Self.words(p, n)
        let e = entry(low, high, n, b)
        if let l = e.pointee.list { return l }
        let l = [e.pointee.string]
        e.pointee.list = l
        return l
    }

    /// The 1 to 15 bytes at `p` in two little-endian words, the bytes past `n` zero.
    @inline(__always) static func words(_ p: UnsafeRawPointer, _ n: Int) -> (UInt64, UInt64) {
        var low = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
        var high: UInt64 = 0
        if n < 8 {
            low &= (UInt64(1) << UInt64(n &* 8)) &- 1
        } else if n > 8 {
            high = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & ((UInt64(1) << UInt64((n &- 8) &* 8)) &- 1)
        }
        return (low, high)
    }

    /// The entry holding the `n` (1 to 15) bytes `b`, packed in `low` and `high` (``words(_:_:)``), filled now if it
    /// held something else.
    @inline(__always) private func entry(_ low: UInt64, _ high: UInt64, _ n: Int, _ b: UnsafeRawBufferPointer) -> UnsafeMutablePointer<Entry> {
        let high = high | UInt64(n + 1) << 56
        let h = (low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xC2B2_AE3D_27D4_EB4F
        let e = entries + Int(truncatingIfNeeded: h >> 55) & (Self.size - 1)
        if e.pointee.low == low && e.pointee.high == high { return e }
        e.pointee = Entry(low: low, high: high, string: String(decoding: b, as: UTF8.self), list: nil)
        return e
    }
}
