import AuthModel
import X12

/// A ``SegmentSink`` that builds ``Segment`` values, for ``TransactionMapper/segments(for:)``: the same
/// writers that encode bytes directly build the segment list. One- and two-character values share their
/// ``Element`` (``SharedElements``).
struct SegmentCollector: SegmentSink {
    /// The segments ended so far.
    var segments: [Segment] = []
    private var id = ""
    private var elements: [Element] = []
    private var repetitions: [[String]] = []
    private var component = ""
    private var scratch: [UInt8] = []

    mutating func begin(_ id: String) {
        self.id = id
        elements.removeAll(keepingCapacity: true)
    }

    mutating func element(_ value: String) { elements.append(SharedElements.element(value)) }

    mutating func element(_ value: Int) { elements.append(SharedElements.element(String(value))) }

    mutating func emptyElements(_ count: Int) {
        for _ in 0..<count { elements.append(.empty) }
    }

    mutating func beginElement() {
        repetitions = [[]]
        component = ""
    }

    mutating func append(_ text: String) { component += text }

    mutating func append(_ value: Int) { component += String(value) }

    mutating func appendDate(year: Int, month: Int, day: Int) {
        component += CalendarDate(year: year, month: month, day: day).compact
    }

    mutating func appendBytes(_ body: (inout [UInt8]) -> Void) {
        scratch.removeAll(keepingCapacity: true)
        body(&scratch)
        component += String(decoding: scratch, as: UTF8.self)
    }

    mutating func nextComponent() {
        repetitions[repetitions.count - 1].append(component)
        component = ""
    }

    mutating func nextRepetition() {
        nextComponent()
        repetitions.append([])
    }

    mutating func endElement() {
        nextComponent()
        elements.append(Element(repetitions: repetitions))
    }

    mutating func end() { segments.append(Segment(id, elements)) }
}
