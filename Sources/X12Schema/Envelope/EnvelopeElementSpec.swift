/// One element of an envelope segment: its dictionary definition, the envelope's code subset, and the TA1 note
/// code (TA105) a bad value gets.
public struct EnvelopeElementSpec: Sendable, Hashable {
    /// Position in the segment (1-based).
    public var position: Int
    /// The dictionary definition (type, length, X12 code list).
    public var definition: ElementDefinition
    /// The codes the envelope allows (`nil`: the dictionary's list, or any value).
    public var codes: CodeSet?
    /// The TA105 note code for a bad value (`005` for ISA05), for ISA, IEA and TA1 elements.
    public var noteCode: String?
    /// The envelope's name for the element.
    public var name: String

    /// Creates an element spec.
    public init(position: Int, definition: ElementDefinition, codes: CodeSet?, noteCode: String?, name: String) {
        self.position = position
        self.definition = definition
        self.codes = codes
        self.noteCode = noteCode
        self.name = name
    }

    /// The codes a value must be one of: the envelope's subset, else the dictionary's list (`nil`: any value).
    public var allowedCodes: CodeSet? { codes ?? definition.codes }

    public static func == (a: Self, b: Self) -> Bool {
        a.position == b.position && a.definition.id == b.definition.id && a.codes == b.codes
            && a.noteCode == b.noteCode && a.name == b.name
    }

    public func hash(into h: inout Hasher) {
        h.combine(position)
        h.combine(definition.id)
        h.combine(noteCode)
    }
}
