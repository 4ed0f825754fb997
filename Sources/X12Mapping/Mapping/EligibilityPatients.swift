import AuthModel

/// Flattens a 270/271 HL tree while it is read: one ``EligibilityInquiry`` or ``EligibilityResponse`` per leaf
/// (see ``EligibilityReader``). A subscriber with dependents is not a leaf; its 2110 loops (if any) go with its
/// first dependent. The levels are filled in place and their parties and lists moved, not copied, into the
/// values; a level's leaf status is known when the next level (or the end) arrives, and so is which parties
/// that next level replaces: those are moved into the value rather than copied.
struct EligibilityPatients {
    let trace: TransactionTrace
    let spendDown: Bool
    let response: Bool
    /// The information source (HL 20): `nil` before the first one.
    private(set) var payer: Payer?
    var sourceRejections: [Rejection] = []
    /// The information receiver (HL 21) of the current path.
    private var receiver: Provider?
    /// The subscriber (HL 22) of the current path, with its 2110 loops (read straight into these lists).
    private var subscriber: Member?
    // Whether `payer`, `receiver`, `subscriber` are set: testing a large optional for `nil` copied it.
    private var hasPayer = false
    private var hasReceiver = false
    private var hasSubscriber = false
    var subscriberBenefits: [Benefit] = []
    var subscriberEncounters: [Encounter] = []
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
        if let p = pending, rank <= p { emitLeaf(replacing: rank) }
        pending = nil
        // Each party is cleared only when set: storing `nil` into a large optional writes all its bytes.
        if rank == 0 {
            if hasPayer { payer = nil }
            hasPayer = false
            sourceRejections = []
        }
        if rank <= 1 {
            if hasReceiver { receiver = nil }
            hasReceiver = false
        }
        if rank <= 2 {
            if hasSubscriber { subscriber = nil }
            hasSubscriber = false
            subscriberBenefits = []
            subscriberEncounters = []
        }
    }

    /// The level of `rank` is read.
    mutating func end(_ rank: Int) {
        if rank < 3, hasPayer { pending = rank }
    }

    /// The information source of a new HL 20 level.
    mutating func setPayer(_ p: consuming Payer) {
        payer = p
        hasPayer = true
    }

    /// The information receiver of a new HL 21 level.
    mutating func setReceiver(_ p: consuming Provider) {
        receiver = p
        hasReceiver = true
    }

    /// The subscriber of a new HL 22 level (its 2110 loops are read next into ``subscriberBenefits`` or
    /// ``subscriberEncounters``).
    mutating func subscriber(_ m: consuming Member) {
        subscriber = m
        hasSubscriber = true
        firstDependent = true
    }

    /// A dependent (HL 23) with its own 2110 loops (`benefits` or `encounters`).
    mutating func dependent(_ m: consuming Member, _ benefits: consuming [Benefit], _ encounters: consuming [Encounter]) {
        guard hasPayer else { return }
        var benefits = benefits, encounters = encounters
        if firstDependent {
            // The subscriber's 2110 loops go with its first dependent, before the dependent's own.
            if !subscriberBenefits.isEmpty {
                swap(&benefits, &subscriberBenefits)
                benefits.append(contentsOf: subscriberBenefits)
                subscriberBenefits = []
            }
            if !subscriberEncounters.isEmpty {
                swap(&encounters, &subscriberEncounters)
                encounters.append(contentsOf: subscriberEncounters)
                subscriberEncounters = []
            }
        }
        firstDependent = false
        emit(dependent: m, benefits, encounters, replacing: 4)
    }

    /// The pending level was a leaf: one value without a dependent, with the subscriber's own 2110 loops.
    private mutating func emitLeaf(replacing rank: Int) {
        var benefits: [Benefit] = [], encounters: [Encounter] = []
        if hasSubscriber {
            swap(&benefits, &subscriberBenefits)
            swap(&encounters, &subscriberEncounters)
        }
        emit(dependent: nil, benefits, encounters, replacing: rank)
    }

    /// One value for the path source → receiver → subscriber → `dependent`. The parties at levels `rank` and
    /// below are about to be replaced (`rank` 4: none, `-1`: the end), so they are moved into the value.
    private mutating func emit(dependent: consuming Member?, _ benefits: consuming [Benefit], _ encounters: consuming [Encounter],
                               replacing rank: Int) {
        guard hasPayer else { return }
        if response {
            let rejections = rank <= 0 ? take(&sourceRejections) : sourceRejections
            let source = rank <= 0 ? payer.take()! : payer!
            let provider = rank <= 1 ? receiver.take() : receiver
            let subscriber = rank <= 2 ? self.subscriber.take() : self.subscriber
            responses.append(EligibilityResponse(trace: trace, rejections: rejections, informationSource: source,
                                                 provider: provider, subscriber: subscriber, dependent: dependent,
                                                 benefitsInformation: benefits))
            return
        }
        guard structureError == nil else { return }
        guard hasReceiver else {
            structureError = .structure("a 270 information source has no information receiver (HL*21)")
            return
        }
        guard hasSubscriber else {
            structureError = .structure("a 270 information receiver has no subscriber (HL*22)")
            return
        }
        inquiries.append(EligibilityInquiry(
            trace: trace, spendDown: spendDown, informationSource: rank <= 0 ? payer.take()! : payer!,
            provider: rank <= 1 ? receiver.take()! : receiver!, subscriber: rank <= 2 ? subscriber.take()! : subscriber!,
            dependent: dependent, encounters: encounters))
    }

    /// `list`, leaving it empty.
    private func take<T>(_ list: inout [T]) -> [T] {
        var out: [T] = []
        swap(&out, &list)
        return out
    }

    mutating func finish() throws(MappingError) -> ModelTransaction {
        if pending != nil { emitLeaf(replacing: -1) }
        if response { return .eligibilityResponse(take(&responses)) }
        if let structureError { throw structureError }
        return .eligibilityInquiry(take(&inquiries))
    }
}
