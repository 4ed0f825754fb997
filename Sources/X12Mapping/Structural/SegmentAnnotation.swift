/// What an annotator knows about one segment: its loop and the names of its elements.
///
/// Annotations are informational: they are written into the structural JSON/XML for people to read, and
/// ignored when the JSON/XML is read back.
public struct SegmentAnnotation: Sendable, Hashable {
    /// The implementation-guide loop the segment belongs to (`2100C`), or `nil` at the header / unknown.
    public var loopID: String?
    /// The names of elements 1, 2, … (fewer than the segment's elements is fine).
    public var elementNames: [String]

    /// Creates an annotation.
    public init(loopID: String? = nil, elementNames: [String] = []) {
        self.loopID = loopID
        self.elementNames = elementNames
    }
}
