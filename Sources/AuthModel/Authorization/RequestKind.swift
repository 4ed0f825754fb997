/// What kind of review is asked for.
public enum RequestKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Admission review (an inpatient stay).
    case admissionReview
    /// Health services review (procedures, DME, outpatient services …): an authorization.
    case healthServicesReview
    /// Specialty care review: a referral to a specialist.
    case specialtyReferral
    /// Individual review (used for a medical services reservation).
    case individual
}
