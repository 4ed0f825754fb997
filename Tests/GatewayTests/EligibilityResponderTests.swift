import AuthModel
import Foundation
import Testing
@testable import Gateway

@Suite struct EligibilityResponderTests {
    typealias B = RequestBuilder
    let store: SQLiteGatewayStore
    let responder = EligibilityResponder(clock: ResponderClock(today: RequestBuilder.today, time: "1000"))

    init() throws { store = try GatewayTestSupport.referenceStore() }

    func answer(_ inquiry: EligibilityInquiry) throws -> EligibilityResponse {
        try store.read { try responder.respond(to: inquiry, in: $0) }
    }

    @Test func activeMemberGetsPlanDatesBenefitsPCPAndMedicalGroup() throws {
        let r = try answer(B.inquiry(B.member("W100000001", "KAVORA", "MELI", "1984-03-09")))
        #expect(r.allRejections.isEmpty)
        #expect(r.coverageStatus == .active)
        #expect(r.planName == "Valley Gold PPO")
        #expect(r.coverageDates == DateRange(CalendarDate(year: 2025, month: 1, day: 1)))
        #expect(r.trace.reference == "INQ-1" && r.trace.purpose == .response && r.trace.creationDate == B.today)
        #expect(r.subscriber?.traceNumbers.first?.kind == .referenced)
        let kinds = r.benefitsInformation.map(\.kind)
        #expect(kinds == [.activeCoverage, .coInsurance, .deductible, .deductible, .outOfPocket, .primaryCareProvider])
        #expect(r.benefitsInformation[0].insuranceTypeCode == "C1")
        #expect(r.benefitsInformation.first { $0.kind == .coInsurance }?.percent == Decimal(string: "0.2"))
        #expect(r.benefitsInformation.first { $0.kind == .deductible && $0.timePeriod == .remaining }?.amount == 1200)
        #expect(r.primaryCareProvider?.npi == "1111111112" && r.primaryCareProvider?.lastName == "ORTIZ")
        #expect(r.medicalGroup?.organizationName == "VALORI MEDICAL GROUP")
    }

    @Test func serviceTypesAskedForAreAnsweredBesideTheGenericOnes() throws {
        let r = try answer(B.inquiry(B.member("W100000001", "KAVORA", "MELI"), types: ["98", "UC", "AE"]))
        let office = r.benefitsInformation.filter { $0.serviceTypeCodes == ["98"] }
        #expect(office.map(\.kind) == [.activeCoverage, .coPayment])
        #expect(office[1].amount == 25 && office[1].timePeriod == .visit && office[1].inPlanNetwork == .inNetwork)
        #expect(r.benefitsInformation.contains { $0.serviceTypeCodes == ["UC"] && $0.kind == .coPayment && $0.amount == 50 })
        let pt = try #require(r.benefitsInformation.first { $0.serviceTypeCodes == ["AE"] && $0.kind == .limitations })
        #expect(pt.quantity == 20 && pt.authorizationRequired == .yes && pt.messages == ["Physical medicine visits a year"])
        #expect(r.benefitsInformation.contains { $0.serviceTypeCodes == ["30"] && $0.kind == .deductible })
    }

    @Test func endedCoverageIsInactiveWithNothingMore() throws {
        let r = try answer(B.inquiry(B.member("W100000003", "TRAN", "LINH")))
        #expect(r.coverageStatus == .inactive)
        #expect(r.benefitsInformation.count == 1 && r.planName == "Valley Medi-Cal")
        #expect(r.coverageDates?.last == CalendarDate(year: 2024, month: 12, day: 31))
    }

    @Test(arguments: [
        ("W999999999", "KAVORA", "MELI", nil, "75"),
        ("", "KAVORA", "MELI", nil, "72"),
        ("W1*00", "KAVORA", "MELI", nil, "72"),
        ("W100000001", "KAVORRA", "MELI", nil, "73"),
        ("W100000001", "KAVORA", "MARIA", nil, "73"),
        ("W100000001", "KAVORA", "MELI", "1984-03-10", "71"),
    ] as [(String, String, String, String?, String)])
    func memberProblemsAreRejectedAtTheSubscriber(id: String, last: String, first: String, dob: String?, code: String) throws {
        let r = try answer(B.inquiry(B.member(id, last, first, dob)))
        #expect(r.subscriber?.rejections.map(\.reasonCode) == [code])
        #expect(r.subscriber?.rejections.first?.followUpAction == .correctAndResubmit)
        #expect(r.benefitsInformation.isEmpty)
    }

    @Test func namesAreComparedTheCAQHWay() throws {
        let r = try answer(B.inquiry(B.member("W100000002", "o'neil smith jr", "James", "1950-07-22")))
        #expect(r.allRejections.isEmpty && r.coverageStatus == .active)
        #expect(r.subscriber?.lastName == "O'NEIL-SMITH")
        #expect(MemberMatcher.normalize("Garcia, Jr.") == "GARCIA")
        #expect(MemberMatcher.normalize("DR VAN DER BERG") == "VANDERBERG")
    }

    @Test func providerNotOnFileIsRejectedAtTheInformationReceiver() throws {
        let stranger = Provider(role: .provider, entityType: .organization, organizationName: "NOWHERE CLINIC", npi: "1999999992")
        let r = try answer(B.inquiry(B.member("W100000001", "KAVORA", "MELI"), provider: stranger))
        #expect(r.provider?.rejections.map(\.reasonCode) == ["51"])
        #expect(r.subscriber == nil && r.benefitsInformation.isEmpty)
        let lenient = EligibilityResponder(clock: ResponderClock(today: B.today), requireKnownProvider: false)
        #expect(try store.read { try lenient.respond(to: B.inquiry(B.member("W100000001", "KAVORA", "MELI"), provider: stranger), in: $0) }
            .coverageStatus == .active)
    }

    @Test(arguments: [("2025-11-24", "62"), ("2026-12-01", "62"), ("2025-11-25", nil), ("2026-11-30", nil)] as [(String, String?)])
    func datesOutsideTheInquiryWindowAreRejected(day: String, code: String?) throws {
        let r = try answer(B.inquiry(B.member("W100000001", "KAVORA", "MELI"), on: day))
        #expect(r.subscriber?.rejections.map(\.reasonCode) == (code.map { [$0] } ?? []))
    }

    @Test func dependentsAreFoundThroughTheSubscriber() throws {
        let sub = B.member("W100000001", "KAVORA", "MELI")
        let ok = try answer(B.inquiry(sub, dependent: B.member(nil, "Kavora", "Teo", "2015-05-05")))
        #expect(ok.dependent?.memberId == nil && ok.dependent?.firstName == "TEO" && ok.dependent?.relationship == .child)
        #expect(ok.coverageStatus == .active && ok.dependent?.dates.first?.kind == .planBegin)
        let unknown = try answer(B.inquiry(sub, dependent: B.member(nil, "KAVORA", "LUCA", "2015-05-05")))
        #expect(unknown.dependent?.rejections.map(\.reasonCode) == ["77"])
        let wrongBirth = try answer(B.inquiry(sub, dependent: B.member(nil, "KAVORA", "TEO", "2015-05-06")))
        #expect(wrongBirth.dependent?.rejections.map(\.reasonCode) == ["71"])
    }

    @Test(arguments: [("ORTIZ, ANA", "ORTIZ", "ANA"), ("  ORTIZ ,\tANA  ", "ORTIZ", "ANA"), ("LEE,\u{00A0}KIM\u{2009}", "LEE", "KIM")])
    func aPCPNamedLastCommaFirstIsAPersonWithoutTheSpacesAround(name: String, last: String, first: String) {
        let p = Provider.named(name, role: .primaryCareProvider, npi: "1111111112")
        #expect(p.entityType == .person && p.lastName == last && p.firstName == first)
        let group = Provider.named("VALORI MEDICAL GROUP", role: .primaryCareProvider, npi: nil)
        #expect(group.entityType == .organization && group.organizationName == "VALORI MEDICAL GROUP")
    }
}
