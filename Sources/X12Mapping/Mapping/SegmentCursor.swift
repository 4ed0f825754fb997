/// Walks the segments of one transaction set in a ``TransactionBuffer`` as ``RawSegment`` views.
struct SegmentCursor {
    private let base: UnsafeRawPointer
    private let starts: UnsafePointer<Int>
    private let slots: UnsafeBufferPointer<TransactionBuffer.Slot>
    private let component: UInt8
    private let repetitionOrComponent: UInt8
    private let hasRepetition: Bool
    private let strings: ShortStrings
    var index = 0

    init(base: UnsafeRawPointer, starts: UnsafePointer<Int>, slots: UnsafeBufferPointer<TransactionBuffer.Slot>,
         component: UInt8, repetition: UInt8?, strings: ShortStrings) {
        self.base = base
        self.starts = starts
        self.slots = slots
        self.component = component
        self.repetitionOrComponent = repetition ?? component
        self.hasRepetition = repetition != nil
        self.strings = strings
    }

    var atEnd: Bool { index >= slots.count }
    /// The ID of the next segment, or `0` (no ID) at the end.
    @inline(__always) var peekID: SegmentID { index < slots.count ? slots[index].id : SegmentID(raw: 0) }

    /// The ID of segment `i` (an index below the segment count).
    @inline(__always) func id(at i: Int) -> SegmentID { slots[i].id }

    /// Segment `i` (an index below the segment count).
    @inline(__always) func segment(at i: Int) -> RawSegment { segment(i) }

    @inline(__always) private func segment(_ i: Int) -> RawSegment {
        let s = slots[i]
        return RawSegment(id: s.id, base: base, starts: starts + Int(s.first), count: Int(s.count),
                          componentSeparator: component, repetitionOrComponent: repetitionOrComponent,
                          hasRepetitionSeparator: hasRepetition, strings: strings)
    }

    var peek: RawSegment? { index < slots.count ? segment(index) : nil }

    mutating func next() -> RawSegment? {
        guard index < slots.count else { return nil }
        defer { index += 1 }
        return segment(index)
    }

    /// The next segment when its ID is `id`.
    @inline(__always) mutating func take(_ id: SegmentID) -> RawSegment? { peekID == id ? next() : nil }

    /// How many segments with this ID come before the end of the HL level (the next HL or SE, or the end):
    /// to reserve a list once instead of growing it.
    func count(_ id: SegmentID) -> Int {
        var n = 0
        var i = index
        while i < slots.count {
            let s = slots[i].id
            if s == "HL" || s == "SE" { break }
            if s == id { n += 1 }
            i += 1
        }
        return n
    }

    /// Skips segments until an HL or SE (the end of an HL level) or the end.
    mutating func skipToLevelEnd() {
        while index < slots.count, slots[index].id != "HL", slots[index].id != "SE" { index += 1 }
    }
}
