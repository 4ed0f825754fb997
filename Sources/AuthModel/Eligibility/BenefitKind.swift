/// What a benefit entry states: coverage status, a cost share, a limitation, a related entity …
public enum BenefitKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Active coverage.
    case activeCoverage
    /// Active, full risk capitation.
    case activeFullRiskCapitation
    /// Active, services capitated.
    case activeServicesCapitated
    /// Active, services capitated to the primary care physician.
    case activeServicesCapitatedToPrimaryCarePhysician
    /// Active, pending investigation.
    case activePendingInvestigation
    /// Inactive.
    case inactive
    /// Inactive, pending eligibility update.
    case inactivePendingEligibilityUpdate
    /// Inactive, pending investigation.
    case inactivePendingInvestigation
    /// Co-insurance (a percent).
    case coInsurance
    /// Co-payment (an amount).
    case coPayment
    /// Deductible.
    case deductible
    /// Coverage basis.
    case coverageBasis
    /// Benefit description.
    case benefitDescription
    /// Exclusions.
    case exclusions
    /// Limitations.
    case limitations
    /// Out of pocket (stop loss).
    case outOfPocket
    /// Unlimited.
    case unlimited
    /// Non-covered.
    case nonCovered
    /// Cost containment.
    case costContainment
    /// Reserve.
    case reserve
    /// Primary care provider.
    case primaryCareProvider
    /// Pre-existing condition.
    case preExistingCondition
    /// Managed care coordinator.
    case managedCareCoordinator
    /// Services restricted to the following provider.
    case servicesRestrictedToFollowingProvider
    /// Not deemed a medical necessity.
    case notDeemedMedicalNecessity
    /// Benefit disclaimer.
    case benefitDisclaimer
    /// Second surgical opinion required.
    case secondSurgicalOpinionRequired
    /// Other or additional payer.
    case otherOrAdditionalPayer
    /// Prior year(s) history.
    case priorYearsHistory
    /// Card(s) reported lost or stolen.
    case cardsReportedLostStolen
    /// Contact the following entity for eligibility or benefit information.
    case contactFollowingEntity
    /// Cannot process.
    case cannotProcess
    /// Other source of data.
    case otherSourceOfData
    /// Health care facility.
    case healthCareFacility
    /// Spend down.
    case spendDown

    /// `true` for the active-coverage kinds.
    public var isActiveCoverage: Bool {
        switch self {
        case .activeCoverage, .activeFullRiskCapitation, .activeServicesCapitated,
             .activeServicesCapitatedToPrimaryCarePhysician, .activePendingInvestigation: return true
        default: return false
        }
    }

    /// `true` for the inactive kinds.
    public var isInactive: Bool {
        self == .inactive || self == .inactivePendingEligibilityUpdate || self == .inactivePendingInvestigation
    }
}
