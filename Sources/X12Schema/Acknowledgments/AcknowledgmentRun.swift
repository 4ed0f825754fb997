import X12

/// The outcome of acknowledging a whole input: one ``AcknowledgmentOutcome`` per interchange, plus what lay outside
/// any interchange.
public struct AcknowledgmentRun: Sendable, Hashable {
    /// One per received interchange, in order.
    public var outcomes: [AcknowledgmentOutcome]
    /// Findings outside any interchange (no ISA to answer with a TA1).
    public var unattached: [Finding]

    /// Creates a run.
    public init(outcomes: [AcknowledgmentOutcome] = [], unattached: [Finding] = []) {
        self.outcomes = outcomes
        self.unattached = unattached
    }

    /// `true` when the input held at least one interchange, nothing lay outside one, and everything was accepted
    /// without a note.
    public var isAccepted: Bool { !outcomes.isEmpty && unattached.isEmpty && outcomes.allSatisfy(\.isAccepted) }
}
