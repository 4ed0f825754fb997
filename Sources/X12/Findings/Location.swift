/// Where something is in an X12 stream: bytes, lines, envelopes, the segment, and the element inside it.
///
/// Every field but `byteOffset`, `line` and `segmentIndex` is optional: a finding fills what it knows.
public struct Location: Sendable, Hashable, Codable {
    /// Offset of the segment's first byte in the input (0-based).
    public var byteOffset: Int
    /// Line of the segment's first byte (1-based; lines are counted at LF bytes).
    public var line: Int
    /// The segment's index in the whole input (1-based, every segment counted).
    public var segmentIndex: Int
    /// ISA13 of the enclosing interchange.
    public var interchangeControlNumber: String?
    /// GS06 of the enclosing functional group.
    public var groupControlNumber: String?
    /// ST02 of the enclosing transaction set.
    public var transactionControlNumber: String?
    /// ST01 of the enclosing transaction set (e.g. `270`).
    public var transactionSetID: String?
    /// The segment's position in its transaction set, ST = 1 (the 999's IK302).
    public var segmentPosition: Int?
    /// The segment ID (`NM1`, `ISA`, …).
    public var segmentID: String?
    /// The implementation-guide loop (`2100C`, `2000E`), when known.
    public var loopID: String?
    /// The base standard's loop ID for ``loopID`` (at most 4 characters, e.g. `2100`): the 999's IK303.
    /// Set by the validator (X12Schema) from the guide's `loop/@standard`.
    public var standardLoopID: String?
    /// The element position in the segment (1-based), when the finding is about an element.
    public var elementPosition: Int?
    /// The component position (1-based), for composites.
    public var componentPosition: Int?
    /// The repetition position (1-based), for repeated elements.
    public var repetitionPosition: Int?

    /// Creates a location; only the stream position is required.
    public init(
        byteOffset: Int, line: Int, segmentIndex: Int,
        interchangeControlNumber: String? = nil, groupControlNumber: String? = nil,
        transactionControlNumber: String? = nil, transactionSetID: String? = nil,
        segmentPosition: Int? = nil, segmentID: String? = nil, loopID: String? = nil,
        elementPosition: Int? = nil, componentPosition: Int? = nil, repetitionPosition: Int? = nil,
        standardLoopID: String? = nil
    ) {
        self.byteOffset = byteOffset
        self.line = line
        self.segmentIndex = segmentIndex
        self.interchangeControlNumber = interchangeControlNumber
        self.groupControlNumber = groupControlNumber
        self.transactionControlNumber = transactionControlNumber
        self.transactionSetID = transactionSetID
        self.segmentPosition = segmentPosition
        self.segmentID = segmentID
        self.loopID = loopID
        self.standardLoopID = standardLoopID
        self.elementPosition = elementPosition
        self.componentPosition = componentPosition
        self.repetitionPosition = repetitionPosition
    }

    /// The same location pointing at an element (and optionally a component and repetition).
    public func at(element: Int, component: Int? = nil, repetition: Int? = nil) -> Location {
        var l = self
        l.elementPosition = element
        l.componentPosition = component
        l.repetitionPosition = repetition
        return l
    }

    /// A short human form: `line 12, byte 345, ISA 000000001 / GS 1 / ST 0001, segment NM1 #5, element 09`.
    public var description: String {
        var parts = ["line \(line)", "byte \(byteOffset)"]
        var env: [String] = []
        if let i = interchangeControlNumber { env.append("ISA \(i)") }
        if let g = groupControlNumber { env.append("GS \(g)") }
        if let t = transactionControlNumber { env.append("ST \(t)") }
        if !env.isEmpty { parts.append(env.joined(separator: " / ")) }
        if let id = segmentID {
            var s = "segment \(id)"
            if let p = segmentPosition { s += " #\(p)" }
            parts.append(s)
        }
        if let loop = loopID { parts.append("loop \(loop)") }
        if let e = elementPosition {
            var s = "element \(segmentID ?? "")\(e < 10 ? "0" : "")\(e)"
            if let c = componentPosition { s += "-\(c)" }
            if let r = repetitionPosition { s += " repetition \(r)" }
            parts.append(s)
        }
        return parts.joined(separator: ", ")
    }
}
