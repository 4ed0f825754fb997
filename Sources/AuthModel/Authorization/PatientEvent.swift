import Foundation

/// The event under review: an admission or a course of services, with its diagnoses, dates, providers and
/// attachments. A request states it; an answer echoes it (with certified quantities where they differ).
public struct PatientEvent: Sendable, Hashable, Codable {
    /// Trace numbers the requester gave the event (answers return them as referenced and may add their own).
    public var trackingNumbers: [TraceNumber]
    /// Admission review, health services review (authorization), specialty referral …
    public var kind: RequestKind
    /// Initial, renewal, extension, appeal, cancel …
    public var certificationType: CertificationType
    /// Service type code (e.g. `1` medical care, `2` surgical, `3` consultation, `48` hospital inpatient).
    public var serviceTypeCode: String?
    /// Place of service or facility type.
    public var location: ServiceLocation?
    /// Auto accident, employment …
    public var relatedCauses: RelatedCauses?
    /// Emergency, urgent or elective.
    public var levelOfService: LevelOfService?
    /// Current health condition code.
    public var healthConditionCode: String?
    /// Prognosis code (`1` poor … `6` excellent, `7` less than 6 months to live, `8` terminal).
    public var prognosisCode: String?
    /// Release of information code (`Y` signed statement on file, `I` informed consent).
    public var releaseOfInformationCode: String?
    /// Delay reason code.
    public var delayReasonCode: String?
    /// The earlier authorization this request refers to (extension, revision, appeal, cancel).
    public var previousAuthorizationNumber: String?
    /// Requests: the UMO's administrative reference from an earlier answer.
    public var previousAdministrativeReference: String?
    /// Accident date.
    public var accidentDate: CalendarDate?
    /// Last menstrual period.
    public var lastMenstrualPeriodDate: CalendarDate?
    /// Estimated date of birth.
    public var estimatedBirthDate: CalendarDate?
    /// Onset of the current symptoms or illness.
    public var onsetDate: CalendarDate?
    /// The proposed or actual date(s) of the event.
    public var eventDate: DateRange?
    /// Admission date(s).
    public var admissionDate: DateRange?
    /// Discharge date.
    public var dischargeDate: CalendarDate?
    /// Up to 12 diagnoses, the principal first. In an answer LOINC codes may name documentation asked for.
    public var diagnoses: [Diagnosis]
    /// Requested (or, in an answer, certified) quantity and pattern: days of stay, visits …
    public var delivery: ServiceDelivery?
    /// Admission type and source, patient status.
    public var institutional: InstitutionalInformation?
    /// Attachments (in an answer: documentation asked for).
    public var attachments: [Attachment]
    /// A free-text note.
    public var note: String?
    /// Providers of the event: servicing, attending, referring, facility … (up to 12).
    public var providers: [Provider]

    /// Creates an event.
    public init(trackingNumbers: [TraceNumber] = [], kind: RequestKind, certificationType: CertificationType = .initial,
                serviceTypeCode: String? = nil, location: ServiceLocation? = nil, relatedCauses: RelatedCauses? = nil,
                levelOfService: LevelOfService? = nil, healthConditionCode: String? = nil, prognosisCode: String? = nil,
                releaseOfInformationCode: String? = nil, delayReasonCode: String? = nil,
                previousAuthorizationNumber: String? = nil, previousAdministrativeReference: String? = nil,
                accidentDate: CalendarDate? = nil, lastMenstrualPeriodDate: CalendarDate? = nil,
                estimatedBirthDate: CalendarDate? = nil, onsetDate: CalendarDate? = nil, eventDate: DateRange? = nil,
                admissionDate: DateRange? = nil, dischargeDate: CalendarDate? = nil, diagnoses: [Diagnosis] = [],
                delivery: ServiceDelivery? = nil, institutional: InstitutionalInformation? = nil,
                attachments: [Attachment] = [], note: String? = nil, providers: [Provider] = []) {
        self.trackingNumbers = trackingNumbers
        self.kind = kind
        self.certificationType = certificationType
        self.serviceTypeCode = serviceTypeCode
        self.location = location
        self.relatedCauses = relatedCauses
        self.levelOfService = levelOfService
        self.healthConditionCode = healthConditionCode
        self.prognosisCode = prognosisCode
        self.releaseOfInformationCode = releaseOfInformationCode
        self.delayReasonCode = delayReasonCode
        self.previousAuthorizationNumber = previousAuthorizationNumber
        self.previousAdministrativeReference = previousAdministrativeReference
        self.accidentDate = accidentDate
        self.lastMenstrualPeriodDate = lastMenstrualPeriodDate
        self.estimatedBirthDate = estimatedBirthDate
        self.onsetDate = onsetDate
        self.eventDate = eventDate
        self.admissionDate = admissionDate
        self.dischargeDate = dischargeDate
        self.diagnoses = diagnoses
        self.delivery = delivery
        self.institutional = institutional
        self.attachments = attachments
        self.note = note
        self.providers = providers
    }

    /// Length of stay in days, when the delivery counts days.
    public var lengthOfStayDays: Decimal? { delivery?.quantityKind == .days ? delivery?.quantity : nil }

    /// The servicing provider: the first provider in the service-provider role, else the first non-facility one.
    public var servicingProvider: Provider? {
        providers.first { $0.role == .serviceProvider } ?? providers.first { $0.role != .facility && $0.role != .serviceLocation }
    }

    /// The facility, if one is named.
    public var facility: Provider? { providers.first { $0.role == .facility || $0.role == .serviceLocation } }
}
