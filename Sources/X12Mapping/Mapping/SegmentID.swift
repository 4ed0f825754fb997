/// A segment ID (`NM1`, `EB`, …) packed into an integer: its bytes in order (the first in the low byte), up to
/// four, so that comparing IDs compares one `UInt32` and no `String` is made per segment.
///
/// IDs are 2 or 3 bytes in X12; a longer ID keeps its first four bytes, which never equal a known 2- or 3-byte ID.
struct SegmentID: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The packed bytes.
    let raw: UInt32

    init(raw: UInt32) { self.raw = raw }

    /// Packs the bytes of an ID.
    @inline(__always) init(bytes: UnsafeRawBufferPointer) {
        var k: UInt32 = 0
        for i in 0..<min(bytes.count, 4) { k |= UInt32(bytes[i]) << (UInt32(i) * 8) }
        raw = k
    }

    /// Packs an ID written in the code.
    init(_ id: String) {
        var k: UInt32 = 0
        for (i, b) in id.utf8.prefix(4).enumerated() { k |= UInt32(b) << (UInt32(i) * 8) }
        raw = k
    }

    @inline(__always) init(stringLiteral value: StaticString) {
        var k: UInt32 = 0
        let p = value.utf8Start
        for i in 0..<min(value.utf8CodeUnitCount, 4) { k |= UInt32(p[i]) << (UInt32(i) * 8) }
        raw = k
    }

    /// The ID as text (for messages; at most its first four bytes).
    var description: String {
        var bytes: [UInt8] = []
        var k = raw
        while k != 0 {
            bytes.append(UInt8(truncatingIfNeeded: k))
            k >>= 8
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
