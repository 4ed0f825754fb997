import AuthModel
import Foundation

/// One element of a ``RawSegment``: its bytes in the transaction buffer and the component and repetition
/// separators. Gives the same answers as ``X12/Element`` built from the same bytes (`value` is the first
/// component of the first repetition, `component(n)` reads the first repetition), and makes a `String` only
/// when asked for one.
struct RawElement {
    /// The element's bytes (no separators around it).
    let bytes: UnsafeRawBufferPointer
    let componentSeparator: UInt8
    /// The repetition separator, or the component separator when the interchange has none: a plain byte to
    /// compare with (no optional to unwrap on every value read).
    let repetitionOrComponent: UInt8
    /// Whether the interchange has a repetition separator.
    let hasRepetitionSeparator: Bool
    /// The buffer's short-string cache (every `String` made here comes from it).
    let strings: ShortStrings

    /// The repetition separator, or `nil` when the interchange has none.
    @inline(__always) var repetitionSeparator: UInt8? { hasRepetitionSeparator ? repetitionOrComponent : nil }


    /// The first repetition's bytes.
    @inline(__always) var firstRepetition: UnsafeRawBufferPointer {
        guard let r = repetitionSeparator else { return bytes }
        return Self.prefix(bytes, upTo: r)
    }

    @inline(__always) static func prefix(_ b: UnsafeRawBufferPointer, upTo sep: UInt8) -> UnsafeRawBufferPointer {
        for i in 0..<b.count where b[i] == sep { return UnsafeRawBufferPointer(rebasing: b[0..<i]) }
        return b
    }

    /// The bytes of the first component of the first repetition (the value of a simple element).
    @inline(__always) var valueBytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: bytes.baseAddress, count: valueCount)
    }

    /// The length of the value: where the first component or repetition separator is, else the element's length.
    ///
    /// Eight bytes at a time; the last word may read up to seven bytes past the element, which the transaction
    /// buffer always has (the segment's other bytes, or its eight spare bytes), and only a separator before the
    /// element's end counts. `(x - 0x01…) & ~x & 0x80…` marks the zero bytes of `x` (the bytes equal to a
    /// separator) exactly up to the first one — a borrow can only mark bytes above it — and only the first is used.
    @inline(__always) var valueCount: Int {
        let n = bytes.count
        guard n > 0, let p = bytes.baseAddress else { return 0 }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let c = UInt64(componentSeparator) &* ones
        let r = UInt64(repetitionOrComponent) &* ones
        var i = 0
        while true {
            let w = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let x = w ^ c
            let y = w ^ r
            let z = (((x &- ones) & ~x) | ((y &- ones) & ~y)) & highs
            let left = n &- i
            if z != 0 {
                let at = z.trailingZeroBitCount >> 3
                return at < left ? i &+ at : n   // the first separator, or none before the element's end
            }
            if left <= 8 { return n }
            i &+= 8
        }
    }

    /// The value of a simple element: the first component of the first repetition.
    var value: String { strings.string(valueBytes) }

    /// `nil` when the value is empty.
    var optionalValue: String? {
        let b = valueBytes
        return b.isEmpty ? nil : strings.string(b)
    }

    /// `true` when the value (first component of the first repetition) is `s`.
    @inline(__always) func valueIs(_ s: StaticString) -> Bool {
        let b = valueBytes
        guard b.count == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        for i in 0..<b.count where b[i] != p[i] { return false }
        return true
    }

    /// `true` when `b` holds exactly the bytes of `s`.
    @inline(__always) static func equal(_ b: UnsafeRawBufferPointer, _ s: StaticString) -> Bool {
        guard b.count == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        for i in 0..<b.count where b[i] != p[i] { return false }
        return true
    }

    /// The components of the first repetition, in order, one scan in all (``components`` without a `String` each).
    var componentIterator: ComponentIterator { ComponentIterator(bytes: firstRepetition, separator: componentSeparator) }

    /// Yields the bytes of each component of one repetition (at least one, perhaps empty), then `nil`.
    struct ComponentIterator {
        let bytes: UnsafeRawBufferPointer
        let separator: UInt8
        var start = 0
        var done = false

        init(bytes: UnsafeRawBufferPointer, separator: UInt8) {
            self.bytes = bytes
            self.separator = separator
        }

        @inline(__always) mutating func next() -> UnsafeRawBufferPointer? {
            guard !done else { return nil }
            let n = bytes.count
            var i = start
            while i < n, bytes[i] != separator { i += 1 }
            let out = UnsafeRawBufferPointer(rebasing: bytes[start..<i])
            if i == n { done = true } else { start = i + 1 }
            return out
        }
    }

    /// `true` when no component of any repetition has a byte (what ``X12/Element/isEmpty`` says).
    var isEmpty: Bool {
        let c = componentSeparator
        let r = repetitionOrComponent
        for i in 0..<bytes.count where bytes[i] != c && bytes[i] != r { return false }
        return true
    }

    /// The bytes of component `position` (1-based) of the first repetition; empty past the end.
    func componentBytes(_ position: Int) -> UnsafeRawBufferPointer {
        let b = firstRepetition
        let c = componentSeparator
        var index = 1
        var start = 0
        for i in 0..<b.count where b[i] == c {
            if index == position { return UnsafeRawBufferPointer(rebasing: b[start..<i]) }
            index += 1
            start = i + 1
        }
        return index == position ? UnsafeRawBufferPointer(rebasing: b[start..<b.count]) : UnsafeRawBufferPointer(start: nil, count: 0)
    }

    /// Component `position` (1-based) of the first repetition, or `""`.
    func component(_ position: Int) -> String { strings.string(componentBytes(position)) }

    /// Every component of the first repetition.
    var components: [String] {
        let b = firstRepetition
        let c = componentSeparator
        var out: [String] = []
        var start = 0
        for i in 0..<b.count where b[i] == c {
            out.append(strings.string(UnsafeRawBufferPointer(rebasing: b[start..<i])))
            start = i + 1
        }
        out.append(strings.string(UnsafeRawBufferPointer(rebasing: b[start..<b.count])))
        return out
    }

    /// The first component of every repetition (`[]` for an empty element).
    var repeatedValues: [String] {
        let n = bytes.count
        if n == 0 { return [] }
        if valueCount == n { return strings.list(bytes) }   // one value, no separator at all: the usual case
        if isEmpty { return [] }
        guard let r = repetitionSeparator else { return strings.list(valueBytes) }
        var reps = 1
        for i in 0..<bytes.count where bytes[i] == r { reps += 1 }
        if reps == 1 { return strings.list(valueBytes) }
        var out: [String] = []
        out.reserveCapacity(reps)
        var start = 0
        for i in 0...n where i == n || bytes[i] == r {
            let rep = UnsafeRawBufferPointer(rebasing: bytes[start..<i])
            out.append(strings.string(Self.prefix(rep, upTo: componentSeparator)))
            start = i + 1
        }
        return out
    }
}

extension RawElement {
    /// A view with the repetition separator as an optional (`nil`: the interchange has none).
    init(bytes: UnsafeRawBufferPointer, componentSeparator: UInt8, repetitionSeparator: UInt8?, strings: ShortStrings) {
        self.init(bytes: bytes, componentSeparator: componentSeparator, repetitionOrComponent: repetitionSeparator ?? componentSeparator,
                  hasRepetitionSeparator: repetitionSeparator != nil, strings: strings)
    }
}
