/// What the validator's clean-path check needs to know about one element or component, flattened into plain
/// values (no class references) when the spec is built.
struct ValuePlan: @unchecked Sendable {
    /// The guide's usage.
    var usage: Usage
    /// `true` for a composite element.
    var isComposite: Bool
    /// `true` when a dictionary element is attached (simple elements and components).
    var hasDefinition: Bool
    /// The dictionary type (`.an` when there is no definition).
    var type: ElementType
    /// The most repetitions (1 = not repeating).
    var maxRepeat: Int
    /// Length bounds after the guide's narrowing.
    var minLength: Int
    var maxLength: Int
    /// The guide's code subset (`.none` when the guide does not narrow).
    var guideCodes: CodeLookup
    /// The dictionary's code list (`.none` when any value is allowed).
    var dictionaryCodes: CodeLookup
    /// For a composite: the components' plans, how many, the required ones as a mask (or a far one), and the
    /// component rules as masks (`componentRulesDecidable` is `false` when one needs the full check).
    var components: UnsafePointer<ValuePlan>? = nil
    var componentCount = 0
    var requiredComponents: UInt64 = 0
    var farRequiredComponent = false
    var componentRules: UnsafePointer<RulePlan>? = nil
    var componentRuleCount = 0
    var componentRulesDecidable = true
    /// A simple AN/ID/B value with no code list: a value with no separator or control character in it is clean
    /// when its length fits (what ``SegmentChecker`` checks first on the clean path, without a call).
    var isPlainText = false
    /// A simple AN/ID/B value with a code list (the guide's, else the dictionary's): clean when the code is in it
    /// and its length fits.
    var isCodedText = false

    init(usage: Usage, isComposite: Bool, definition: ElementDefinition?, maxRepeat: Int, guideCodes: CodeSet?, minLength: Int, maxLength: Int) {
        self.usage = usage
        self.isComposite = isComposite
        hasDefinition = definition != nil
        type = definition?.type ?? .an
        self.maxRepeat = maxRepeat
        self.minLength = minLength
        self.maxLength = maxLength
        self.guideCodes = guideCodes?.lookup ?? .none
        dictionaryCodes = definition?.codes?.lookup ?? .none
        let text = hasDefinition && !isComposite && (type == .an || type == .id || type == .b)
        isPlainText = text && !self.guideCodes.isPresent && !dictionaryCodes.isPresent
        isCodedText = text && !isPlainText
    }
}
