/// One envelope segment in ``EnvelopeSpec``: its level, usage, repeat, elements and consistency rules.
public struct EnvelopeSegmentSpec: Sendable, Hashable {
    /// The level an envelope segment opens, closes or belongs to.
    public enum Level: String, Sendable, Hashable {
        case interchange, group, transaction
    }

    /// The segment tag (`ISA`, `TA1`, `GE`).
    public var id: String
    /// The level it belongs to.
    public var level: Level
    /// Required, situational or not used.
    public var usage: Usage
    /// How many may appear in their parent unit (`Int.max` for `>1`).
    public var maxUse: Int
    /// A readable name.
    public var name: String
    /// The described elements, by position (not every position needs an entry).
    public var elements: [EnvelopeElementSpec]
    /// Value rules between two elements of the segment.
    public var consistency: [EnvelopeConsistencyRule]

    /// Creates a segment spec.
    public init(id: String, level: Level, usage: Usage, maxUse: Int, name: String,
                elements: [EnvelopeElementSpec], consistency: [EnvelopeConsistencyRule]) {
        self.id = id
        self.level = level
        self.usage = usage
        self.maxUse = maxUse
        self.name = name
        self.elements = elements
        self.consistency = consistency
    }

    /// The element at `position` (1-based), if described.
    public func element(_ position: Int) -> EnvelopeElementSpec? { elements.first { $0.position == position } }
}
