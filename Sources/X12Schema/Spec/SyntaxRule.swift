/// A relation between elements of one segment (or components of one composite), as data.
///
/// The X12 syntax notes (P, R, E, C, L) come from `segments.xml`; guides add their own, including the
/// situational `requiredWhen` / `notUsedWhen`.
public struct SyntaxRule: Sendable, Hashable {
    /// What the rule demands.
    public enum Kind: String, Sendable, Hashable {
        /// All or none of the elements (P). Violation: IK403 `2`.
        case paired
        /// At least one of the elements (R). Violation: IK403 `2`.
        case required
        /// At most one of the elements (E). Violation: IK403 `10`.
        case exclusion
        /// If the first is present, all others are (C). Violation: IK403 `2`.
        case conditional
        /// If the first is present, at least one other is (L). Violation: IK403 `2`.
        case listConditional
        /// The elements are required when `when` is present (holding one of `codes`, if given). Violation: IK403 `I9`.
        case requiredWhen
        /// The elements must not be sent when `when` is present (holding one of `codes`, if given). Violation: IK403 `I13`.
        case notUsedWhen
    }

    /// The kind.
    public let kind: Kind
    /// The positions the rule is about (element positions, or component positions inside a composite).
    public let positions: [Int]
    /// For `requiredWhen` / `notUsedWhen`: the position that triggers the rule.
    public let when: ElementPath?
    /// For `requiredWhen` / `notUsedWhen`: the codes of `when` that trigger it (`nil`: any value).
    public let codes: CodeSet?
    /// An optional sentence from the spec.
    public let note: String?

    /// Creates a rule.
    public init(kind: Kind, positions: [Int], when: ElementPath? = nil, codes: CodeSet? = nil, note: String? = nil) {
        self.kind = kind
        self.positions = positions
        self.when = when
        self.codes = codes
        self.note = note
    }

    /// The IK403 code a violation is reported with.
    public var violationCode: String {
        switch kind {
        case .paired, .required, .conditional, .listConditional: return "2"
        case .exclusion: return "10"
        case .requiredWhen: return "I9"
        case .notUsedWhen: return "I13"
        }
    }
}
