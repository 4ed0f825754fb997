/// The envelopes of one interchange control version (`Specs/envelope.00501.xml`): ISA/IEA, TA1, GS/GE and ST/SE,
/// what each element means, the TA1 note code a bad ISA/IEA/TA1 value gets, the TA1 consistency rules, and the
/// header/trailer agreements with the code each failure gets.
///
/// ```swift
/// let envelope = try #require(SpecLibrary.load().envelope)
/// envelope.segment("ISA")?.element(5)?.noteCode   // "005"
/// ```
public struct EnvelopeSpec: Sendable, Hashable {
    /// The spec's ID (`envelope.00501`).
    public var id: String
    /// The interchange control version it describes (ISA12, `00501`).
    public var version: String
    /// A readable name.
    public var name: String
    /// The envelope segments in the order they stand in an interchange.
    public var segments: [EnvelopeSegmentSpec]
    /// Header/trailer rules (control numbers, counts, placement).
    public var agreements: [EnvelopeAgreement]

    /// Creates a spec.
    public init(id: String, version: String, name: String, segments: [EnvelopeSegmentSpec], agreements: [EnvelopeAgreement]) {
        self.id = id
        self.version = version
        self.name = name
        self.segments = segments
        self.agreements = agreements
    }

    /// The segment with tag `id` (`ISA`, `TA1`), if the spec describes it.
    public func segment(_ id: String) -> EnvelopeSegmentSpec? { segments.first { $0.id == id } }
}
