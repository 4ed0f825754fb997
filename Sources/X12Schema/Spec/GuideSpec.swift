/// One implementation guide, loaded from `Specs/guides/*.xml` and merged with the dictionary and segments.
///
/// ```swift
/// let library = try SpecLibrary.load()
/// let guide = library.guide(st01: "271", version: "005010X279A1")!
/// guide.root.loop(id: "2110C")?.name      // "Subscriber Eligibility or Benefit Information"
/// ```
public final class GuideSpec: Sendable {
    /// The guide's file ID without the `g` prefix (`270.005010X279A1`, `278.005010X217.request`).
    public let id: String
    /// A readable name.
    public let name: String
    /// ST01 it applies to.
    public let transactionSetID: String
    /// The implementation convention (GS08 / ST03).
    public let version: String
    /// GS01 of the group the set belongs in.
    public let functionalGroupID: String
    /// BHT02 codes that select this guide (278 request vs response), or `nil`.
    public let bht02: [String]?
    /// BHT01 of the hierarchy, when the guide has one.
    public let hierarchyStructure: String?
    /// The HL levels.
    public let levels: [HierarchyLevel]
    /// The transaction set: ST, header, loops, SE.
    public let root: LoopSpec
    /// The file it was loaded from.
    public let path: String
    /// The loop tree as index tables, for the ``LoopTracker``.
    let table: GuideTable

    /// Creates a guide.
    public init(id: String, name: String, transactionSetID: String, version: String, functionalGroupID: String,
                bht02: [String]?, hierarchyStructure: String?, levels: [HierarchyLevel], root: LoopSpec, path: String) {
        self.id = id
        self.name = name
        self.transactionSetID = transactionSetID
        self.version = version
        self.functionalGroupID = functionalGroupID
        self.bht02 = bht02
        self.hierarchyStructure = hierarchyStructure
        self.levels = levels
        self.root = root
        self.path = path
        table = GuideTable(root: root)
    }

    /// The level with HL03 `code`.
    public func level(code: String) -> HierarchyLevel? { levels.first { $0.code == code } }

    /// The standard (IK303) loop ID of guide loop `loopID`.
    public func standardLoopID(of loopID: String) -> String? { root.loop(id: loopID)?.standardID }
}
