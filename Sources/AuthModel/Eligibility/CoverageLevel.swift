/// Whom a benefit covers.
public enum CoverageLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Children only.
    case childrenOnly
    /// Dependents only.
    case dependentsOnly
    /// Employee and children.
    case employeeAndChildren
    /// Employee only.
    case employeeOnly
    /// Employee and spouse.
    case employeeAndSpouse
    /// Family.
    case family
    /// Individual.
    case individual
    /// Spouse and children.
    case spouseAndChildren
    /// Spouse only.
    case spouseOnly
}
