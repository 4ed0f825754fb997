import AuthModel
import Foundation

/// A reviewer's decision on a pended authorization (`x12gate auth decide`): approve, modify or deny, with reasons.
///
/// The answer is a complete 278 response built from the stored request; the authorization's status and history
/// are updated in the same transaction.
public struct AuthorizationReviewer: Sendable {
    /// What the reviewer decided.
    public enum Verdict: Sendable, Equatable {
        /// Certified as requested (`A1`), valid ``approvalDays`` from the action date.
        case approve
        /// Certified with changes (`A6`): another quantity and/or other dates.
        case modify(quantity: Int?, from: CalendarDate?, to: CalendarDate?)
        /// Not certified (`A3`); needs a reason code.
        case deny
    }

    /// Why a decision was refused.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        /// What is wrong.
        public var message: String
        public var description: String { message }
    }

    /// The processing date and time.
    public var clock: ResponderClock
    /// How long an approval is valid from the action date (89 days in the EZ-CAP examples, so 90 days in all).
    public var approvalDays: Int
    /// Used for the answer's trace numbers.
    public var responder: AuthorizationResponder

    /// A reviewer.
    public init(clock: ResponderClock = .now, approvalDays: Int = 89, site: Int = 7100) {
        self.clock = clock
        self.approvalDays = approvalDays
        self.responder = AuthorizationResponder(site: site, clock: clock)
    }

    /// Decides the authorization `trackingNumber`; only REQUESTED or SYSTEM HOLD ones can be decided.
    public func decide(_ trackingNumber: String, verdict: Verdict, reasons: [String], note: String?, reviewer: String,
                       in session: any GatewaySession) throws -> AuthorizationOutcome {
        guard var record = try session.authorization(trackingNumber: trackingNumber) else {
            throw Refusal(message: "no authorization with tracking number \(trackingNumber)")
        }
        guard let status = AuthorizationStatus(rawValue: record.status), !status.isFinal else {
            throw Refusal(message: "authorization \(trackingNumber) is \(record.status) already; only REQUESTED or SYSTEM HOLD can be decided")
        }
        if verdict == .deny && reasons.isEmpty { throw Refusal(message: "a denial needs a reason code (--reason, e.g. 0F not medically necessary)") }
        let request = try JSONDecoder().decode(AuthorizationRequest.self, from: Data(record.requestJSON.utf8))
        var decision = responder.baseDecision(for: request)
        decision.subscriber = request.subscriber
        decision.subscriber?.traceNumbers = request.subscriber.traceNumbers.map { $0.echoed() }
        decision.dependent = request.dependent
        decision.event = responder.echoedEvent(request.event, tracking: trackingNumber)
        let expires = clock.today.adding(days: approvalDays)
        var outcome: ReviewOutcome
        switch verdict {
        case .approve:
            outcome = ReviewOutcome(action: .certifiedInTotal, authorizationNumber: trackingNumber, reasonCodes: reasons,
                                    period: CertificationPeriod(issued: clock.today, effective: DateRange(clock.today, end: expires), expires: expires))
            record.certifiedQuantity = (request.event.delivery?.quantity).map { NSDecimalNumber(decimal: $0).intValue }
        case .modify(let quantity, let from, let to):
            let start = from ?? clock.today, end = to ?? expires
            guard start <= end else { throw Refusal(message: "the modified period ends before it starts") }
            outcome = ReviewOutcome(action: .modified, authorizationNumber: trackingNumber, reasonCodes: reasons,
                                    period: CertificationPeriod(issued: clock.today, effective: DateRange(start, end: end), expires: end))
            if let quantity {
                var delivery = request.event.delivery ?? ServiceDelivery(quantityKind: .units)
                delivery.quantity = Decimal(quantity)
                decision.event?.delivery = delivery
                record.certifiedQuantity = quantity
            }
        case .deny:
            outcome = ReviewOutcome(action: .notCertified, authorizationNumber: trackingNumber, reasonCodes: reasons,
                                    period: CertificationPeriod(issued: clock.today))
        }
        decision.outcome = outcome
        decision.lines = request.serviceLines.map { line in
            var echoed = line
            echoed.trackingNumbers = line.trackingNumbers.map { $0.echoed() }
            return ServiceLineDecision(line: echoed, outcome: outcome)
        }
        try record.apply(decision, at: clock, actor: reviewer, note: note, in: session)
        return AuthorizationOutcome(decision: decision, authorization: record)
    }
}
