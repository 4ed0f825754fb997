/// Every guide in `Specs/`, loaded once, and the rule that picks one for a transaction set.
///
/// ```swift
/// let library = try SpecLibrary.load()                         // SpecLocator decides where
/// let guide = library.guide(st01: "278", version: "005010X217", bht02: "11")
/// ```
/// Immutable and `Sendable`: load it once and share it.
public final class SpecLibrary: Sendable {
    /// The directory the specs came from.
    public let directory: String
    /// The element dictionary, by reference number.
    public let elements: [String: ElementDefinition]
    /// Segment names of the base standard, by segment ID.
    public let segmentNames: [String: String]
    /// The guides, sorted by file name.
    public let guides: [GuideSpec]
    /// The envelopes (ISA/IEA, TA1, GS/GE, ST/SE) from `envelope.00501.xml`; `nil` when the directory has none.
    public let envelope: EnvelopeSpec?

    init(directory: String, elements: [String: ElementDefinition], segmentNames: [String: String], guides: [GuideSpec],
         envelope: EnvelopeSpec? = nil) {
        self.envelope = envelope
        self.directory = directory
        self.elements = elements
        self.segmentNames = segmentNames
        self.guides = guides
    }

    /// Loads the specs from `directory` (or wherever ``SpecLocator`` finds them), checking each file
    /// against `x12spec.xsd` unless `checkSchema` is `false`.
    public static func load(directory: String? = nil, checkSchema: Bool = true) throws(SpecError) -> SpecLibrary {
        let dir = try SpecLocator.locate(explicit: directory)
        return try SpecLoader(directory: dir, checkSchema: checkSchema).load()
    }

    /// The guide for a transaction set: ST01 plus the convention (ST03, else GS08), and BHT02 when two guides
    /// share both (278 request `13`/`01`/`36` vs response `11`). `nil` when none applies.
    public func guide(st01: String, version: String, bht02: String? = nil) -> GuideSpec? {
        let matches = guides.filter { $0.transactionSetID == st01 && $0.version == version }
        if matches.count <= 1 { return matches.first }
        if let bht02, let g = matches.first(where: { $0.bht02?.contains(bht02) ?? false }) { return g }
        return matches.first { $0.bht02 == nil } ?? matches.first
    }

    /// `true` when some guide applies to ST01 `st01` (any version).
    public func supports(st01: String) -> Bool { guides.contains { $0.transactionSetID == st01 } }

    /// `true` when several guides share ST01 and version, so BHT02 must be read to pick one.
    public func needsBHT02(st01: String, version: String) -> Bool {
        guides.filter { $0.transactionSetID == st01 && $0.version == version }.count > 1
    }

    /// The guide with ID `id` (`270.005010X279A1`).
    public func guide(id: String) -> GuideSpec? { guides.first { $0.id == id } }

    /// Every file of the specs directory that the XSD governs (for tests).
    public var specFiles: [String] {
        [directory + "/dictionary.xml", directory + "/segments.xml"] + guides.map(\.path)
    }
}
