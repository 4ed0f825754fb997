/// One element of a segment as a guide uses it: the base definition with the guide's overrides merged.
///
/// Either ``element`` (a simple element) or ``components`` (a composite) is set.
public final class ElementSpec: @unchecked Sendable {
    /// Position in the segment (1-based).
    public let position: Int
    /// The dictionary element of a simple element; `nil` for a composite.
    public let element: ElementDefinition?
    /// The composite's ID (`C003`) for a composite.
    public let compositeID: String?
    /// The components of a composite, by position (index 0 = component 1).
    public let components: [ComponentSpec]
    /// Rules between the composite's components.
    public let componentRules: [SyntaxRule]
    /// The base standard's requirement.
    public let requirement: Requirement
    /// The guide's usage.
    public let usage: Usage
    /// The most repetitions allowed (1 = not repeating; `Int.max` = unbounded).
    public let maxRepeat: Int
    /// The guide's code subset, or `nil` when the guide does not narrow the dictionary list.
    public let guideCodes: CodeSet?
    /// Minimum length after the guide's narrowing.
    public let minLength: Int
    /// Maximum length after the guide's narrowing.
    public let maxLength: Int
    /// The guide's name for it, else the dictionary's (or the composite's).
    public let name: String

    /// The flattened form the validator's clean path reads.
    let plan: ValuePlan
    /// The components' flattened forms (empty for a simple element); immutable, freed with the spec.
    let componentPlans: UnsafeMutablePointer<ValuePlan>?
    /// Bit `c` set for every required component `c` (< 64).
    let requiredComponentMask: UInt64
    /// `true` when a required component sits at position 64 or later (the clean path then defers to the full check).
    let hasFarRequiredComponent: Bool
    /// ``componentRules`` as masks.
    let componentRulePlans: UnsafeMutablePointer<RulePlan>

    /// `true` for a composite.
    public var isComposite: Bool { compositeID != nil }

    /// The data element reference number for IK402 (`nil` for a composite).
    public var referenceNumber: String? { element?.id }

    /// Creates a spec (the loader does).
    public init(position: Int, element: ElementDefinition?, compositeID: String?, components: [ComponentSpec], componentRules: [SyntaxRule], requirement: Requirement, usage: Usage, maxRepeat: Int, guideCodes: CodeSet?, minLength: Int, maxLength: Int, name: String) {
        self.position = position
        self.element = element
        self.compositeID = compositeID
        self.components = components
        self.componentRules = componentRules
        self.requirement = requirement
        self.usage = usage
        self.maxRepeat = maxRepeat
        self.guideCodes = guideCodes
        self.minLength = minLength
        self.maxLength = maxLength
        self.name = name
        var plan = ValuePlan(usage: usage, isComposite: compositeID != nil, definition: element, maxRepeat: maxRepeat,
                             guideCodes: guideCodes, minLength: minLength, maxLength: maxLength)
        let rulePlans = componentRules.map(RulePlan.init)
        componentRulePlans = .allocate(capacity: max(rulePlans.count, 1))
        componentRulePlans.initialize(from: rulePlans, count: rulePlans.count)
        if components.isEmpty {
            componentPlans = nil
        } else {
            let p = UnsafeMutablePointer<ValuePlan>.allocate(capacity: components.count)
            for (i, c) in components.enumerated() { (p + i).initialize(to: c.plan) }
            componentPlans = p
        }
        var mask: UInt64 = 0
        var far = false
        for c in components where c.usage == .required {
            if c.position < 64 { mask |= 1 << UInt64(c.position) } else { far = true }
        }
        requiredComponentMask = mask
        hasFarRequiredComponent = far
        plan.components = componentPlans.map { UnsafePointer($0) }
        plan.componentCount = components.count
        plan.requiredComponents = mask
        plan.farRequiredComponent = far
        plan.componentRules = UnsafePointer(componentRulePlans)
        plan.componentRuleCount = rulePlans.count
        plan.componentRulesDecidable = rulePlans.allSatisfy(\.decidable)
        self.plan = plan
    }

    deinit {
        componentRulePlans.deallocate()
        if let componentPlans {
            componentPlans.deinitialize(count: components.count)
            componentPlans.deallocate()
        }
    }
}
