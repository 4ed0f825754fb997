import X12

/// One HL seen in a transaction set, kept to name the business unit an error sits in (the 999's CTX).
public struct HierarchicalLevel: Sendable, Hashable, Codable {
    /// Position of the HL segment in its transaction set (ST = 1).
    public var position: Int
    /// HL01.
    public var id: String
    /// HL02, when sent.
    public var parentID: String?
    /// HL03, the level code (`20`, `22`, `EV`, `SS` …).
    public var levelCode: String
    /// TRN02 of the first TRN in this level, when there is one (the business unit's identifier).
    public var traceNumber: String?

    /// Creates a level.
    public init(position: Int, id: String, parentID: String? = nil, levelCode: String, traceNumber: String? = nil) {
        self.position = position
        self.id = id
        self.parentID = parentID
        self.levelCode = levelCode
        self.traceNumber = traceNumber
    }
}
