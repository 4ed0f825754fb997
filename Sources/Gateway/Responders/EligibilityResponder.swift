import AuthModel
import Foundation

/// Answers eligibility inquiries (270) from the store: one ``EligibilityResponse`` (271) per inquiry.
///
/// - the provider asking must be on file (`51` at the information receiver) unless ``requireKnownProvider`` is off;
/// - the member is matched by ``MemberMatcher`` (`72`, `75`, `73`, `71`, `77` at the subscriber or dependent);
/// - the date asked (today when absent) must lie between 12 months ago and the end of this month (`62`);
/// - coverage on that date gives active (`EB*1`) or inactive (`EB*6`, nothing more) for service type `30`, with
///   the plan name, plan begin and end dates; then, for active coverage, the benefits on file for `30` and for
///   every service type asked, and the PCP and managing medical group as related entities of an `EB*L`.
///
/// A responder caches plan benefits: make one per batch of work.
public final class EligibilityResponder {
    /// The processing date and time.
    public let clock: ResponderClock
    /// Reject inquiries from providers that are not on file.
    public let requireKnownProvider: Bool
    private var benefitCache: [String: [String: [Benefit]]] = [:]
    private var providerCache: [String: Bool] = [:]

    /// A responder; `clock` fixes "today".
    public init(clock: ResponderClock = .now, requireKnownProvider: Bool = true) {
        self.clock = clock
        self.requireKnownProvider = requireKnownProvider
    }

    /// The answer to one inquiry.
    public func respond(to inquiry: EligibilityInquiry, in session: any GatewaySession) throws -> EligibilityResponse {
        var response = EligibilityResponse(
            trace: TransactionTrace(purpose: .response, reference: inquiry.trace.reference, creationDate: clock.today,
                                    creationTime: clock.time),
            informationSource: inquiry.informationSource, provider: inquiry.provider)
        if requireKnownProvider, !(try isKnown(inquiry.provider.npi, session)) {
            response.provider?.rejections = [Rejection(reasonCode: "51", followUpAction: .correctAndResubmit)]
            return response
        }
        // The subscriber, then the dependent.
        let patient: MemberRecord
        switch try MemberMatcher.matchPatient(subscriber: inquiry.subscriber, dependent: inquiry.dependent, in: session) {
        case .rejected(let subscriber, let dependent):
            response.subscriber = subscriber
            response.dependent = dependent
            return response
        case .found(let p, let subscriber, let dependent):
            patient = p
            response.subscriber = subscriber
            response.dependent = dependent
        }
        // The date asked.
        let asked = inquiry.dateOfService?.start ?? clock.today
        let earliest = clock.today.adding(years: -1)
        let latest = CalendarDate(year: clock.today.year, month: clock.today.month,
                                  day: CalendarDate.daysIn(month: clock.today.month, year: clock.today.year))
        if asked < earliest || asked > latest {
            setPatientRejection(&response, Rejection(reasonCode: "62", followUpAction: .correctAndResubmit))
            return response
        }
        // Coverage on that date.
        let coverages = try session.coverages(memberID: patient.memberID)
        let current = coverages.first { $0.covers(asked.description) }
        guard let plan = current ?? coverages.first else {
            response.benefitsInformation = [Benefit(kind: .inactive, coverageLevel: .individual, serviceTypeCodes: ["30"])]
            return response
        }
        var dates = [EligibilityDate(.planBegin, DateRange(CalendarDate(plan.start)!))]
        if let end = plan.end.flatMap(CalendarDate.init) { dates.append(EligibilityDate(.planEnd, DateRange(end))) }
        if response.dependent != nil { response.dependent!.dates = dates } else { response.subscriber!.dates = dates }
        let insurance = Self.insuranceType(plan.lineOfBusiness)
        guard current != nil else {
            response.benefitsInformation = [Benefit(kind: .inactive, coverageLevel: .individual, serviceTypeCodes: ["30"],
                                                    insuranceTypeCode: insurance, planCoverageDescription: plan.planName)]
            return response
        }
        var benefits = [Benefit(kind: .activeCoverage, coverageLevel: .individual, serviceTypeCodes: ["30"],
                                insuranceTypeCode: insurance, planCoverageDescription: plan.planName)]
        let byType = try planBenefits(plan.planID, session)
        benefits += byType["30"] ?? []
        var seen: Set<String> = ["30"]
        for stc in inquiry.serviceTypeCodes where seen.insert(stc).inserted {
            let forType = byType[stc] ?? []
            if forType.contains(where: { $0.kind == .nonCovered }) {
                benefits.append(Benefit(kind: .nonCovered, coverageLevel: .individual, serviceTypeCodes: [stc]))
                continue
            }
            benefits.append(Benefit(kind: .activeCoverage, coverageLevel: .individual, serviceTypeCodes: [stc]))
            benefits += forType
        }
        if let pcp = patient.pcpName ?? patient.pcpNPI {
            var entities = [Provider.named(pcp, role: .primaryCareProvider, npi: patient.pcpNPI)]
            if let group = patient.medicalGroup {
                entities.append(Provider(role: .independentPhysiciansAssociation, entityType: .organization, organizationName: group))
            }
            benefits.append(Benefit(kind: .primaryCareProvider, coverageLevel: .individual, relatedEntities: entities))
        }
        response.benefitsInformation = benefits
        return response
    }

    private func setPatientRejection(_ r: inout EligibilityResponse, _ rejection: Rejection) {
        if r.dependent != nil { r.dependent!.rejections = [rejection] } else { r.subscriber!.rejections = [rejection] }
    }

    private func isKnown(_ npi: String?, _ session: any GatewaySession) throws -> Bool {
        guard let npi else { return false }
        if let hit = providerCache[npi] { return hit }
        let known = try session.provider(npi: npi) != nil
        providerCache[npi] = known
        return known
    }

    /// The plan's benefits as benefit entries by service type (read and converted once per responder).
    private func planBenefits(_ planID: String, _ session: any GatewaySession) throws -> [String: [Benefit]] {
        if let hit = benefitCache[planID] { return hit }
        var byType: [String: [Benefit]] = [:]
        for row in try session.benefits(planID: planID) { byType[row.serviceType, default: []].append(Self.benefit(row)) }
        benefitCache[planID] = byType
        return byType
    }

    /// EB04 insurance type for a line of business.
    static func insuranceType(_ lob: String) -> String? {
        switch lob {
        case "MEDI-CAL", "MEDICAID": return "MC"
        case "MEDICARE-ADVANTAGE": return "HN"
        case "COMMERCIAL": return "C1"
        default: return nil
        }
    }

    /// A benefit row as a benefit entry.
    static func benefit(_ row: BenefitRecord) -> Benefit {
        let kind: BenefitKind
        switch row.kind {
        case "copay": kind = .coPayment
        case "coinsurance": kind = .coInsurance
        case "deductible": kind = .deductible
        case "out_of_pocket": kind = .outOfPocket
        case "limitation": kind = .limitations
        default: kind = .nonCovered
        }
        let level: CoverageLevel? = ["IND": .individual, "FAM": .family, "EMP": .employeeOnly, "ESP": .employeeAndSpouse,
                                     "CHD": .childrenOnly][row.coverageLevel]
        let period: TimePeriod? = ["visit": .visit, "calendar_year": .calendarYear, "remaining": .remaining,
                                   "year_to_date": .yearToDate, "lifetime": .lifetime, "day": .day,
                                   "service_year": .serviceYear][row.timePeriod]
        let network: NetworkIndicator = row.network == "in" ? .inNetwork : row.network == "out" ? .outOfNetwork : .notApplicable
        return Benefit(kind: kind, coverageLevel: level, serviceTypeCodes: [row.serviceType], timePeriod: period,
                       amount: row.amount.flatMap { Decimal(string: $0) }, percent: row.percent.flatMap { Decimal(string: $0) },
                       quantityKind: row.quantity == nil ? nil : .visits, quantity: row.quantity.flatMap { Decimal(string: $0) },
                       authorizationRequired: row.authorizationRequired ? .yes : nil, inPlanNetwork: network,
                       messages: row.note.map { [$0] } ?? [])
    }
}

extension Relationship {
    /// The relationship stored on a member row (`spouse`, `child`, `other`).
    init?(storeValue: String?) {
        switch storeValue {
        case "spouse": self = .spouse
        case "child": self = .child
        case "other": self = .other
        default: return nil
        }
    }
}
