import X12Schema

/// How the batch processor works.
public struct BatchOptions: Sendable {
    /// Files processed at once.
    public var workers: Int
    /// Time between the two looks at a file's size (a file that changed is still being written).
    public var settleSeconds: Double
    /// The tracking-number site.
    public var site: Int
    /// The referral rules.
    public var rules: ReferralRules
    /// Reject eligibility inquiries from providers that are not on file.
    public var requireKnownProvider: Bool
    /// A fixed clock (tests); `nil` = now, taken per file.
    public var clock: ResponderClock?
    /// The implementation guides: with them every set is validated (SNIP 1–2) before it is answered; without
    /// them only the envelope is checked.
    public var specs: SpecLibrary?

    /// Options.
    public init(workers: Int = 1, settleSeconds: Double = 0.5, site: Int = 7100, rules: ReferralRules = .defaults,
                requireKnownProvider: Bool = true, clock: ResponderClock? = nil, specs: SpecLibrary? = nil) {
        self.workers = workers
        self.settleSeconds = settleSeconds
        self.site = site
        self.rules = rules
        self.requireKnownProvider = requireKnownProvider
        self.clock = clock
        self.specs = specs
    }
}
