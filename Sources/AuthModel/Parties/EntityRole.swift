/// The role a party plays in a transaction: payer, UMO, requester, attending physician, PCP, facility …
public enum EntityRole: String, Sendable, Hashable, Codable, CaseIterable {
    // Payers and organizations
    /// Payer.
    case payer
    /// Utilization management organization.
    case utilizationManagementOrganization
    /// Third-party administrator.
    case thirdPartyAdministrator
    /// Employer.
    case employer
    /// Gateway provider.
    case gatewayProvider
    /// Plan sponsor.
    case planSponsor
    /// Primary payer.
    case primaryPayer
    /// Secondary payer.
    case secondaryPayer
    /// Tertiary payer.
    case tertiaryPayer
    /// Prior insurance carrier.
    case priorInsuranceCarrier
    /// Origin carrier.
    case originCarrier
    /// Preferred provider organization.
    case preferredProviderOrganization
    /// Independent physicians association (a medical group).
    case independentPhysiciansAssociation
    /// Managed care organization.
    case managedCareOrganization
    /// Party performing verification.
    case verifier
    /// Vendor.
    case vendor
    /// Organization completing a configuration change.
    case configurationChangeOrganization
    /// Insured or subscriber.
    case insured
    /// Legal representative.
    case legalRepresentative
    /// Contracted service provider.
    case contractedServiceProvider
    // Providers
    /// Provider (the usual requester or information receiver).
    case provider
    /// Hospital.
    case hospital
    /// Facility.
    case facility
    /// Attending physician.
    case attendingPhysician
    /// Operating physician.
    case operatingPhysician
    /// Other physician.
    case otherPhysician
    /// Service location.
    case serviceLocation
    /// Admitting services.
    case admittingServices
    /// Assistant surgeon.
    case assistantSurgeon
    /// Ordering physician.
    case orderingPhysician
    /// Referring provider.
    case referringProvider
    /// Clinic.
    case clinic
    /// Primary care provider.
    case primaryCareProvider
    /// Purchase service provider.
    case purchaseServiceProvider
    /// Group practice.
    case groupPractice
    /// Service provider (the servicing provider).
    case serviceProvider
    /// Physician, clinic or group practice.
    case physicianClinicOrGroup
    /// Supervising physician.
    case supervisingPhysician
    /// Contact for additional information (where to send documentation).
    case documentationContact
}
