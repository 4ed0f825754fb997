/// An HL level of a guide's hierarchy: its HL03 code, the loop it opens and the levels it may hang under.
public struct HierarchyLevel: Sendable, Hashable {
    /// HL03 (`20`, `22`, `EV`).
    public let code: String
    /// The loop an HL with this code opens (`2000C`).
    public let loopID: String
    /// The HL03 codes of allowed parents; empty = top level (HL02 not sent).
    public let parents: [String]
    /// `false` when this level never has children (HL04 must be `0`).
    public let mayHaveChildren: Bool
}
