/// A ``SegmentSink`` that writes segment bytes straight into a byte array with given delimiters: no
/// ``Segment`` or ``Element`` is built. ``X12Writer/encodeSegments(_:)`` hands one out over its own buffer.
///
/// The bytes equal ``Segment/bytes(delimiters:trimTrailing:)`` (trailing empty elements and components
/// dropped) followed by the suffix.
/// ```swift
/// var e = SegmentEncoder(delimiters: .standard)
/// e.begin("DTP"); e.element("472"); e.element("D8"); e.element("20261125"); e.end()
/// e.bytes   // DTP*472*D8*20261125~
/// ```
public struct SegmentEncoder: SegmentSink {
    /// The bytes written.
    public var bytes: [UInt8]
    /// The delimiters.
    public let delimiters: Delimiters
    /// Segments ended so far.
    public private(set) var segmentCount = 0

    @usableFromInline let elementSeparator: UInt8
    @usableFromInline let componentSeparator: UInt8
    @usableFromInline let repetitionSeparator: UInt8
    @usableFromInline let terminator: UInt8
    @usableFromInline let suffix: SegmentSuffix
    /// The end of the last element that holds data (or of the ID): where trailing empty elements are cut.
    @usableFromInline var keepEnd = 0
    /// The end of the last kept component of the open repetition.
    @usableFromInline var componentKeepEnd = 0
    @usableFromInline var componentIndex = 0
    @usableFromInline var componentStart = 0
    @usableFromInline var elementHasData = false

    /// An encoder that appends to `bytes`, with `suffix` after each terminator.
    public init(bytes: [UInt8] = [], delimiters: Delimiters, suffix: SegmentSuffix = .none) {
        self.bytes = bytes
        self.delimiters = delimiters
        self.suffix = suffix
        elementSeparator = delimiters.element
        componentSeparator = delimiters.component
        repetitionSeparator = delimiters.repetition ?? delimiters.component
        terminator = delimiters.segment
    }

    @inlinable @inline(__always) mutating func appendUTF8(_ text: String) {
        if text.isEmpty { return }
        var t = text
        t.withUTF8 { bytes.append(contentsOf: $0) }
    }

    @inlinable @inline(__always) mutating func appendDecimal(_ value: Int) {
        if value >= 0 && value < 10 {
            bytes.append(0x30 &+ UInt8(truncatingIfNeeded: value))
            return
        }
        if value < 0 { bytes.append(0x2D) }
        var v = value.magnitude
        var divisor: UInt = 1
        while v / divisor >= 10 { divisor &*= 10 }
        while divisor > 0 {
            bytes.append(0x30 &+ UInt8(truncatingIfNeeded: v / divisor))
            v %= divisor
            divisor /= 10
        }
    }

    public mutating func begin(_ id: String) {
        appendUTF8(id)
        keepEnd = bytes.count
    }

    public mutating func element(_ value: String) {
        bytes.append(elementSeparator)
        if !value.isEmpty {
            appendUTF8(value)
            keepEnd = bytes.count
        }
    }

    public mutating func element(_ value: Int) {
        bytes.append(elementSeparator)
        appendDecimal(value)
        keepEnd = bytes.count
    }

    public mutating func emptyElements(_ count: Int) {
        for _ in 0..<count { bytes.append(elementSeparator) }
    }

    public mutating func beginElement() {
        bytes.append(elementSeparator)
        elementHasData = false
        componentIndex = 0
        componentStart = bytes.count
        componentKeepEnd = bytes.count
    }

    /// Marks the open component as holding data when something was appended to it.
    @inlinable @inline(__always) mutating func noteComponentData() {
        if bytes.count > componentStart { elementHasData = true }
    }

    public mutating func append(_ text: String) { appendUTF8(text) }

    public mutating func append(_ value: Int) { appendDecimal(value) }

    public mutating func appendDate(year: Int, month: Int, day: Int) {
        let y = year.magnitude
        if year < 0 || y > 9999 { appendDecimal(year) } else {
            bytes.append(0x30 &+ UInt8(truncatingIfNeeded: y / 1000))
            bytes.append(0x30 &+ UInt8(truncatingIfNeeded: y / 100 % 10))
            bytes.append(0x30 &+ UInt8(truncatingIfNeeded: y / 10 % 10))
            bytes.append(0x30 &+ UInt8(truncatingIfNeeded: y % 10))
        }
        twoDigits(month)
        twoDigits(day)
    }

    @inlinable @inline(__always) mutating func twoDigits(_ v: Int) {
        if v >= 0 && v < 100 {
            bytes.append(0x30 &+ UInt8(truncatingIfNeeded: v / 10))
            bytes.append(0x30 &+ UInt8(truncatingIfNeeded: v % 10))
        } else {
            appendDecimal(v)
        }
    }

    public mutating func appendBytes(_ body: (inout [UInt8]) -> Void) { body(&bytes) }

    /// Closes the open component: it is kept when it is the first one or holds data.
    @inlinable @inline(__always) mutating func closeComponent() {
        if bytes.count > componentStart {
            elementHasData = true
            componentKeepEnd = bytes.count
        } else if componentIndex == 0 {
            componentKeepEnd = bytes.count
        }
    }

    /// Closes the open repetition, dropping its trailing empty components.
    @inlinable @inline(__always) mutating func closeRepetition() {
        closeComponent()
        if bytes.count > componentKeepEnd { bytes.removeLast(bytes.count - componentKeepEnd) }
    }

    public mutating func nextComponent() {
        closeComponent()
        bytes.append(componentSeparator)
        componentIndex += 1
        componentStart = bytes.count
    }

    public mutating func nextRepetition() {
        closeRepetition()
        bytes.append(repetitionSeparator)
        componentIndex = 0
        componentStart = bytes.count
        componentKeepEnd = bytes.count
    }

    public mutating func endElement() {
        closeRepetition()
        if elementHasData { keepEnd = bytes.count }
    }

    public mutating func end() {
        if bytes.count > keepEnd { bytes.removeLast(bytes.count - keepEnd) }
        bytes.append(terminator)
        switch suffix {
        case .none: break
        case .lf: bytes.append(0x0A)
        case .crlf: bytes.append(0x0D); bytes.append(0x0A)
        case .cr: bytes.append(0x0D)
        }
        segmentCount += 1
    }
}
