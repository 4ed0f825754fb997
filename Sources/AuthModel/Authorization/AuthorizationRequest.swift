/// A request for review: a prior authorization, an admission review or a specialist referral (a 278
/// request).
///
/// ```swift
/// let request = AuthorizationRequest(
///     trace: TransactionTrace(purpose: .request, reference: "REQ-1", creationDate: today, creationTime: "0915"),
///     umo: .umo(name: "ALLCARE IPA", identifier: .init(.payerId, "12345")),
///     requester: pcp, subscriber: member,
///     event: PatientEvent(kind: .specialtyReferral, serviceTypeCode: "3", diagnoses: [Diagnosis(role: .principal, code: "M25561")]))
/// request.priority   // .standard
/// ```
public struct AuthorizationRequest: Sendable, Hashable, Codable {
    /// Purpose (request, cancellation), submitter reference, creation date and time.
    public var trace: TransactionTrace
    /// A medical services reservation (the requester reserves services ahead).
    public var servicesReservation: Bool
    /// The organization asked to decide.
    public var umo: UtilizationManagementOrganization
    /// The requesting provider (PCP or specialist office, or a facility).
    public var requester: Provider
    /// The subscriber.
    public var subscriber: Member
    /// The patient when not the subscriber.
    public var dependent: Member?
    /// The event under review.
    public var event: PatientEvent
    /// The requested services (may be empty: a referral often names none).
    public var serviceLines: [ServiceLine]

    /// Creates a request.
    public init(trace: TransactionTrace, servicesReservation: Bool = false, umo: UtilizationManagementOrganization,
                requester: Provider, subscriber: Member, dependent: Member? = nil, event: PatientEvent,
                serviceLines: [ServiceLine] = []) {
        self.trace = trace
        self.servicesReservation = servicesReservation
        self.umo = umo
        self.requester = requester
        self.subscriber = subscriber
        self.dependent = dependent
        self.event = event
        self.serviceLines = serviceLines
    }

    /// The patient: the dependent when there is one, else the subscriber.
    public var patient: Member { dependent ?? subscriber }

    /// The review kind (admission review, health services review, specialty referral …).
    public var kind: RequestKind { event.kind }

    /// The diagnoses of the event.
    public var diagnoses: [Diagnosis] { event.diagnoses }

    /// The earliest date of service stated (event, admission or line dates).
    public var earliestServiceDate: CalendarDate? {
        let dates = [event.eventDate?.start, event.admissionDate?.start] + serviceLines.map { $0.serviceDate?.start }
        return dates.compactMap { $0 }.min()
    }

    /// Standard, expedited or retrospective, derived from the request: an urgent or emergency level of
    /// service or an immediate appeal is expedited; a date of service before the creation date is
    /// retrospective; anything else is standard.
    public var priority: Priority {
        if let d = earliestServiceDate, d < trace.creationDate { return .retrospective }
        if event.levelOfService == .urgent || event.levelOfService == .emergency || event.certificationType == .appealImmediate {
            return .expedited
        }
        return .standard
    }
}
