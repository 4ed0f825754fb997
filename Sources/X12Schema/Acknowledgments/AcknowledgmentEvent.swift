/// What ``Acknowledger/acknowledge(path:validator:to:onEvent:)`` tells as it writes, when asked to stream: an
/// interchange as its acknowledgment begins, then each group's 999 as the group closes. A caller that prints a summary
/// keeps counters, not the outcomes.
public enum AcknowledgmentEvent: Sendable {
    /// A received interchange: its control number, the TA1 when one is due, and our ISA13 (`nil` when nothing is due);
    /// ``AcknowledgmentOutcome/functionalAcknowledgments`` is empty (the groups follow).
    case interchange(AcknowledgmentOutcome)
    /// The 999 of one group of the last interchange told (its `body` and `transactionCodes` are empty: written).
    case group(FunctionalAcknowledgment)
}
