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

    /// A new, empty table (free it with ``deallocate()``).
    static func allocate() -> ShortStrings {
        let p = UnsafeMutablePointer<Entry>.allocate(capacity: size)
        p.initialize(repeating: Entry(low: 0, high: 0, string: "", list: nil), count: size)
        return ShortStrings(entries: p)
    }

    func deallocate() {
        entries.deinitialize(count: Self.size)
        entries.deallocate()
    }

    /// The `String` of `b` (as `String(decoding: b, as: UTF8.self)`). Memory up to 8 bytes past the end of `b`
    /// (and 16 past its start) is read and masked off: the transaction buffer keeps 8 spare bytes.
    @inline(__always) func string(_ b: UnsafeRawBufferPointer) -> String {
        guard b.count > 0 else { return "" }
        guard let e = entry(b) else { return String(decoding: b, as: UTF8.self) }
        return e.pointee.string
    }

    /// `[string(b)]`, one list shared by every value that asks for the same bytes while they stay in the table.
    @inline(__always) func list(_ b: UnsafeRawBufferPointer) -> [String] {
        guard b.count > 0, let e = entry(b) else { return [String(decoding: b, as: UTF8.self)] }
        if let l = e.pointee.list { return l }
        let l = [e.pointee.string]
        e.pointee.list = l
        return l
    }

    /// The entry holding `b` (1 to 15 bytes), filled now if it held something else; `nil` for longer values.
    @inline(__always) private func entry(_ b: UnsafeRawBufferPointer) -> UnsafeMutablePointer<Entry>? {
        let n = b.count
        guard n < 16, let p = b.baseAddress else { return nil }
        var low = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
        var high: UInt64 = 0
        if n < 8 {
            low &= (UInt64(1) << UInt64(n * 8)) &- 1
        } else {
            high = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & ((UInt64(1) << UInt64((n - 8) * 8)) &- 1)
        }
        high |= UInt64(n + 1) << 56
        let h = (low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xC2B2_AE3D_27D4_EB4F
        let e = entries + Int(truncatingIfNeeded: h >> 55) & (Self.size - 1)
        if e.pointee.low == low && e.pointee.high == high { return e }
        e.pointee = Entry(low: low, high: high, string: String(decoding: b, as: UTF8.self), list: nil)
        return e
    }
}
