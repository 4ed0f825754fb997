/// Packs a value of up to seven bytes into a `UInt64`: byte `i` in bits `8i…8i+7`, the length in the top byte.
/// Tags (``SegmentSpec/key(_:)``), code lists (``CodeLookup``) and HL levels compare values this way.
///
/// Reads at most two overlapping words instead of a loop over the bytes: the bytes both words hold land on the
/// same bits, so OR-ing them gives the same key as packing byte by byte.
enum PackedKey {
    /// The key of `b` (`b.count` must be at most 7).
    @inline(__always)
    static func pack(_ b: UnsafeRawBufferPointer) -> UInt64 {
        let n = b.count
        let length = UInt64(n) << 56
        guard let p = b.baseAddress else { return length }
        switch n {
        case 4...7:
            let lo = UInt64(UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)))
            let hi = UInt64(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)))
            return length | lo | hi << (8 * UInt64(n - 4))
        case 2, 3:
            let lo = UInt64(UInt16(littleEndian: p.loadUnaligned(as: UInt16.self)))
            let hi = UInt64(UInt16(littleEndian: p.loadUnaligned(fromByteOffset: n - 2, as: UInt16.self)))
            return length | lo | hi << (8 * UInt64(n - 2))
        case 1:
            return length | UInt64(p.load(as: UInt8.self))
        default:
            return length
        }
    }
}
