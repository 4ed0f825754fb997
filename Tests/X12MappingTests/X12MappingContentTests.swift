import AuthModel
import Foundation
import Testing
import X12
@testable import X12Mapping

/// What the hand-written files of TestData/mapping/ map to.
@Suite struct X12MappingContentTests {
    func request(_ file: String, _ n: Int = 0) throws -> AuthorizationRequest {
        guard case .authorizationRequest(let r) = try MappingTestSupport.models(file)[n] else { throw MappingError.structure("not a request") }
        return r
    }

    func decision(_ file: String, _ n: Int = 0) throws -> AuthorizationDecision {
        guard case .authorizationDecision(let d) = try MappingTestSupport.models(file)[n] else { throw MappingError.structure("not a decision") }
        return d
    }

    @Test func requestWithDependentTwelveDiagnosesAndModifiers() throws {
        let r = try request("mapping/278-request-dependent-lines.x12")
        #expect(r.trace.purpose == .request && r.trace.reference == "REQ20261125A")
        #expect(r.umo.role == .utilizationManagementOrganization && r.umo.identifier == PartyIdentifier(.payerId, "ACIPA01"))
        #expect(r.requester.npi == "1234567893" && r.requester.function == .referring && r.requester.taxonomyCode == "207Q00000X")
        #expect(r.requester.contacts.first?.phone == "8315550101" && r.requester.contacts.first?.fax == "8315550102")
        #expect(r.subscriber.memberId == "W100200300" && r.subscriber.groupNumber == "GRP7710")
        #expect(r.subscriber.dateOfBirth == CalendarDate(year: 1984, month: 3, day: 9) && r.subscriber.gender == .female)
        #expect(r.dependent?.relationship == .child && r.dependent?.memberId == nil && r.patient.firstName == "TOMAS")
        #expect(r.kind == .healthServicesReview && r.event.certificationType == .initial && r.event.serviceTypeCode == "2")
        #expect(r.event.location == ServiceLocation(code: "22") && r.event.levelOfService == .urgent && r.priority == .expedited)
        #expect(r.diagnoses.count == 12 && r.diagnoses[0] == Diagnosis(role: .principal, code: "M25561"))
        #expect(r.diagnoses.dropFirst().allSatisfy { $0.role == .other && $0.codeSystem == .icd10cm })
        #expect(r.event.eventDate == DateRange(CalendarDate(year: 2026, month: 12, day: 1), end: CalendarDate(year: 2026, month: 12, day: 15)))
        #expect(r.event.delivery == ServiceDelivery(quantityKind: .visits, quantity: 6))
        #expect(r.event.attachments == [Attachment(reportType: "OB", transmission: .fax, controlNumber: "ATT0001", description: "OPERATIVE NOTE")])
        #expect(r.event.note == "PLANNED DATE OF SERVICE 12/01, LEFT KNEE")
        #expect(r.event.servicingProvider?.npi == "1992753883" && r.event.facility?.organizationName == "SALINAS SURGERY CENTER")
        #expect(r.event.trackingNumbers == [TraceNumber(number: "TRK0001", originatorId: "9CLINIC001")])
        #expect(r.serviceLines.count == 3)
        let l1 = r.serviceLines[0], l2 = r.serviceLines[1], l3 = r.serviceLines[2]
        #expect(l1.kind == .professional && l1.procedure == Procedure(code: "29881", modifiers: ["RT", "59"]) && l1.diagnosisPointers == [1, 2])
        #expect(l1.reviewKind == .healthServicesReview && l1.serviceDate == DateRange(CalendarDate(year: 2026, month: 12, day: 1)))
        #expect(l2.procedure?.modifiers == ["GP", "KX", "59", "RT"] && l2.amount == 480 && l2.unit == .units && l2.quantity == 4)
        #expect(l2.reviewKind == nil)
        #expect(l3.kind == .institutional && l3.revenueCode == "0360" && l3.procedure?.modifiers == ["RT"] && l3.quantity == 1)
    }

    @Test func referralAndAdmission() throws {
        let referral = try request("mapping/278-requests-referral-admission.x12", 0)
        #expect(referral.kind == .specialtyReferral && referral.event.serviceTypeCode == "3" && referral.serviceLines.isEmpty)
        #expect(referral.event.releaseOfInformationCode == "Y" && referral.requester.entityType == .person)
        #expect(referral.priority == .standard)
        let admission = try request("mapping/278-requests-referral-admission.x12", 1)
        #expect(admission.kind == .admissionReview && admission.event.levelOfService == .emergency)
        #expect(admission.event.lengthOfStayDays == 3 && admission.event.institutional == InstitutionalInformation(admissionType: "1", admissionSource: "7"))
        #expect(admission.priority == .retrospective)   // admitted the day before the request
        #expect(admission.serviceLines[0].unit == .days && admission.serviceLines[0].amount == 1500)
    }

    @Test func partialDecisionWithLineDecisions() throws {
        let d = try decision("mapping/278-response-partial.x12")
        #expect(d.responseStatus == .final && d.trace.reference == "REQ20261125A")
        #expect(d.action == .certifiedPartially && d.status == .approved && d.authorizationNumber == "20261125710002600001")
        #expect(d.outcome?.period == CertificationPeriod(issued: CalendarDate(year: 2026, month: 11, day: 25),
                                                         effective: DateRange(CalendarDate(year: 2026, month: 12, day: 1)),
                                                         expires: CalendarDate(year: 2027, month: 2, day: 22)))
        #expect(d.event?.trackingNumbers.map(\.kind) == [.referenced, .current])
        #expect(d.umo.contacts.first?.phone == "8315550110")
        #expect(d.lines.map { $0.outcome?.action } == [.certifiedInTotal, .modified, .notCertified])
        #expect(d.lines[1].line.quantity == 2 && d.lines[1].outcome?.reasonCodes == ["10"])
        #expect(d.lines[2].outcome?.reasonCodes == ["0F", "14"] && d.lines[2].outcome?.authorizationNumber == nil)
        #expect(d.lines[2].outcome?.status == .denied)
        #expect(!d.isRejection)
    }

    @Test func pendedAndDenied() throws {
        let pended = try decision("mapping/278-responses-pended-denied.x12", 0)
        #expect(pended.responseStatus == .updatesToFollow && pended.status == .systemHold)
        #expect(pended.outcome == ReviewOutcome(action: .pended, reasonCodes: ["0U"], administrativeReference: "ADM2026112501"))
        #expect(pended.event?.attachments == [Attachment(reportType: "09", transmission: .fax)])
        #expect(pended.documentationContact?.role == .documentationContact && pended.documentationContact?.contacts.first?.fax == "8315550111")
        #expect(pended.lines[0].requestedDocumentation == ["18842-5", "11506-3"])
        let denied = try decision("mapping/278-responses-pended-denied.x12", 1)
        #expect(denied.status == .denied && denied.outcome?.reasonCodes == ["0F"] && denied.authorizationNumber == "DEN20261125001")
    }

    @Test func rejections() throws {
        let file = "mapping/278-responses-rejected.x12"
        let notFound = try decision(file, 0)
        #expect(notFound.isRejection && notFound.status == nil && notFound.event == nil)
        #expect(notFound.subscriber?.rejections == [Rejection(reasonCode: "75", followUpAction: .correctAndResubmit)])
        let down = try decision(file, 1)
        #expect(down.rejections == [Rejection(validRequest: true, reasonCode: "42", followUpAction: .doNotResubmitWillRespond)])
        let badDates = try decision(file, 2)
        #expect(badDates.eventRejections.map(\.reasonCode) == ["57"] && badDates.outcome == nil && badDates.event?.kind == .healthServicesReview)
    }

    @Test func eligibilityInquiriesPerPatient() throws {
        guard case .eligibilityInquiry(let q) = try MappingTestSupport.models("mapping/270-subscriber-and-dependents.x12")[0] else {
            Issue.record("not a 270"); return
        }
        #expect(q.count == 3)
        #expect(q[0].dependent == nil && q[0].serviceTypeCodes == ["30"] && q[0].dateOfService == DateRange(CalendarDate(year: 2026, month: 11, day: 25)))
        #expect(q[0].provider.references == [Reference(kind: "TJ", value: "770012345")])
        #expect(q[1].subscriber == q[2].subscriber && q[1].dependent?.firstName == "KALI" && q[2].dependent?.relationship == .spouse)
        #expect(q[1].encounters.count == 2 && q[1].encounters[0].serviceTypeCodes == ["98", "UC"])
        #expect(q[1].encounters[1].procedure == Procedure(code: "99213", modifiers: ["25"]))
        #expect(q[2].encounters[0].placeOfServiceCode == "11" && q[2].dependent?.middleName == "J")
        #expect(q[1].dependent?.traceNumbers.first?.number == "INQ0002-1")
    }

    @Test func eligibilityResponseBenefitsPCPAndRejections() throws {
        let models = try MappingTestSupport.models("mapping/271-benefits-pcp-rejections.x12")
        guard case .eligibilityResponse(let r1) = models[0], case .eligibilityResponse(let r2) = models[1],
              case .eligibilityResponse(let r3) = models[2] else { Issue.record("not 271s"); return }
        let r = r1[0]
        #expect(r.coverageStatus == .active && r.planName == "GOLD HMO 20")
        #expect(r.coverageDates == DateRange(CalendarDate(year: 2026, month: 1, day: 1), end: CalendarDate(year: 2026, month: 12, day: 31)))
        let b = r.benefitsInformation
        #expect(b[1].kind == .coPayment && b[1].amount == 25 && b[1].timePeriod == .visit && b[1].inPlanNetwork == .inNetwork)
        #expect(b[2].amount == 60 && b[2].inPlanNetwork == .outOfNetwork)
        #expect(b[3].kind == .coInsurance && b[3].percent == Decimal(string: "0.2"))
        #expect(b[4].kind == .deductible && b[4].amount == 1500 && b[4].timePeriod == .calendarYear)
        #expect(b[5].timePeriod == .remaining && b[5].dates.first?.kind == .benefit)
        #expect(b[7].kind == .limitations && b[7].quantityKind == .visits && b[7].quantity == 20 && b[7].messages.count == 1)
        #expect(b[7].deliveries == [ServiceDelivery(quantityKind: .visits, quantity: 20, timePeriod: .years, periodCount: 1)])
        #expect(b[8].serviceTypeCodes == ["AL", "UC"] && b[8].procedure == Procedure(code: "92004"))
        #expect(r.primaryCareProvider?.npi == "1003000126" && r.primaryCareProvider?.contacts.first?.phone == "8315550120")
        #expect(r.medicalGroup?.organizationName == "VALORI MEDICAL GROUP")
        #expect(r.subscriber?.traceNumbers.map(\.kind) == [.referenced, .current])
        #expect(r.informationSource.contacts.first?.methods.last == ContactMethod(.url, "WWW.EXAMPLE.ORG"))
        #expect(r2.count == 2 && r2[0].dependent?.rejections.map(\.reasonCode) == ["67"] && r2[1].subscriber?.rejections.map(\.reasonCode) == ["72"])
        #expect(r2[0].coverageStatus == .unknown)
        #expect(r3.count == 1 && r3[0].provider == nil && r3[0].rejections == [Rejection(validRequest: true, reasonCode: "42", followUpAction: .resubmissionAllowed)])
    }

    @Test func badCodeIsAMappingErrorNotACrash() throws {
        var text = String(decoding: try MappingTestSupport.bytes("mapping/278-response-partial.x12"), as: UTF8.self)
        text = text.replacingOccurrences(of: "HCR*A2*", with: "HCR*ZZ*")
        let reader = X12ModelReader(bytes: Array(text.utf8))
        let t = try #require(try reader.next())
        guard case .failure(let e) = t.result else { Issue.record("mapped a bad code"); return }
        #expect(e == .unknownCode(segment: "HCR", position: 1, code: "ZZ", list: "action code (HCR01)"))
    }
}
