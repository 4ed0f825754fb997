import AuthModel
import Foundation

/// Small builders for hand-written domain requests (the responders take domain values).
enum RequestBuilder {
    static let today = CalendarDate(year: 2026, month: 11, day: 25)
    static let pcp = Provider(role: .provider, entityType: .person, lastName: "ORTIZ", firstName: "ANA", npi: "1111111112")
    static let clinic = Provider(role: .provider, entityType: .organization, organizationName: "VALORI MEDICAL GROUP", npi: "1234567893")
    static let payer = Payer(name: "VALLEY HEALTH PLAN", identifier: .init(.payerId, "VHP01"))
    static let umo = UtilizationManagementOrganization(name: "VALORI MEDICAL GROUP", identifier: .init(.payerId, "VMG01"))

    static func member(_ id: String?, _ last: String?, _ first: String?, _ dob: String? = nil) -> Member {
        var m = Member(memberId: id, lastName: last, firstName: first, dateOfBirth: dob.flatMap(CalendarDate.init))
        m.traceNumbers = [TraceNumber(number: "T-\(id ?? "DEP")", originatorId: "9876543210")]
        return m
    }

    static func inquiry(_ subscriber: Member, dependent: Member? = nil, types: [String] = ["30"], on day: String? = nil,
                        provider: Provider = clinic) -> EligibilityInquiry {
        EligibilityInquiry(trace: TransactionTrace(purpose: .request, reference: "INQ-1", creationDate: today, creationTime: "0900"),
                           informationSource: payer, provider: provider, subscriber: subscriber, dependent: dependent,
                           encounters: [Encounter(serviceTypeCodes: types, dateOfService: day.flatMap(CalendarDate.init).map { DateRange($0) })])
    }

    static func referral(_ subscriber: Member, to npi: String, codes: [String] = ["99203"], diagnosis: String = "I209",
                         visits: Int? = nil) -> AuthorizationRequest {
        var event = PatientEvent(trackingNumbers: [TraceNumber(number: "EV-1", originatorId: "1112223334")],
                                 kind: .specialtyReferral, serviceTypeCode: "3",
                                 location: ServiceLocation(code: "11", kind: .placeOfService),
                                 diagnoses: [Diagnosis(role: .principal, code: diagnosis)],
                                 providers: [Provider(role: .serviceProvider, entityType: .organization, organizationName: "SPECIALIST", npi: npi)])
        if let visits { event.delivery = ServiceDelivery(quantityKind: .visits, quantity: Decimal(visits)) }
        let lines = codes.map { ServiceLine(kind: .professional, procedure: Procedure(code: $0), unit: .units, quantity: 1) }
        return AuthorizationRequest(trace: TransactionTrace(purpose: .request, reference: "REQ-1", creationDate: today, creationTime: "0915"),
                                    umo: umo, requester: pcp, subscriber: subscriber, event: event, serviceLines: lines)
    }

    static func authorization(_ subscriber: Member, kind: RequestKind = .healthServicesReview, level: LevelOfService? = nil,
                              serviceDate: String? = nil, procedure: String = "29881") -> AuthorizationRequest {
        let event = PatientEvent(kind: kind, serviceTypeCode: "2", location: ServiceLocation(code: "24", kind: .placeOfService),
                                 levelOfService: level, eventDate: serviceDate.flatMap(CalendarDate.init).map { DateRange($0) },
                                 diagnoses: [Diagnosis(role: .principal, code: "M23221")],
                                 providers: [Provider(role: .serviceProvider, entityType: .organization, organizationName: "SURGERY CENTER", npi: "2222222228")])
        return AuthorizationRequest(trace: TransactionTrace(purpose: .request, reference: "REQ-2", creationDate: today, creationTime: "0915"),
                                    umo: umo, requester: pcp, subscriber: subscriber, event: event,
                                    serviceLines: [ServiceLine(kind: .professional, procedure: Procedure(code: procedure, modifiers: ["RT"]),
                                                               unit: .units, quantity: 1)])
    }
}
