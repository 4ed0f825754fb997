/// A segment at one place in a guide: its tag, usage, max use, discriminator and merged element specs.
public final class SegmentSpec: Sendable {
    /// The segment ID (`NM1`).
    public let tag: String
    /// The tag's bytes, for matching without a `String`.
    public let tagBytes: [UInt8]
    /// The guide's name for the segment at this place (`Subscriber Name`), else the base name.
    public let name: String
    /// Usage at this place.
    public let usage: Usage
    /// Max use at this place (`Int.max` = unbounded).
    public let maxUse: Int
    /// The element (or component) whose guide codes tell this segment from a same-tag neighbour.
    public let discriminator: ElementPath?
    /// The codes of ``discriminator`` that select this segment.
    public let discriminatorCodes: CodeSet?
    /// The elements, by position (index 0 = element 1).
    public let elements: [ElementSpec]
    /// Base and guide rules.
    public let rules: [SyntaxRule]
    /// The TR3 sequence number, when given.
    public let sequence: String?

    /// The spec of element `position` (1-based), or `nil` past the defined ones.
    public func element(_ position: Int) -> ElementSpec? {
        position >= 1 && position <= elements.count ? elements[position - 1] : nil
    }

    /// Creates a spec (the loader does).
    public init(tag: String, tagBytes: [UInt8], name: String, usage: Usage, maxUse: Int, discriminator: ElementPath?, discriminatorCodes: CodeSet?, elements: [ElementSpec], rules: [SyntaxRule], sequence: String?) {
        self.tag = tag
        self.tagBytes = tagBytes
        self.name = name
        self.usage = usage
        self.maxUse = maxUse
        self.discriminator = discriminator
        self.discriminatorCodes = discriminatorCodes
        self.elements = elements
        self.rules = rules
        self.sequence = sequence
    }
}
