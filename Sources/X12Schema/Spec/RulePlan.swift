/// A ``SyntaxRule`` as bit masks, so the validator's clean path can tell that it holds without allocating.
struct RulePlan: Sendable {
    /// The rule's kind.
    let kind: SyntaxRule.Kind
    /// `false` when the masks cannot decide (situational rules, positions repeated or past 63): ask ``SegmentChecker``.
    let decidable: Bool
    /// Every position of the rule.
    let mask: UInt64
    /// The first position.
    let first: UInt64
    /// Every position but the first.
    let rest: UInt64
    /// How many positions.
    let count: Int

    init(_ rule: SyntaxRule) {
        kind = rule.kind
        count = rule.positions.count
        var mask: UInt64 = 0
        var ok = kind != .requiredWhen && kind != .notUsedWhen
        for p in rule.positions {
            guard p >= 1, p < 64, mask & (1 << UInt64(p)) == 0 else { ok = false; break }
            mask |= 1 << UInt64(p)
        }
        if let f = rule.positions.first, f >= 1, f < 64 { first = 1 << UInt64(f) } else { first = 0; ok = false }
        self.mask = ok ? mask : 0
        rest = ok ? mask & ~first : 0
        decidable = ok
    }

    /// `true` when the rule holds for the positions present in `present`; only meaningful when ``decidable``.
    @inline(__always)
    func holds(_ present: UInt64) -> Bool {
        let seen = present & mask
        switch kind {
        case .paired: return seen == 0 || seen == mask
        case .required: return seen != 0
        case .exclusion: return seen.nonzeroBitCount <= 1
        case .conditional: return present & first == 0 || present & rest == rest
        case .listConditional: return present & first == 0 || count <= 1 || present & rest != 0
        case .requiredWhen, .notUsedWhen: return false
        }
    }
}
