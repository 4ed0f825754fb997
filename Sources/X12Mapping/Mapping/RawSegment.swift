/// A light view of one segment in a ``TransactionBuffer``: the segment's packed ID and where its elements
/// start. Element positions are 1-based as in X12; a position past the end reads as the empty element, as
/// with ``X12/Segment``. Valid only while the buffer it points into is not changed.
struct RawSegment {
    /// The packed segment ID.
    let id: SegmentID
    /// The start of the transaction's bytes.
    let base: UnsafeRawPointer
    /// `starts[0]` is the ID's first byte, `starts[k]` the first byte of element k (just after its separator),
    /// `starts[count + 1]` one past the segment's end plus one (as if a separator followed).
    let starts: UnsafePointer<Int>
    /// The number of elements after the ID.
    let count: Int
    let componentSeparator: UInt8
    /// The repetition separator, or the component separator when there is none (see ``RawElement``).
    let repetitionOrComponent: UInt8
    let hasRepetitionSeparator: Bool
    /// The buffer's short-string cache.
    let strings: ShortStrings

    /// The repetition separator, or `nil` when the interchange has none.
    var repetitionSeparator: UInt8? { hasRepetitionSeparator ? repetitionOrComponent : nil }

    /// The element at `position` (1-based), empty past the end.
    @inline(__always) subscript(position: Int) -> RawElement {
        guard UInt(bitPattern: position &- 1) < UInt(bitPattern: count) else {   // 1...count in one compare
            return RawElement(bytes: UnsafeRawBufferPointer(start: nil, count: 0), componentSeparator: componentSeparator,
                              repetitionOrComponent: repetitionOrComponent, hasRepetitionSeparator: hasRepetitionSeparator, strings: strings)
        }
        let s = starts[position]
        let e = starts[position &+ 1] &- 1
        return RawElement(bytes: UnsafeRawBufferPointer(start: base + s, count: e &- s), componentSeparator: componentSeparator,
                          repetitionOrComponent: repetitionOrComponent, hasRepetitionSeparator: hasRepetitionSeparator, strings: strings)
    }

    /// The segment ID as text.
    var name: String {
        let s = Int(starts[0])
        return String(decoding: UnsafeRawBufferPointer(start: base + s, count: Int(starts[1]) - 1 - s), as: UTF8.self)
    }

    /// `nil` for an empty value.
    @inline(__always) func opt(_ position: Int) -> String? { self[position].optionalValue }

    /// The first component of every repetition of the element at `position`.
    func repeated(_ position: Int) -> [String] { self[position].repeatedValues }
}
