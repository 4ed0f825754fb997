/// The answer about one patient: coverage status, plan, dates, benefits by service type, the PCP and the
/// managing medical group, or why the inquiry could not be answered (the content of a 271 for that patient).
///
/// Rejections sit where the problem was found: ``rejections`` (the payer cannot answer at all),
/// ``informationSource``, ``provider``, ``subscriber``, ``dependent`` (their `rejections`), or a benefit's.
public struct EligibilityResponse: Sendable, Hashable, Codable {
    /// Purpose (response), the inquiry's reference echoed, creation date and time.
    public var trace: TransactionTrace
    /// Rejections of the inquiry as a whole (e.g. unable to respond at the current time).
    public var rejections: [Rejection]
    /// The payer answering.
    public var informationSource: Payer
    /// The provider that asked (absent when the inquiry was rejected above it).
    public var provider: Provider?
    /// The subscriber as the payer knows them.
    public var subscriber: Member?
    /// The patient when not the subscriber.
    public var dependent: Member?
    /// The patient's benefit information (`benefitsInformation` in the JSON eligibility APIs).
    public var benefitsInformation: [Benefit]

    /// Creates an answer.
    public init(trace: TransactionTrace, rejections: [Rejection] = [], informationSource: Payer,
                provider: Provider? = nil, subscriber: Member? = nil, dependent: Member? = nil,
                benefitsInformation: [Benefit] = []) {
        self.trace = trace
        self.rejections = rejections
        self.informationSource = informationSource
        self.provider = provider
        self.subscriber = subscriber
        self.dependent = dependent
        self.benefitsInformation = benefitsInformation
    }

    /// The patient: the dependent when there is one, else the subscriber.
    public var patient: Member? { dependent ?? subscriber }

    /// Active, inactive or unknown, from the first coverage-status benefit.
    public var coverageStatus: CoverageStatus {
        for b in benefitsInformation {
            if b.kind.isActiveCoverage { return .active }
            if b.kind.isInactive { return .inactive }
        }
        return .unknown
    }

    /// The plan name: the description on the coverage-status benefit for service type `30`, else the first one.
    public var planName: String? {
        let status = benefitsInformation.filter { $0.kind.isActiveCoverage || $0.kind.isInactive }
        return (status.first { $0.serviceTypeCodes.contains("30") } ?? status.first)?.planCoverageDescription
            ?? benefitsInformation.lazy.compactMap(\.planCoverageDescription).first
    }

    /// The coverage dates: plan begin/end, else eligibility begin/end, else the plan or eligibility date.
    public var coverageDates: DateRange? {
        let dates = patient?.dates ?? []
        func find(_ k: EligibilityDate.Kind) -> DateRange? { dates.first { $0.kind == k }?.period }
        if let b = find(.planBegin) ?? find(.eligibilityBegin) {
            let e = find(.planEnd) ?? find(.eligibilityEnd)
            return DateRange(b.start, end: e?.last ?? b.end)
        }
        return find(.plan) ?? find(.eligibility)
    }

    /// The primary care provider named in a related-entity loop.
    public var primaryCareProvider: Provider? {
        benefitsInformation.lazy.flatMap(\.relatedEntities).first { $0.role == .primaryCareProvider }
    }

    /// The managing medical group (IPA) named in a related-entity loop.
    public var medicalGroup: Provider? {
        benefitsInformation.lazy.flatMap(\.relatedEntities).first {
            $0.role == .independentPhysiciansAssociation || $0.role == .managedCareOrganization
        }
    }

    /// Every rejection, wherever it sits.
    public var allRejections: [Rejection] {
        rejections + informationSource.rejections + (provider?.rejections ?? []) + (subscriber?.rejections ?? [])
            + (dependent?.rejections ?? []) + benefitsInformation.flatMap(\.rejections)
    }
}
