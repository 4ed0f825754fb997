/// The primary identifier of a party, with its kind.
public struct PartyIdentifier: Sendable, Hashable, Codable {
    /// What kind of identifier it is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// National Provider Identifier.
        case npi
        /// Employer identification number.
        case employerId
        /// Social security number.
        case ssn
        /// Electronic transmitter identification number.
        case etin
        /// Federal taxpayer identification number.
        case federalTaxId
        /// NAIC identification.
        case naicId
        /// Payer identification.
        case payerId
        /// CMS plan ID.
        case cmsPlanId
        /// Member identification number.
        case memberId
        /// Standard unique health identifier.
        case uniqueHealthId
        /// Pharmacy processor number.
        case pharmacyProcessorNumber
        /// Service provider number.
        case serviceProviderNumber
        /// Facility identification.
        case facilityId
    }

    /// The kind.
    public var kind: Kind
    /// The identifier.
    public var value: String

    /// Creates an identifier.
    public init(_ kind: Kind, _ value: String) {
        self.kind = kind
        self.value = value
    }
}
