/// What a provider does in this request (admitting, attending, performing, referring …).
public enum ProviderFunction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Admitting.
    case admitting
    /// Assistant surgeon.
    case assistantSurgeon
    /// Attending.
    case attending
    /// Billing.
    case billing
    /// Consulting.
    case consulting
    /// Covering.
    case covering
    /// Hospital.
    case hospital
    /// Home health care.
    case homeHealthCare
    /// Laboratory.
    case laboratory
    /// Operating.
    case operating
    /// Ordering.
    case ordering
    /// Other.
    case other
    /// Pharmacist.
    case pharmacist
    /// Pharmacy.
    case pharmacy
    /// Primary care physician.
    case primaryCare
    /// Performing.
    case performing
    /// Rural health clinic.
    case ruralHealthClinic
    /// Referring.
    case referring
    /// Submitting.
    case submitting
    /// Skilled nursing facility.
    case skilledNursingFacility
    /// Supervising.
    case supervising
}
