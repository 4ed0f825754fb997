/// What was acknowledged for one received interchange.
public struct AcknowledgmentOutcome: Sendable, Hashable {
    /// ISA13 of the received interchange.
    public var interchangeControlNumber: String
    /// The TA1, when one was due.
    public var interchangeAcknowledgment: InterchangeAcknowledgment?
    /// One 999 per acknowledged group, in order (after ``AcknowledgmentWriter/write(_:)`` their `body` is empty: written).
    public var functionalAcknowledgments: [FunctionalAcknowledgment]
    /// ISA13 of the interchange we wrote, or `nil` when nothing was due (an acknowledgment was received).
    public var acknowledgmentControlNumber: Int?

    /// Creates an outcome.
    public init(interchangeControlNumber: String, interchangeAcknowledgment: InterchangeAcknowledgment? = nil,
                functionalAcknowledgments: [FunctionalAcknowledgment] = [], acknowledgmentControlNumber: Int? = nil) {
        self.interchangeControlNumber = interchangeControlNumber
        self.interchangeAcknowledgment = interchangeAcknowledgment
        self.functionalAcknowledgments = functionalAcknowledgments
        self.acknowledgmentControlNumber = acknowledgmentControlNumber
    }

    /// `true` when everything was accepted without a note: TA104 (if any), every AK901 and every IK501 are `A`.
    public var isAccepted: Bool {
        (interchangeAcknowledgment?.code ?? "A") == "A"
            && functionalAcknowledgments.allSatisfy { ack in ack.code == "A" && ack.transactionCodes.allSatisfy { $0.code == "A" } }
    }
}
