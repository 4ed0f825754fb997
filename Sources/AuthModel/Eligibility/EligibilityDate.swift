/// A dated fact of an eligibility inquiry or answer: plan dates, eligibility dates, dates of service …
public struct EligibilityDate: Sendable, Hashable, Codable {
    /// What the date is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Discharge.
        case discharge
        /// Issue (card issue date).
        case issue
        /// Effective date of change.
        case effectiveDateOfChange
        /// Period start.
        case periodStart
        /// Period end.
        case periodEnd
        /// Completion.
        case completion
        /// Coordination of benefits.
        case coordinationOfBenefits
        /// Plan (in an inquiry: the date of service asked about).
        case plan
        /// Benefit.
        case benefit
        /// Primary care provider.
        case primaryCareProvider
        /// Latest visit or consultation.
        case latestVisitOrConsultation
        /// Eligibility.
        case eligibility
        /// Added.
        case added
        /// COBRA begin.
        case cobraBegin
        /// COBRA end.
        case cobraEnd
        /// Premium paid to date, begin.
        case premiumPaidToDateBegin
        /// Premium paid to date, end.
        case premiumPaidToDateEnd
        /// Plan begin.
        case planBegin
        /// Plan end.
        case planEnd
        /// Benefit begin.
        case benefitBegin
        /// Benefit end.
        case benefitEnd
        /// Eligibility begin.
        case eligibilityBegin
        /// Eligibility end.
        case eligibilityEnd
        /// Enrollment.
        case enrollment
        /// Admission.
        case admission
        /// Date of death.
        case dateOfDeath
        /// Certification.
        case certification
        /// Service.
        case service
        /// Policy effective.
        case policyEffective
        /// Policy expiration.
        case policyExpiration
        /// Date of last update.
        case lastUpdate
        /// Status.
        case status
    }

    /// What the date is.
    public var kind: Kind
    /// The day or span.
    public var period: DateRange

    /// Creates a date.
    public init(_ kind: Kind, _ period: DateRange) {
        self.kind = kind
        self.period = period
    }
}
