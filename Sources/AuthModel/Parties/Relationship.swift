/// The patient's relationship to the subscriber.
public enum Relationship: String, Sendable, Hashable, Codable, CaseIterable {
    /// The patient is the subscriber.
    case `self`
    /// Spouse.
    case spouse
    /// Child.
    case child
    /// Employee.
    case employee
    /// Unknown.
    case unknown
    /// Organ donor.
    case organDonor
    /// Cadaver donor.
    case cadaverDonor
    /// Life partner.
    case lifePartner
    /// Other adult.
    case otherAdult
    /// Other relationship.
    case other
}
