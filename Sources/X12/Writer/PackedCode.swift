/// A short value (a qualifier or code of 1 to 8 bytes: `D8`, `IND`, `472`) packed into one integer, so that a
/// ``SegmentEncoder`` writes it with one store instead of copying a `String`.
///
/// The first byte is the lowest byte of ``bits``. A string literal is packed at compile time where the optimizer can
/// see it (`let d8: PackedCode = "D8"`).
/// ```swift
/// e.begin("DTP"); e.element("472" as PackedCode); e.element("D8" as PackedCode); e.element("20261125"); e.end()
/// let code = PackedCode(qualifier)   // from a String: nil when longer than 8 bytes
/// ```
/// (`PackedCode("D8")` with a literal is the literal form, not the failable initializer.)
@frozen public struct PackedCode: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The bytes, first byte lowest; bytes past ``count`` are zero.
    public let bits: UInt64
    /// The number of bytes, 0 to 8.
    public let count: Int

    /// A code from its bytes (first byte lowest) and length.
    @inlinable public init(bits: UInt64, count: Int) {
        self.bits = bits
        self.count = count
    }

    /// The code of a `String` of at most 8 UTF-8 bytes; `nil` for a longer one.
    @inlinable public init?(_ text: String) {
        var b: UInt64 = 0
        var n = 0
        for byte in text.utf8 {
            if n == 8 { return nil }
            b |= UInt64(byte) << (8 * UInt64(n))
            n += 1
        }
        bits = b
        count = n
    }

    /// A literal of at most 8 bytes (a longer literal stops the program: it is a programming error).
    @inlinable @inline(__always) public init(stringLiteral value: StaticString) {
        precondition(value.utf8CodeUnitCount <= 8, "a PackedCode holds at most 8 bytes")
        var b: UInt64 = 0
        let p = value.utf8Start
        for i in 0..<value.utf8CodeUnitCount { b |= UInt64(p[i]) << (8 * UInt64(i)) }
        bits = b
        count = value.utf8CodeUnitCount
    }

    /// The code as text.
    public var string: String {
        var b = bits
        return withUnsafeBytes(of: &b) { String(decoding: UnsafeRawBufferPointer(rebasing: $0[0..<count]), as: UTF8.self) }
    }

    /// The code as text (``string``).
    public var description: String { string }
}
