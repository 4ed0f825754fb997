#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A segment as it sits in the reader's buffer: no copy, no allocation.
///
/// A view is valid only until the reader moves on (the next call to `next()`); keep what you need
/// with ``copy()`` or ``ElementView/string``. Element positions are 1-based, as in X12: for
/// `NM1*IL*1*DOE`, `element(1)` is `IL` and `element(0)` is the segment ID.
public struct SegmentView {
    /// The segment's bytes, from the segment ID up to (not including) the terminator.
    public let bytes: UnsafeRawBufferPointer
    /// The delimiters in force for this segment.
    public let delimiters: Delimiters

    /// Wraps the bytes of one segment (without its terminator).
    @inlinable
    public init(bytes: UnsafeRawBufferPointer, delimiters: Delimiters) {
        self.bytes = bytes
        self.delimiters = delimiters
    }

    /// The segment ID: the bytes before the first element separator.
    @inlinable
    public var idBytes: UnsafeRawBufferPointer {
        let sep = delimiters.element
        let n = bytes.count
        guard let base = bytes.baseAddress else { return bytes }
        var i = 0
        while i < n, base.load(fromByteOffset: i, as: UInt8.self) != sep { i += 1 }
        return UnsafeRawBufferPointer(start: base, count: i)
    }

    /// The segment ID as a string (allocates only past 15 bytes).
    public var id: String { String(decoding: idBytes, as: UTF8.self) }

    /// `true` when the segment ID equals `tag` (an ASCII literal such as `"NM1"`).
    @inlinable
    public func hasID(_ tag: StaticString) -> Bool {
        let k = tag.utf8CodeUnitCount
        guard bytes.count >= k, let base = bytes.baseAddress else { return k == 0 && bytes.count == 0 }
        if bytes.count > k && base.load(fromByteOffset: k, as: UInt8.self) != delimiters.element { return false }
        let p = tag.utf8Start
        for i in 0..<k where base.load(fromByteOffset: i, as: UInt8.self) != p[i] { return false }
        return true
    }

    /// The number of elements after the segment ID, trailing empty ones included.
    @inlinable
    public var elementCount: Int {
        let sep = delimiters.element
        var n = 0
        for b in bytes where b == sep { n += 1 }
        return n
    }

    /// The element at `position` (1-based); position 0 is the segment ID. Past the end, an empty element.
    @inlinable
    public func element(_ position: Int) -> ElementView {
        let sep = delimiters.element
        let n = bytes.count
        guard let base = bytes.baseAddress, position >= 0 else {
            return ElementView(bytes: UnsafeRawBufferPointer(start: nil, count: 0), delimiters: delimiters)
        }
        var start = 0
        var index = 0
        var i = 0
        while i < n {
            if base.load(fromByteOffset: i, as: UInt8.self) == sep {
                if index == position {
                    return ElementView(bytes: UnsafeRawBufferPointer(start: base + start, count: i - start), delimiters: delimiters)
                }
                index += 1
                start = i + 1
            }
            i += 1
        }
        if index == position {
            return ElementView(bytes: UnsafeRawBufferPointer(start: base + start, count: n - start), delimiters: delimiters)
        }
        return ElementView(bytes: UnsafeRawBufferPointer(start: nil, count: 0), delimiters: delimiters)
    }

    /// Calls `body` with each element after the segment ID, in order, with its 1-based position.
    @inlinable
    public func forEachElement(_ body: (Int, ElementView) throws -> Void) rethrows {
        let sep = delimiters.element
        var index = 0
        var start = 0
        let n = bytes.count
        var i = 0
        while i < n {
            if bytes[i] == sep {
                if index > 0 {
                    try body(index, ElementView(bytes: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), delimiters: delimiters))
                }
                index += 1
                start = i + 1
            }
            i += 1
        }
        if index > 0 {
            try body(index, ElementView(bytes: UnsafeRawBufferPointer(rebasing: bytes[start..<n]), delimiters: delimiters))
        }
    }

    /// An owned copy that outlives the reader's buffer.
    public func copy() -> Segment { Segment(view: self) }

    /// The segment as text with its own delimiters, without the terminator (for messages and debugging).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// One element of a ``SegmentView``: a simple value, a composite, or repetitions of either.
public struct ElementView {
    /// The element's bytes, without the separators around it.
    public let bytes: UnsafeRawBufferPointer
    /// The delimiters in force.
    public let delimiters: Delimiters

    /// Wraps an element's bytes.
    @inlinable
    public init(bytes: UnsafeRawBufferPointer, delimiters: Delimiters) {
        self.bytes = bytes
        self.delimiters = delimiters
    }

    /// `true` when the element is empty (not sent).
    @inlinable public var isEmpty: Bool { bytes.count == 0 }

    /// The element's text, separators inside it included.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// `true` when the element's bytes equal the ASCII literal `value`.
    @inlinable
    public func equals(_ value: StaticString) -> Bool {
        guard bytes.count == value.utf8CodeUnitCount else { return false }
        guard let base = bytes.baseAddress else { return true }
        let p = value.utf8Start
        for i in 0..<bytes.count where base.load(fromByteOffset: i, as: UInt8.self) != p[i] { return false }
        return true
    }

    /// `true` when the element's bytes equal `value`'s UTF-8.
    public func equals(_ value: String) -> Bool {
        var v = value
        return v.withUTF8 { u in
            u.count == bytes.count && (u.count == 0 || memcmp(u.baseAddress!, bytes.baseAddress!, u.count) == 0)
        }
    }

    /// The repetitions (split on the repetition separator; one when there is none).
    public var repetitions: [ElementView] {
        guard let rep = delimiters.repetition else { return [self] }
        return split(on: rep).map { ElementView(bytes: $0, delimiters: delimiters) }
    }

    /// The components of this element (split on the component separator), repetitions not split.
    public var components: [ElementView] {
        split(on: delimiters.component).map { ElementView(bytes: $0, delimiters: delimiters) }
    }

    /// The component at `position` (1-based), or an empty view past the end.
    @inlinable
    public func component(_ position: Int) -> ElementView {
        let sep = delimiters.component
        var index = 1
        var start = 0
        let n = bytes.count
        var i = 0
        while i < n {
            if bytes[i] == sep {
                if index == position {
                    return ElementView(bytes: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), delimiters: delimiters)
                }
                index += 1
                start = i + 1
            }
            i += 1
        }
        if index == position {
            return ElementView(bytes: UnsafeRawBufferPointer(rebasing: bytes[start..<n]), delimiters: delimiters)
        }
        return ElementView(bytes: UnsafeRawBufferPointer(start: nil, count: 0), delimiters: delimiters)
    }

    /// `true` when the byte `b` occurs in the element.
    @inlinable
    public func contains(_ b: UInt8) -> Bool {
        for x in bytes where x == b { return true }
        return false
    }

    private func split(on sep: UInt8) -> [UnsafeRawBufferPointer] {
        var parts: [UnsafeRawBufferPointer] = []
        var start = 0
        for i in 0..<bytes.count where bytes[i] == sep {
            parts.append(UnsafeRawBufferPointer(rebasing: bytes[start..<i]))
            start = i + 1
        }
        parts.append(UnsafeRawBufferPointer(rebasing: bytes[start..<bytes.count]))
        return parts
    }
}
