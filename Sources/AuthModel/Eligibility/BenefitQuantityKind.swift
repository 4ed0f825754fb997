/// What a benefit quantity counts.
public enum BenefitQuantityKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Minimum.
    case minimum
    /// Quantity used.
    case quantityUsed
    /// Covered, actual.
    case coveredActual
    /// Covered, estimated.
    case coveredEstimated
    /// Number of co-insurance days.
    case coInsuranceDays
    /// Deductible blood units.
    case deductibleBloodUnits
    /// Days.
    case days
    /// Hours.
    case hours
    /// Lifetime reserve, actual.
    case lifetimeReserveActual
    /// Lifetime reserve, estimated.
    case lifetimeReserveEstimated
    /// Maximum.
    case maximum
    /// Month.
    case months
    /// Number of services or procedures.
    case servicesOrProcedures
    /// Quantity approved.
    case quantityApproved
    /// Age, high value.
    case ageHigh
    /// Age, low value.
    case ageLow
    /// Visits.
    case visits
    /// Years.
    case years
}
