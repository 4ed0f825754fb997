import AuthModel
import Foundation
import X12

/// Deterministic test data built from the domain model and written through the mapping: 270s, 271s, 278
/// requests and 278 responses with invented members and providers.
///
/// The same seed and index always give the same transaction, so files of any size stream out with flat
/// memory. The data covers dependents, several service lines with up to four modifiers, up to 12
/// diagnoses, rejections, and pended, denied, partial and modified decisions.
/// ```swift
/// let gen = TestDataGenerator(seed: 42)
/// let model = gen.transaction(.authorizationRequest, index: 0)
/// try gen.write(.eligibilityResponse, count: 1000, to: X12Writer.toFile("271.x12", suffix: .lf))
/// ```
public struct TestDataGenerator: Sendable {
    /// The seed.
    public let seed: UInt64
    /// The creation date of every transaction (fixed, so that output does not depend on the clock).
    public let today = CalendarDate(year: 2026, month: 11, day: 25)

    /// A generator for `seed`.
    public init(seed: UInt64 = 1) { self.seed = seed }

    static let plans = [("VALLEY HEALTH PLAN", "VHP01"), ("COAST ALLIANCE", "CAH02"), ("SIERRA CARE", "SCP03")]
    static let umoNames = [("ALLCARE IPA", "ACIPA01"), ("VALORI MEDICAL GROUP", "VMG01"), ("PROCARE MSO", "PCMSO1")]
    static let serviceTypes = ["1", "2", "3", "4", "5", "12", "18", "33", "42", "62", "AD", "AE", "PT", "MH", "BY"]
    static let eligibilityServiceTypes = ["30", "1", "33", "35", "47", "48", "50", "86", "88", "98", "AL", "MH", "UC", "PT"]
    static let placesOfService = ["11", "22", "21", "24", "19", "12", "65", "81"]
    static let procedures = ["99213", "99203", "99242", "97110", "97140", "29881", "73721", "70553", "20610", "E0601", "G0154", "27447"]
    static let modifiers = ["RT", "LT", "GP", "KX", "59", "25", "50", "TC", "26", "76"]
    static let diagnoses = ["M25561", "M25562", "S83241A", "M2341", "E119", "I10", "J45909", "Z8249", "M1711", "G8929",
                            "R262", "Z9181", "M545", "K219", "N400", "F419", "I214", "J189"]
    static let taxonomies = ["207Q00000X", "207X00000X", "207RC0000X", "208D00000X", "225100000X", "207RE0101X"]

    /// The transaction `index` of `type`.
    public func transaction(_ type: GeneratedType, index: Int) -> ModelTransaction {
        var g = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
        _ = g.next()
        switch type {
        case .eligibilityInquiry: return .eligibilityInquiry([inquiry(&g, index: index)])
        case .eligibilityResponse:
            let q = inquiry(&g, index: index)
            return .eligibilityResponse([response(to: q, &g, index: index)])
        case .authorizationRequest: return .authorizationRequest(request(&g, index: index))
        case .authorizationDecision:
            let r = request(&g, index: index)
            return .authorizationDecision(decision(for: r, &g, index: index))
        }
    }

    /// Writes transactions `0..<count` (or until `sizeBytes` have been written) in one interchange and group.
    /// Returns how many were written.
    @discardableResult
    public func write(_ type: GeneratedType, count: Int, sizeBytes: Int? = nil, to writer: X12Writer) throws -> Int {
        let (sender, receiver) = type == .eligibilityInquiry || type == .authorizationRequest
            ? ("CLINICSUBMIT01", "PLANRECEIVER01") : ("PLANRECEIVER01", "CLINICSUBMIT01")
        let builder = ModelX12Builder(writer: writer, envelope: EnvelopeOptions(
            senderID: sender, receiverID: receiver, interchangeControlNumber: Int(seed % 900_000_000) + 1,
            date: today, time: "1200", usage: "T"))
        var i = 0
        while sizeBytes.map({ writer.bytesWritten < $0 }) ?? (i < count) {
            try builder.add(transaction(type, index: i))
            i += 1
        }
        try builder.finish()
        return i
    }

    // MARK: Parties

    func member(_ g: inout SeededGenerator, subscriber: Bool) -> Member {
        let (last, first) = InventedPeople.person(&g)
        var m = Member(lastName: last, firstName: first)
        if subscriber {
            m.memberId = "W" + g.digits(9)
            m.dateOfBirth = InventedPeople.birthDate(&g, minAge: 19, maxAge: 90)
            if g.chance(30) { m.references = [Reference(kind: "6P", value: "GRP" + g.digits(4))] }
            if g.chance(20) { m.middleName = String(g.pick(InventedPeople.syllables).prefix(1)) }
        } else {
            m.dateOfBirth = InventedPeople.birthDate(&g, minAge: 0, maxAge: 17)
            m.relationship = g.chance(80) ? .child : .spouse
            if m.relationship == .spouse { m.dateOfBirth = InventedPeople.birthDate(&g, minAge: 19, maxAge: 80) }
        }
        m.gender = g.chance(50) ? .female : .male
        return m
    }

    func clinic(_ g: inout SeededGenerator) -> Provider {
        Provider(role: .provider, entityType: .organization, organizationName: InventedPeople.name(&g) + " CLINIC",
                 npi: InventedPeople.npi(&g))
    }

    func physician(_ g: inout SeededGenerator, role: EntityRole, function: ProviderFunction?) -> Provider {
        let (last, first) = InventedPeople.person(&g)
        return Provider(role: role, lastName: last, firstName: first, npi: InventedPeople.npi(&g), function: function,
                        taxonomyCode: function == nil ? nil : g.pick(Self.taxonomies))
    }

    func trace(_ g: inout SeededGenerator, prefix: String, index: Int) -> TraceNumber {
        TraceNumber(number: "\(prefix)\(index)", originatorId: "9" + g.digits(9))
    }

    // MARK: 270 / 271

    func inquiry(_ g: inout SeededGenerator, index: Int) -> EligibilityInquiry {
        let (plan, planID) = g.pick(Self.plans)
        var provider = clinic(&g)
        if g.chance(40) { provider.address = InventedPeople.address(&g) }
        var subscriber = member(&g, subscriber: true)
        subscriber.traceNumbers = [trace(&g, prefix: "INQ", index: index)]
        var dependent: Member?
        if g.chance(25) { dependent = member(&g, subscriber: false) }
        var encounter = Encounter(serviceTypeCodes: g.chance(60) ? ["30"] : (0..<g.int(1...3)).map { _ in g.pick(Self.eligibilityServiceTypes) })
        if g.chance(40) { encounter.dateOfService = DateRange(today.adding(days: g.int(-30...10))) }
        return EligibilityInquiry(
            trace: TransactionTrace(purpose: .request, reference: "INQ\(index)", creationDate: today, creationTime: "1200"),
            informationSource: Payer(role: .payer, name: plan, identifier: PartyIdentifier(.payerId, planID)),
            provider: provider, subscriber: subscriber, dependent: dependent, encounters: [encounter])
    }

    func response(to q: EligibilityInquiry, _ g: inout SeededGenerator, index: Int) -> EligibilityResponse {
        var subscriber = q.subscriber
        subscriber.traceNumbers = subscriber.traceNumbers.map { $0.echoed() }
        var dependent = q.dependent
        var r = EligibilityResponse(trace: TransactionTrace(purpose: .response, reference: q.trace.reference, creationDate: today,
                                                            creationTime: "1201"),
                                    informationSource: q.informationSource, provider: q.provider, subscriber: subscriber,
                                    dependent: dependent)
        let roll = g.int(0...99)
        if roll < 4 {
            r.subscriber?.rejections = [Rejection(reasonCode: g.pick(["72", "73", "75"]), followUpAction: .correctAndResubmit)]
            r.subscriber?.dateOfBirth = nil
            r.subscriber?.gender = nil
            r.dependent = nil
            return r
        }
        if roll < 6, dependent != nil {
            dependent?.rejections = [Rejection(reasonCode: "67", followUpAction: .correctAndResubmit)]
            r.dependent = dependent
            return r
        }
        let begin = CalendarDate(year: 2026, month: 1, day: 1)
        var patient = dependent ?? subscriber
        patient.dates = [EligibilityDate(.planBegin, DateRange(begin)), EligibilityDate(.planEnd, DateRange(CalendarDate(year: 2026, month: 12, day: 31)))]
        if dependent != nil { r.dependent = patient } else { r.subscriber = patient }
        let level: CoverageLevel = dependent != nil ? .family : .individual
        if roll < 14 {
            r.benefitsInformation = [Benefit(kind: .inactive, coverageLevel: level, serviceTypeCodes: ["30"])]
            return r
        }
        let plan = g.pick(["GOLD HMO 20", "SILVER PPO 40", "MEDI-CAL MANAGED CARE", "MEDICARE ADVANTAGE HMO"])
        let ins = plan.contains("PPO") ? "PR" : plan.contains("MEDI-CAL") ? "MC" : "HM"
        var benefits = [Benefit(kind: .activeCoverage, coverageLevel: level, serviceTypeCodes: ["30"], insuranceTypeCode: ins,
                                planCoverageDescription: plan)]
        let copay = Decimal(g.pick([10, 15, 20, 25, 30, 40]))
        benefits.append(Benefit(kind: .coPayment, coverageLevel: level, serviceTypeCodes: ["98"], insuranceTypeCode: ins,
                                timePeriod: .visit, amount: copay, inPlanNetwork: .inNetwork))
        benefits.append(Benefit(kind: .coPayment, coverageLevel: level, serviceTypeCodes: ["98"], insuranceTypeCode: ins,
                                timePeriod: .visit, amount: copay * 2, inPlanNetwork: .outOfNetwork))
        benefits.append(Benefit(kind: .coInsurance, coverageLevel: level, serviceTypeCodes: ["98"],
                                percent: Decimal(g.pick([10, 20, 30])) / 100, inPlanNetwork: .outOfNetwork))
        let deductible = Decimal(g.pick([500, 1000, 1500, 2500]))
        benefits.append(Benefit(kind: .deductible, coverageLevel: level, serviceTypeCodes: ["30"], timePeriod: .calendarYear,
                                amount: deductible, inPlanNetwork: .inNetwork))
        benefits.append(Benefit(kind: .deductible, coverageLevel: level, serviceTypeCodes: ["30"], timePeriod: .remaining,
                                amount: deductible - Decimal(g.int(0...4) * 100), inPlanNetwork: .inNetwork,
                                dates: [EligibilityDate(.benefit, DateRange(begin, end: CalendarDate(year: 2026, month: 12, day: 31)))]))
        benefits.append(Benefit(kind: .outOfPocket, coverageLevel: level, serviceTypeCodes: ["30"], timePeriod: .calendarYear,
                                amount: deductible * 3, inPlanNetwork: .inNetwork))
        benefits.append(Benefit(kind: .limitations, coverageLevel: level, serviceTypeCodes: ["PT"], quantityKind: .visits,
                                quantity: 20, deliveries: [ServiceDelivery(quantityKind: .visits, quantity: 20, timePeriod: .years, periodCount: 1)],
                                messages: ["PHYSICAL THERAPY VISITS PER CALENDAR YEAR"]))
        if g.chance(50) {
            benefits.append(Benefit(kind: .activeCoverage, serviceTypeCodes: ["AL", "UC", "MH"], insuranceTypeCode: ins,
                                    authorizationRequired: g.chance(50) ? .yes : .no))
        }
        var pcp = physician(&g, role: .primaryCareProvider, function: .primaryCare)
        pcp.contacts = [Contact(methods: [ContactMethod(.phone, InventedPeople.phone(&g))])]
        let group = Provider(role: .independentPhysiciansAssociation, entityType: .organization,
                             organizationName: g.pick(Self.umoNames).0, otherIdentifier: PartyIdentifier(.payerId, g.pick(Self.umoNames).1))
        benefits.append(Benefit(kind: .primaryCareProvider, dates: [EligibilityDate(.primaryCareProvider, DateRange(begin))],
                                relatedEntities: [pcp, group]))
        r.benefitsInformation = benefits
        return r
    }

    // MARK: 278

    func request(_ g: inout SeededGenerator, index: Int) -> AuthorizationRequest {
        let (umoName, umoID) = g.pick(Self.umoNames)
        var requester = g.chance(70) ? clinic(&g) : physician(&g, role: .provider, function: .referring)
        requester.address = InventedPeople.address(&g)
        requester.contacts = [Contact(name: InventedPeople.name(&g), methods: [ContactMethod(.phone, InventedPeople.phone(&g))])]
        if requester.function == nil { requester.function = .referring; requester.taxonomyCode = g.pick(Self.taxonomies) }
        let subscriber = member(&g, subscriber: true)
        let dependent = g.chance(25) ? member(&g, subscriber: false) : nil
        let kindRoll = g.int(0...99)
        let kind: RequestKind = kindRoll < 40 ? .specialtyReferral : kindRoll < 85 ? .healthServicesReview : .admissionReview
        let diagnosisCount = g.chance(15) ? 12 : g.int(1...4)
        var codes = Self.diagnoses
        var diagnoses: [Diagnosis] = []
        for i in 0..<diagnosisCount {
            let code = codes.remove(at: g.int(0...(codes.count - 1)))
            diagnoses.append(Diagnosis(role: i == 0 ? .principal : .other, code: code))
        }
        var event = PatientEvent(trackingNumbers: [trace(&g, prefix: "TRK", index: index)], kind: kind, diagnoses: diagnoses)
        let start = today.adding(days: g.int(-5...30))
        switch kind {
        case .specialtyReferral:
            event.serviceTypeCode = "3"
            event.location = ServiceLocation(code: "11")
            event.releaseOfInformationCode = "Y"
            event.eventDate = DateRange(start)
            event.delivery = ServiceDelivery(quantityKind: .visits, quantity: Decimal(g.pick([1, 3, 5])))
        case .admissionReview:
            event.serviceTypeCode = g.pick(["1", "2"])
            event.location = ServiceLocation(code: "21")
            event.levelOfService = g.pick([.emergency, .urgent, .elective])
            event.admissionDate = DateRange(start)
            event.delivery = ServiceDelivery(quantityKind: .days, quantity: Decimal(g.int(1...7)))
            event.institutional = InstitutionalInformation(admissionType: g.pick(["1", "2", "3"]), admissionSource: g.pick(["1", "2", "7"]))
        default:
            event.serviceTypeCode = g.pick(Self.serviceTypes)
            event.location = ServiceLocation(code: g.pick(Self.placesOfService))
            if g.chance(20) { event.levelOfService = .urgent }
            event.eventDate = DateRange(start, end: start.adding(days: g.int(0...60)))
        }
        if g.chance(30) {
            event.attachments = [Attachment(reportType: g.pick(["09", "OB", "LA", "RR", "B3"]), transmission: g.pick([.fax, .electronic, .mail]),
                                            controlNumber: g.chance(50) ? "ATT\(index)" : nil)]
        }
        if g.chance(25) { event.note = g.pick(["ALL REFERRAL VISITS USED", "LEFT SIDE", "BILATERAL", "CALL OFFICE FOR SCHEDULING"]) }
        var servicing = physician(&g, role: .serviceProvider, function: .performing)
        if g.chance(50) { servicing.address = InventedPeople.address(&g) }
        event.providers = [servicing]
        if kind == .admissionReview || g.chance(20) {
            event.providers.append(Provider(role: .facility, entityType: .organization,
                                            organizationName: InventedPeople.name(&g) + " HOSPITAL", npi: InventedPeople.npi(&g),
                                            address: InventedPeople.address(&g)))
        }
        var lines: [ServiceLine] = []
        let lineCount = kind == .specialtyReferral ? g.int(0...1) : g.int(1...5)
        for n in 0..<lineCount {
            var l = ServiceLine(trackingNumbers: [TraceNumber(number: "TRK\(index)-\(n + 1)", originatorId: event.trackingNumbers[0].originatorId)])
            if g.chance(50) {
                l.reviewKind = kind == .specialtyReferral ? .specialtyReferral : .healthServicesReview
                l.certificationType = .initial
                l.serviceTypeCode = event.serviceTypeCode
            }
            l.serviceDate = g.chance(50) ? DateRange(start) : DateRange(start, end: start.adding(days: g.int(1...30)))
            if kind == .admissionReview && n == 0 {
                l.kind = .institutional
                l.revenueCode = g.pick(["0120", "0360", "0450"])
                l.unit = .days
                l.quantity = event.delivery?.quantity
                l.amount = Decimal(g.int(5...40) * 100)
            } else {
                l.kind = .professional
                var mods: [String] = []
                for _ in 0..<g.int(0...4) {
                    let m = g.pick(Self.modifiers)
                    if !mods.contains(m) { mods.append(m) }
                }
                l.procedure = Procedure(code: g.pick(Self.procedures), modifiers: mods)
                l.unit = .units
                l.quantity = Decimal(g.int(1...12))
                if g.chance(50) { l.amount = Decimal(g.int(50...2000)) + Decimal(g.pick([0, 25, 50])) / 100 }
                l.diagnosisPointers = Array(1...min(diagnosisCount, g.int(1...4)))
            }
            lines.append(l)
        }
        return AuthorizationRequest(
            trace: TransactionTrace(purpose: .request, reference: "REQ\(index)", creationDate: today, creationTime: "0915"),
            umo: Payer(role: .utilizationManagementOrganization, name: umoName, identifier: PartyIdentifier(.payerId, umoID)),
            requester: requester, subscriber: subscriber, dependent: dependent, event: event, serviceLines: lines)
    }

    func decision(for r: AuthorizationRequest, _ g: inout SeededGenerator, index: Int) -> AuthorizationDecision {
        var requester = r.requester
        requester.address = nil
        requester.contacts = []
        var event = r.event
        event.trackingNumbers = event.trackingNumbers.map { $0.echoed() }
        event.releaseOfInformationCode = nil
        event.attachments = []
        event.note = nil
        var d = AuthorizationDecision(
            trace: TransactionTrace(purpose: .response, reference: r.trace.reference, creationDate: today, creationTime: "1130"),
            responseStatus: .final, umo: r.umo, requester: Provider(role: requester.role, entityType: requester.entityType,
                                                                     organizationName: requester.organizationName,
                                                                     lastName: requester.lastName, firstName: requester.firstName,
                                                                     npi: requester.npi),
            subscriber: Member(memberId: r.subscriber.memberId, lastName: r.subscriber.lastName, firstName: r.subscriber.firstName),
            dependent: r.dependent)
        let number = today.compact + "7100026" + String(100_000 + index % 900_000)
        let roll = g.int(0...99)
        if roll < 5 {
            d.subscriber?.rejections = [Rejection(reasonCode: "75", followUpAction: .correctAndResubmit)]
            d.dependent = nil
            return d
        }
        d.event = event
        if roll < 10 {
            d.eventRejections = [Rejection(reasonCode: g.pick(["57", "15", "AF"]), followUpAction: .correctAndResubmit)]
            return d
        }
        let action: DecisionAction
        switch roll {
        case ..<55: action = .certifiedInTotal
        case ..<70: action = .pended
        case ..<80: action = .notCertified
        case ..<88: action = r.serviceLines.count > 1 ? .certifiedPartially : .modified
        case ..<93: action = .modified
        case ..<96: action = .contactPayer
        default: action = .noActionRequired
        }
        var outcome = ReviewOutcome(action: action)
        switch action {
        case .certifiedInTotal, .certifiedPartially, .modified:
            outcome.authorizationNumber = number
            outcome.period = CertificationPeriod(issued: today, effective: DateRange(today), expires: today.adding(days: 89))
            if r.kind == .specialtyReferral { outcome.period.expires = today.adding(years: 1) }
            if action == .modified, let q = event.delivery?.quantity, q > 1 { d.event?.delivery?.quantity = q - 1 }
        case .pended:
            outcome.reasonCodes = ["0U"]
            outcome.administrativeReference = "ADM\(index)"
            d.responseStatus = .updatesToFollow
            d.event?.attachments = [Attachment(reportType: "09", transmission: .fax)]
        case .notCertified:
            outcome.authorizationNumber = g.chance(50) ? number : nil
            outcome.reasonCodes = [g.pick(["0F", "0M", "14", "0N"])]
            d.event?.note = "CRITERIA USED ARE AVAILABLE ON REQUEST"
        default: break
        }
        d.outcome = outcome
        guard action != .contactPayer, action != .noActionRequired else { return d }
        d.lines = r.serviceLines.enumerated().map { (n, line) in
            var l = line
            l.trackingNumbers = l.trackingNumbers.map { $0.echoed() }
            l.attachments = []
            l.note = nil
            l.providers = []
            var o = ReviewOutcome(action: action == .certifiedPartially ? (n % 2 == 0 ? .certifiedInTotal : .notCertified) : action)
            if action == .certifiedPartially && n % 2 == 1 { o.reasonCodes = ["0F"] }
            if o.action == .certifiedInTotal || o.action == .modified { o.authorizationNumber = number }
            if o.action == .pended { o.reasonCodes = ["0U"]; o.administrativeReference = "ADM\(index)" }
            if o.action == .notCertified && o.reasonCodes.isEmpty { o.reasonCodes = outcome.reasonCodes }
            if o.action == .modified, let q = l.quantity, q > 1 { l.quantity = q - 1 }
            return ServiceLineDecision(line: l, outcome: o,
                                       requestedDocumentation: o.action == .pended ? ["18842-5"] : [])
        }
        return d
    }
}
