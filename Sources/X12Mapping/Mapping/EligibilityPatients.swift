import AuthModel

/// Flattens a 270/271 HL tree while it is read: one ``EligibilityInquiry`` or ``EligibilityResponse`` per leaf
/// (see ``EligibilityReader``). A subscriber with dependents is not a leaf; its 2110 loops (if any) go with its
/// first dependent. The levels are filled in place and their parties and lists moved, not copied, into the
/// values; a level's leaf status is known when the next level (or the end) arrives.
struct EligibilityPatients {
    let trace: TransactionTrace
    let spendDown: Bool
    let response: Bool
    /// The information source (HL 20): `nil` before the first one.
    var payer: Payer?
    var sourceRejections: [Rejection] = []
    /// The information receiver (HL 21) of the current path.
    var receiver: Provider?
    /// The subscriber (HL 22) of the current path, with its 2110 loops.
    private var subscriber: Member?
    private var subscriberBenefits: [Benefit] = []
    private var subscriberEncounters: [Encounter] = []
    private var firstDependent = true
    /// The rank (0 source … 2 subscriber) of the last level when it may still be a leaf.
    private var pending: Int?
    private var responses: [EligibilityResponse] = []
    private var inquiries: [EligibilityInquiry] = []
    /// A 270 path without receiver or subscriber: thrown at the end, as reading errors come first.
    private var structureError: MappingError?

    init(trace: TransactionTrace, spendDown: Bool, response: Bool) {
        self.trace = trace
        self.spendDown = spendDown
        self.response = response
    }

    /// A level of `rank` (0 source, 1 receiver, 2 subscriber, 3 dependent) begins: the previous one was a leaf
    /// when it is not above this one.
    mutating func start(_ rank: Int) {
        if let p = pending, rank <= p { emit(dependent: nil, [], []) }
        pending = nil
        if rank == 0 {
            payer = nil
            sourceRejections = []
        }
        if rank <= 1 { receiver = nil }
        if rank <= 2 {
            subscriber = nil
            subscriberBenefits = []
            subscriberEncounters = []
        }
    }

    /// The level of `rank` is read.
    mutating func end(_ rank: Int) {
        if rank < 3, payer != nil { pending = rank }
    }

    mutating func subscriber(_ m: Member, _ benefits: [Benefit], _ encounters: [Encounter]) {
        subscriber = m
        subscriberBenefits = benefits
        subscriberEncounters = encounters
        firstDependent = true
    }

    mutating func dependent(_ m: Member, _ benefits: [Benefit], _ encounters: [Encounter]) {
        guard payer != nil else { return }
        var benefits = benefits, encounters = encounters
        if firstDependent {
            // The subscriber's 2110 loops go with its first dependent, before the dependent's own.
            if !subscriberBenefits.isEmpty {
                benefits.insert(contentsOf: subscriberBenefits, at: 0)
                subscriberBenefits = []
            }
            if !subscriberEncounters.isEmpty {
                encounters.insert(contentsOf: subscriberEncounters, at: 0)
                subscriberEncounters = []
            }
        }
        firstDependent = false
        emit(dependent: m, benefits, encounters)
    }

    /// One value for the path source → receiver → subscriber → `dependent`; without a dependent, the
    /// subscriber's own 2110 loops are moved into it.
    private mutating func emit(dependent: Member?, _ benefits: [Benefit], _ encounters: [Encounter]) {
        guard let payer else { return }
        var benefits = benefits, encounters = encounters
        if dependent == nil, subscriber != nil {
            swap(&benefits, &subscriberBenefits)
            swap(&encounters, &subscriberEncounters)
        }
        if response {
            responses.append(EligibilityResponse(trace: trace, rejections: sourceRejections, informationSource: payer,
                                                 provider: receiver, subscriber: subscriber, dependent: dependent,
                                                 benefitsInformation: benefits))
            return
        }
        guard structureError == nil else { return }
        guard let r = receiver else {
            structureError = .structure("a 270 information source has no information receiver (HL*21)")
            return
        }
        guard let s = subscriber else {
            structureError = .structure("a 270 information receiver has no subscriber (HL*22)")
            return
        }
        inquiries.append(EligibilityInquiry(trace: trace, spendDown: spendDown, informationSource: payer, provider: r,
                                            subscriber: s, dependent: dependent, encounters: encounters))
    }

    mutating func finish() throws(MappingError) -> ModelTransaction {
        if pending != nil { emit(dependent: nil, [], []) }
        if response { return .eligibilityResponse(responses) }
        if let structureError { throw structureError }
        return .eligibilityInquiry(inquiries)
    }
}
