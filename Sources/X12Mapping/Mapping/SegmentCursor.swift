import X12

/// Walks the owned segments of one transaction set.
struct SegmentCursor {
    let segments: [Segment]
    var index = 0
    /// Where an HL level ends.
    static let levelEnd: Set<String> = ["HL", "SE"]

    init(_ segments: [Segment]) { self.segments = segments }

    var atEnd: Bool { index >= segments.count }
    /// The ID of the next segment, or `""` at the end.
    var peekID: String { index < segments.count ? segments[index].id : "" }
    var peek: Segment? { index < segments.count ? segments[index] : nil }

    mutating func next() -> Segment? {
        guard index < segments.count else { return nil }
        defer { index += 1 }
        return segments[index]
    }

    /// The next segment when its ID is `id`.
    mutating func take(_ id: String) -> Segment? { peekID == id ? next() : nil }

    /// The next segment when its ID is `id` and element 1 is one of `qualifiers`.
    mutating func take(_ id: String, _ qualifiers: Set<String>) -> Segment? {
        guard let s = peek, s.id == id, qualifiers.contains(s[1].value) else { return nil }
        return next()
    }

    /// All consecutive segments with this ID.
    mutating func takeAll(_ id: String) -> [Segment] {
        var out: [Segment] = []
        while let s = take(id) { out.append(s) }
        return out
    }

    /// Skips segments until one with an ID in `ids` (or the end).
    mutating func skip(until ids: Set<String>) {
        while index < segments.count, !ids.contains(segments[index].id) { index += 1 }
    }
}
