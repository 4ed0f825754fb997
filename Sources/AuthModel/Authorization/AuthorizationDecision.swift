/// The answer to a request for review (a 278 response): the decision with its authorization number and
/// certified period, per-line decisions, or the rejection of a request that could not be processed.
///
/// A rejection sits where the problem was found: ``rejections`` (the request as a whole),
/// ``umo``, ``requester``, ``subscriber``, ``dependent`` (their `rejections`), ``eventRejections``, or a
/// line's ``ServiceLineDecision/rejections``. A rejected request has no ``outcome``.
///
/// ```swift
/// decision.status                 // .approved
/// decision.authorizationNumber    // "20261125710002600001"
/// ```
public struct AuthorizationDecision: Sendable, Hashable, Codable {
    /// Purpose (response), the request's reference echoed, creation date and time.
    public var trace: TransactionTrace
    /// Final, or further updates to follow.
    public var responseStatus: ResponseStatus?
    /// Rejections of the request as a whole (e.g. unable to respond now).
    public var rejections: [Rejection]
    /// The deciding organization.
    public var umo: UtilizationManagementOrganization
    /// The requester, as the UMO knows it (absent when the request was rejected above it).
    public var requester: Provider?
    /// The subscriber.
    public var subscriber: Member?
    /// The patient when not the subscriber.
    public var dependent: Member?
    /// The event as reviewed (absent when the request was rejected above it).
    public var event: PatientEvent?
    /// Why the event could not be reviewed.
    public var eventRejections: [Rejection]
    /// The decision on the event.
    public var outcome: ReviewOutcome?
    /// Where to send additional information.
    public var documentationContact: Provider?
    /// Decisions on the service lines (may be empty even when the request had lines).
    public var lines: [ServiceLineDecision]

    /// Creates a decision.
    public init(trace: TransactionTrace, responseStatus: ResponseStatus? = nil, rejections: [Rejection] = [],
                umo: UtilizationManagementOrganization, requester: Provider? = nil, subscriber: Member? = nil,
                dependent: Member? = nil, event: PatientEvent? = nil, eventRejections: [Rejection] = [],
                outcome: ReviewOutcome? = nil, documentationContact: Provider? = nil, lines: [ServiceLineDecision] = []) {
        self.trace = trace
        self.responseStatus = responseStatus
        self.rejections = rejections
        self.umo = umo
        self.requester = requester
        self.subscriber = subscriber
        self.dependent = dependent
        self.event = event
        self.eventRejections = eventRejections
        self.outcome = outcome
        self.documentationContact = documentationContact
        self.lines = lines
    }

    /// The decision on the event (`nil` when rejected).
    public var action: DecisionAction? { outcome?.action }

    /// The authorization number of the event's outcome.
    public var authorizationNumber: String? { outcome?.authorizationNumber }

    /// The status the answer puts the authorization in; `nil` for a rejection.
    public var status: AuthorizationStatus? { outcome.map { AuthorizationStatus(action: $0.action) } }

    /// The days the certification covers: the outcome's period (effective/issue to expiration), or, leniently,
    /// the event date when a certifying answer states no certification dates (some UMOs, and the referral
    /// example of the implementation guide, return the approved window as the event date).
    public var certifiedPeriod: DateRange? {
        guard let o = outcome else { return nil }
        if let v = o.period.validity { return v }
        switch o.action {
        case .certifiedInTotal, .certifiedPartially, .modified: return event?.eventDate
        default: return nil
        }
    }

    /// Every rejection, wherever it sits.
    public var allRejections: [Rejection] {
        var all = rejections + umo.rejections + (requester?.rejections ?? []) + (subscriber?.rejections ?? [])
        all += (dependent?.rejections ?? []) + eventRejections + (event?.providers.flatMap(\.rejections) ?? [])
        for l in lines { all += l.rejections + l.line.providers.flatMap(\.rejections) }
        return all
    }

    /// `true` when the request was rejected (no decision on the event).
    public var isRejection: Bool { outcome == nil && !allRejections.isEmpty }
}
