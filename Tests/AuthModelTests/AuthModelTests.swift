import Foundation
import Testing
@testable import AuthModel

@Suite struct CalendarDateTests {
    @Test(arguments: [("2026-02-28", true), ("2026-02-29", false), ("2024-02-29", true), ("20261125", true),
                      ("2026-13-01", false), ("2026-1-01", false), ("", false), ("2026112", false), ("2026-11-2a", false),
                      ("2026/11/25", false), ("20261a25", false), ("0000-01-01", true), ("19991231", true), ("2026-11-250", false)])
    func parses(_ text: String, _ valid: Bool) {
        #expect((CalendarDate(text) != nil) == valid)
    }

    @Test func arithmetic() {
        let d = CalendarDate(year: 2026, month: 11, day: 25)
        #expect(d.adding(days: 89) == CalendarDate(year: 2027, month: 2, day: 22))
        #expect(d.adding(days: -365).description == "2025-11-25")
        #expect(CalendarDate(year: 2024, month: 2, day: 29).adding(years: 1) == CalendarDate(year: 2025, month: 2, day: 28))
        #expect(CalendarDate(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(d.days(to: d.adding(days: 10)) == 10)
        #expect(d.compact == "20261125")
    }

    @Test func textBothWays() {
        for (text, y, m, dd) in [("2026-11-25", 2026, 11, 25), ("0001-01-09", 1, 1, 9), ("1999-12-31", 1999, 12, 31)] {
            let d = CalendarDate(year: y, month: m, day: dd)
            #expect(CalendarDate(text) == d)
            #expect(d.description == text)
            #expect(d.compact == text.replacingOccurrences(of: "-", with: ""))
            #expect(CalendarDate(d.compact) == d)
        }
        #expect(CalendarDate(year: 12345, month: 1, day: 2).description == "12345-01-02")
        #expect(CalendarDate(year: 5, month: 100, day: 2).compact == "000510002")
    }

    @Test func codableAsISOString() throws {
        let data = try JSONEncoder().encode([CalendarDate(year: 1984, month: 3, day: 9)])
        #expect(String(decoding: data, as: UTF8.self) == #"["1984-03-09"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [CalendarDate(year: 1984, month: 3, day: 9)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDate].self, from: Data(#"["1984-02-30"]"#.utf8)) }
    }
}

@Suite struct AuthorizationStatusTests {
    @Test(arguments: [
        (DecisionAction.certifiedInTotal, AuthorizationStatus.approved), (.certifiedPartially, .approved),
        (.modified, .approved), (.noActionRequired, .approved), (.notCertified, .denied), (.pended, .systemHold),
        (.contactPayer, .systemHold), (.cancelled, .cancelled),
    ])
    func fromDecision(_ action: DecisionAction, _ status: AuthorizationStatus) {
        #expect(AuthorizationStatus(action: action) == status)
    }

    @Test func toDecisionRoundTripsForFinalStatuses() {
        for s in AuthorizationStatus.allCases where s != .requested {
            #expect(AuthorizationStatus(action: s.decisionAction) == s)
        }
        #expect(AuthorizationStatus.requested.decisionAction == .pended)
        #expect(AuthorizationStatus.systemHold.rawValue == "SYSTEM HOLD")
        #expect(AuthorizationStatus.approved.isValidForService && !AuthorizationStatus.systemHold.isValidForService)
    }
}

@Suite struct AuthorizationRequestTests {
    func request(level: LevelOfService?, serviceDate: CalendarDate?) -> AuthorizationRequest {
        AuthorizationRequest(
            trace: TransactionTrace(purpose: .request, reference: "R1", creationDate: CalendarDate(year: 2026, month: 11, day: 25), creationTime: "0900"),
            umo: .umo(name: "UMO"), requester: Provider(),
            subscriber: Member(memberId: "M1", lastName: "TANAVO", firstName: "RELI"),
            event: PatientEvent(kind: .healthServicesReview, levelOfService: level),
            serviceLines: [ServiceLine(serviceDate: serviceDate.map { DateRange($0) })])
    }

    @Test func priorityIsDerived() {
        #expect(request(level: nil, serviceDate: nil).priority == .standard)
        #expect(request(level: .elective, serviceDate: CalendarDate(year: 2026, month: 12, day: 1)).priority == .standard)
        #expect(request(level: .urgent, serviceDate: nil).priority == .expedited)
        #expect(request(level: .emergency, serviceDate: nil).priority == .expedited)
        #expect(request(level: .urgent, serviceDate: CalendarDate(year: 2026, month: 11, day: 20)).priority == .retrospective)
    }

    @Test func codableRoundTrip() throws {
        var r = request(level: .urgent, serviceDate: CalendarDate(year: 2026, month: 12, day: 1))
        r.event.diagnoses = (1...12).map { Diagnosis(role: $0 == 1 ? .principal : .other, code: "M2556\($0)") }
        r.serviceLines[0].procedure = Procedure(code: "97110", modifiers: ["GP", "KX", "59", "RT"])
        r.serviceLines[0].amount = Decimal(string: "125.50")
        let data = try JSONEncoder().encode(r)
        #expect(try JSONDecoder().decode(AuthorizationRequest.self, from: data) == r)
    }
}

@Suite struct EligibilityResponseTests {
    @Test func summaries() {
        let pcp = Provider(role: .primaryCareProvider, lastName: "ORVANE", firstName: "TESA", npi: "1234567893")
        let group = Provider(role: .independentPhysiciansAssociation, entityType: .organization, organizationName: "VALORI MEDICAL GROUP")
        var member = Member(memberId: "W1", lastName: "KAVORA")
        member.dates = [EligibilityDate(.planBegin, DateRange(CalendarDate(year: 2026, month: 1, day: 1))),
                        EligibilityDate(.planEnd, DateRange(CalendarDate(year: 2026, month: 12, day: 31)))]
        let r = EligibilityResponse(
            trace: TransactionTrace(purpose: .response, creationDate: CalendarDate(year: 2026, month: 11, day: 25), creationTime: "1200"),
            informationSource: Payer(name: "PLAN"), subscriber: member,
            benefitsInformation: [
                Benefit(kind: .activeCoverage, serviceTypeCodes: ["30"], planCoverageDescription: "GOLD HMO"),
                Benefit(kind: .coInsurance, serviceTypeCodes: ["98"], percent: Decimal(string: "0.2")),
                Benefit(kind: .primaryCareProvider, relatedEntities: [pcp, group]),
            ])
        #expect(r.coverageStatus == .active)
        #expect(r.planName == "GOLD HMO")
        #expect(r.coverageDates == DateRange(CalendarDate(year: 2026, month: 1, day: 1), end: CalendarDate(year: 2026, month: 12, day: 31)))
        #expect(r.primaryCareProvider == pcp)
        #expect(r.medicalGroup == group)
    }
}

@Suite struct AuthorizationDecisionTests {
    @Test func certifiedPeriodFallsBackToTheEventDate() {
        let day = CalendarDate(year: 2026, month: 12, day: 1)
        var d = AuthorizationDecision(
            trace: TransactionTrace(purpose: .response, creationDate: day, creationTime: "1200"), umo: .umo(name: "UMO"),
            event: PatientEvent(kind: .specialtyReferral, eventDate: DateRange(day, end: day.adding(days: 90))),
            outcome: ReviewOutcome(action: .certifiedInTotal, authorizationNumber: "A1"))
        #expect(d.certifiedPeriod == DateRange(day, end: day.adding(days: 90)))
        d.outcome?.period = CertificationPeriod(issued: day, effective: DateRange(day), expires: day.adding(years: 1))
        #expect(d.certifiedPeriod == DateRange(day, end: day.adding(years: 1)))
        d.outcome = ReviewOutcome(action: .pended)
        #expect(d.certifiedPeriod == nil && d.status == .systemHold)
    }
}
