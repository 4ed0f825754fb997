import X12

/// The verdict on one unit (interchange, group or transaction set), as the acknowledgments spell it.
///
/// Transaction sets use `A`/`E`/`R` (999 IK501), groups add `P` (999 AK901), interchanges use
/// `A`/`E`/`R` (TA104).
public enum AcknowledgmentCode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Accepted, no errors.
    case accepted = "A"
    /// Accepted, but errors (warnings) were noted.
    case acceptedWithErrors = "E"
    /// Group only: at least one transaction set was rejected, at least one accepted.
    case partiallyAccepted = "P"
    /// Rejected.
    case rejected = "R"

    /// `true` for `A` and `E` (the 999 counts these in AK904).
    public var isAccepted: Bool { self == .accepted || self == .acceptedWithErrors }

    /// The verdict implied by a list of findings: `R` with any error, `E` with only warnings, else `A`.
    public static func verdict<S: Sequence>(for findings: S) -> AcknowledgmentCode where S.Element == Finding {
        var warned = false
        for f in findings where f.code.family != .note {
            if f.severity == .error { return .rejected }
            warned = true
        }
        return warned ? .acceptedWithErrors : .accepted
    }
}
