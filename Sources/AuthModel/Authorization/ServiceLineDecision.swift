/// The answer for one service line: the line as reviewed (possibly with modified quantities) and its
/// outcome, or why it could not be reviewed.
public struct ServiceLineDecision: Sendable, Hashable, Codable {
    /// The line as the UMO returns it (tracking numbers echoed as referenced).
    public var line: ServiceLine
    /// Why the line could not be reviewed (then there is no outcome).
    public var rejections: [Rejection]
    /// The decision for this line.
    public var outcome: ReviewOutcome?
    /// LOINC codes naming documentation the UMO asks for before deciding.
    public var requestedDocumentation: [String]
    /// Where to send additional information for this line.
    public var documentationContact: Provider?

    /// Creates a line decision.
    public init(line: ServiceLine, rejections: [Rejection] = [], outcome: ReviewOutcome? = nil,
                requestedDocumentation: [String] = [], documentationContact: Provider? = nil) {
        self.line = line
        self.rejections = rejections
        self.outcome = outcome
        self.requestedDocumentation = requestedDocumentation
        self.documentationContact = documentationContact
    }
}
