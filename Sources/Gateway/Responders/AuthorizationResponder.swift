import AuthModel
import Foundation
import X12Mapping

/// Answers 278 requests for review from the store and the referral rules, storing every accepted request with a
/// tracking number and its status history.
///
/// In order:
/// 1. the subscriber (and dependent) must be on file and match (`72`, `75`, `73`, `71`, `77`: a rejection, no
///    tracking number);
/// 2. a retrospective request must state its date of service (`57` at the event);
/// 3. the patient must be covered on the date of service, today when none is stated (`95` at the patient: a
///    rejection, not a denial);
/// 4. the request is stored (status REQUESTED) with a new ``TrackingNumber``;
/// 5. a cancel request naming an earlier authorization of the member cancels it (`C`);
/// 6. an initial specialty-care referral goes through ``ReferralRules``: certified (`A1`, or `A6` when more
///    visits were asked than allowed) for the initial visit plus the specialty's follow-ups, valid
///    ``ReferralRules/validityMonths`` (status APPROVED), or cancelled with the broken rule's reason (CANCELLED);
/// 7. everything else is pended (`A4`, reason `0V` requires medical review, updates to follow) for a reviewer:
///    status SYSTEM HOLD. Expedited requests are stored with priority `expedited` for the reviewers' queue.
///
/// The tracking number is the authorization number (HCR02) of every answer and the administrative reference
/// (REF*NT) of a pended one; the answer's event also carries it as our own trace number.
public struct AuthorizationResponder: Sendable {
    /// The rules for referrals.
    public var rules: ReferralRules
    /// The site digits of tracking numbers.
    public var site: Int
    /// The processing date and time.
    public var clock: ResponderClock
    private let evaluator: ReferralEvaluator

    /// A responder.
    public init(rules: ReferralRules = .defaults, site: Int = 7100, clock: ResponderClock = .now) {
        self.rules = rules
        self.site = site
        self.clock = clock
        self.evaluator = ReferralEvaluator(rules: rules)
    }

    /// TRN03 of our own trace numbers: `9` + the site, 10 characters.
    public var originatorID: String { "9" + String(repeating: "0", count: 5) + Self.pad(site, 4) }

    /// Answers one request; `fileID`, `partner` and `receiver` are stored with it.
    public func respond(to request: AuthorizationRequest, fileID: Int64? = nil, partner: String? = nil, receiver: String? = nil,
                        in session: any GatewaySession) throws -> AuthorizationOutcome {
        var decision = baseDecision(for: request)
        // 1. The member.
        let patient: MemberRecord
        switch try MemberMatcher.matchPatient(subscriber: request.subscriber, dependent: request.dependent, in: session) {
        case .rejected(let subscriber, let dependent):
            decision.subscriber = subscriber
            decision.dependent = dependent
            return AuthorizationOutcome(decision: decision)
        case .found(let p, let subscriber, let dependent):
            patient = p
            decision.subscriber = subscriber
            decision.dependent = dependent
        }
        // 2. Retrospective requests need a date of service.
        let serviceDate = request.earliestServiceDate
        if request.priority == .retrospective && serviceDate == nil {
            decision.eventRejections = [Rejection(reasonCode: "57", followUpAction: .correctAndResubmit)]
            return AuthorizationOutcome(decision: decision)
        }
        // 3. Coverage on the date of service.
        let day = serviceDate ?? clock.today
        let coverage = try session.coverages(memberID: patient.memberID).first { $0.covers(day.description) }
        guard let coverage else {
            let r = Rejection(reasonCode: "95", followUpAction: .resubmissionNotAllowed)
            if decision.dependent != nil { decision.dependent!.rejections = [r] } else { decision.subscriber!.rejections = [r] }
            return AuthorizationOutcome(decision: decision)
        }
        // 4. Store it.
        let tracking = try TrackingNumber.next(day: clock.today, site: site, in: session).digits
        decision.event = echoedEvent(request.event, tracking: tracking)
        var record = AuthorizationRecord(
            trackingNumber: tracking, fileID: fileID, partner: partner, receiver: receiver,
            kind: request.kind == .specialtyReferral ? "referral" : "authorization", memberID: patient.memberID,
            requestingNPI: request.requester.npi, servicingNPI: servicingProvider(request)?.npi,
            priority: request.priority.rawValue, status: AuthorizationStatus.requested.rawValue, action: "",
            reasons: "", diagnosis: request.diagnoses.first?.code, procedure: request.serviceLines.lazy.compactMap(\.procedure).first?.code,
            requestedAt: clock.timestamp, actionDate: nil, serviceFrom: serviceDate?.description,
            serviceTo: serviceDate.map { _ in lastServiceDate(request)!.description }, certifiedQuantity: nil,
            requestJSON: Self.json(request), decisionJSON: "{}")
        try session.insert(&record)
        var history = AuthorizationStatusRecord(authorizationID: record.id!, status: AuthorizationStatus.requested.rawValue,
                                                action: nil, at: clock.timestamp, actor: "system", reasons: "", note: nil)
        try session.append(&history)

        // 5–7. Decide.
        let outcome: ReviewOutcome
        var note: String?
        if request.event.certificationType == .cancel, let previous = request.event.previousAuthorizationNumber,
           var earlier = try session.authorization(trackingNumber: previous), earlier.memberID == patient.memberID {
            outcome = ReviewOutcome(action: .cancelled, authorizationNumber: tracking,
                                    period: CertificationPeriod(issued: clock.today))
            earlier.status = AuthorizationStatus.cancelled.rawValue
            earlier.actionDate = clock.today.description
            try session.update(earlier)
            var h = AuthorizationStatusRecord(authorizationID: earlier.id!, status: earlier.status, action: "C", at: clock.timestamp,
                                              actor: "system", reasons: "", note: "cancelled by request \(tracking)")
            try session.append(&h)
            note = "cancels \(previous)"
        } else if request.kind == .specialtyReferral && request.event.certificationType == .initial {
            let verdict = try evaluator.evaluate(request, lineOfBusiness: coverage.lineOfBusiness,
                                                                        memberID: patient.memberID, on: clock.today, in: session)
            switch verdict {
            case .certified(let visits, let asked):
                let expires = clock.today.addingMonths(rules.validityMonths).adding(days: -1)
                outcome = ReviewOutcome(action: asked.map { $0 > visits } == true ? .modified : .certifiedInTotal,
                                        authorizationNumber: tracking,
                                        period: CertificationPeriod(issued: clock.today, effective: DateRange(clock.today, end: expires),
                                                                    expires: expires))
                decision.event?.delivery = ServiceDelivery(quantityKind: .visits, quantity: Decimal(visits))
                record.certifiedQuantity = visits
                record.serviceFrom = clock.today.description
                record.serviceTo = expires.description
                try session.save(ReferralVisitRecord(trackingNumber: tracking, memberID: patient.memberID,
                                                     servicingNPI: record.servicingNPI ?? "", diagnosis: record.diagnosis ?? "",
                                                     visitsAllowed: visits, visitsUsed: 0, validFrom: clock.today.description,
                                                     validTo: expires.description))
            case .cancelled(let code, let why):
                outcome = ReviewOutcome(action: .cancelled, authorizationNumber: tracking, reasonCodes: [code],
                                        period: CertificationPeriod(issued: clock.today))
                note = why
            }
        } else {
            outcome = ReviewOutcome(action: .pended, authorizationNumber: tracking, reasonCodes: ["0V"],
                                    administrativeReference: tracking)
            decision.responseStatus = .updatesToFollow
            if request.priority == .expedited { note = "expedited" }
        }
        decision.outcome = outcome
        decision.lines = request.serviceLines.map { line in
            var echoed = line
            echoed.trackingNumbers = line.trackingNumbers.map { $0.echoed() }
            return ServiceLineDecision(line: echoed, outcome: outcome)
        }
        try record.apply(decision, at: clock, actor: "system", note: note, in: session)
        return AuthorizationOutcome(decision: decision, authorization: record)
    }

    /// The answer's frame: trace, UMO and requester echoed; the parts that follow are filled by the caller.
    public func baseDecision(for request: AuthorizationRequest) -> AuthorizationDecision {
        AuthorizationDecision(
            trace: TransactionTrace(purpose: .response, reference: request.trace.reference, creationDate: clock.today,
                                    creationTime: clock.time),
            responseStatus: .final, umo: request.umo, requester: request.requester)
    }

    /// The request's event as an answer returns it: its trace numbers referenced, ours added.
    public func echoedEvent(_ event: PatientEvent, tracking: String) -> PatientEvent {
        var e = event
        e.trackingNumbers = event.trackingNumbers.map { $0.echoed() }
            + [TraceNumber(kind: .current, number: tracking, originatorId: originatorID)]
        return e
    }

    private func servicingProvider(_ r: AuthorizationRequest) -> Provider? {
        r.event.servicingProvider ?? r.serviceLines.lazy.flatMap(\.providers).first
    }

    private func lastServiceDate(_ r: AuthorizationRequest) -> CalendarDate? {
        let dates = [r.event.eventDate?.last, r.event.admissionDate?.last, r.event.dischargeDate] + r.serviceLines.map { $0.serviceDate?.last }
        return dates.compactMap { $0 }.max()
    }

    /// The stored JSON of a request (model JSON, read back with `JSONDecoder`).
    static func json(_ request: AuthorizationRequest) -> String {
        String(decoding: ModelJSON.encode(request: request), as: UTF8.self)
    }

    /// The stored JSON of a decision (model JSON, read back with `JSONDecoder`).
    static func json(_ decision: AuthorizationDecision) -> String {
        String(decoding: ModelJSON.encode(decision: decision), as: UTF8.self)
    }

    private static func pad(_ v: Int, _ n: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, n - s.count)) + s
    }
}

extension CalendarDate {
    /// The same day `n` months later, clamped to the month's end.
    func addingMonths(_ n: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + n
        let y = total / 12, m = total % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.daysIn(month: m, year: y)))
    }
}
