import AuthModel
import X12

/// 270 / 271 (005010X279A1) → ``EligibilityInquiry`` / ``EligibilityResponse`` values, one per patient.
///
/// The HL tree (source → receiver → subscriber → dependent) is flattened: every subscriber without
/// dependents, and every dependent, becomes one value that repeats its source, receiver and subscriber.
/// In a 271 a source without receivers, or a receiver without subscribers (a rejection that ends the tree
/// there), also becomes one value.
enum EligibilityReader {
    struct Node {
        /// 0 source (HL03 `20`), 1 receiver (`21`), 2 subscriber (`22`), 3 dependent (`23`).
        var rank: Int
        var rejections: [Rejection] = []
        var payer: Payer?
        var provider: Provider?
        var member: Member?
        var encounters: [Encounter] = []
        var benefits: [Benefit] = []
    }

    static func read(_ c: inout SegmentCursor, response: Bool) throws(MappingError) -> ModelTransaction {
        _ = c.take("ST")
        guard let bht = c.take("BHT") else { throw .missingSegment("BHT", loop: "header") }
        let trace = TransactionTrace(purpose: try X12Codes.purpose.value(bht[2], "BHT", 2), reference: bht.opt(3),
                                     creationDate: try X12Values.date(bht[4], "BHT", 4), creationTime: bht[5].value)
        var patients = Patients(trace: trace, spendDown: bht[6].valueIs("RT"), response: response)
        while c.peekID == "HL" {
            let hl = c.next()!
            let level = hl[3]
            let rank = level.valueIs("20") ? 0 : level.valueIs("21") ? 1 : level.valueIs("22") ? 2 : level.valueIs("23") ? 3 : -1
            var n = Node(rank: rank)
            switch rank {
            case 0:
                while let a = c.take("AAA") { n.rejections.append(try CommonSegments.rejection(a)) }
                guard let loop = PartyLoop.read(&c, allowed: PartyLoop.isPerAAA) else { throw .missingSegment("NM1", loop: "2100A") }
                n.payer = try loop.payer()
            case 1:
                guard let loop = PartyLoop.read(&c, allowed: PartyLoop.isReceiverSegment) else { throw .missingSegment("NM1", loop: "2100B") }
                n.provider = try loop.provider()
            case 2, 3:
                var traces: [TraceNumber] = []
                while let t = c.take("TRN") { traces.append(try CommonSegments.trace(t)) }
                guard let loop = PartyLoop.read(&c) else { throw .missingSegment("NM1", loop: rank == 2 ? "2100C" : "2100D") }
                var m = try loop.member()
                m.traceNumbers = traces
                n.member = m
                if response {
                    while let b = try EligibilitySegments.readBenefit(&c) { n.benefits.append(b) }
                } else {
                    while let e = try EligibilitySegments.readEncounter(&c) { n.encounters.append(e) }
                }
            default:
                throw .unknownCode(segment: "HL", position: 3, code: level.value, list: "eligibility hierarchical level (HL03)")
            }
            c.skipToLevelEnd()
            patients.add(n)
        }
        return try patients.finish()
    }

    /// Flattens the HL tree while it is read: one value per leaf. A subscriber with dependents is not a leaf;
    /// its 2110 loops (if any) go with its first dependent. Nodes are moved, not copied, into the values; a
    /// node's leaf status is known when the next node (or the end) arrives.
    struct Patients {
        let trace: TransactionTrace
        let spendDown: Bool
        let response: Bool
        var source: Node?
        var receiver: Node?
        var subscriber: Node?
        var firstDependent = true
        /// The rank of the last node added when it may still be a leaf.
        var pending: Int?
        var responses: [EligibilityResponse] = []
        var inquiries: [EligibilityInquiry] = []
        /// A 270 path without receiver or subscriber: thrown after the whole tree is read (as reading errors
        /// come first).
        var structureError: MappingError?

        init(trace: TransactionTrace, spendDown: Bool, response: Bool) {
            self.trace = trace
            self.spendDown = spendDown
            self.response = response
        }

        mutating func add(_ n: Node) {
            if let p = pending, n.rank <= p { emit(dependent: nil) }
            pending = nil
            var n = n
            switch n.rank {
            case 0: source = n; receiver = nil; subscriber = nil
            case 1: receiver = n; subscriber = nil
            case 2: subscriber = n; firstDependent = true
            default:
                guard source != nil else { return }
                if firstDependent {
                    // The subscriber's 2110 loops go with its first dependent, before the dependent's own.
                    if response, let b = subscriber?.benefits, !b.isEmpty {
                        subscriber!.benefits = []
                        n.benefits.insert(contentsOf: b, at: 0)
                    } else if !response, let e = subscriber?.encounters, !e.isEmpty {
                        subscriber!.encounters = []
                        n.encounters.insert(contentsOf: e, at: 0)
                    }
                }
                firstDependent = false
                emit(dependent: n)
                return
            }
            if source != nil { pending = n.rank }
        }

        /// One value for the path source → receiver → subscriber → `dependent`.
        private mutating func emit(dependent: Node?) {
            guard let source else { return }
            if response {
                var benefits = dependent?.benefits ?? []
                if dependent == nil, subscriber != nil { swap(&benefits, &subscriber!.benefits) }
                responses.append(EligibilityResponse(trace: trace, rejections: source.rejections, informationSource: source.payer!,
                                                     provider: receiver?.provider, subscriber: subscriber?.member,
                                                     dependent: dependent?.member, benefitsInformation: benefits))
                return
            }
            guard structureError == nil else { return }
            guard let r = receiver?.provider else {
                structureError = .structure("a 270 information source has no information receiver (HL*21)")
                return
            }
            guard let s = subscriber?.member else {
                structureError = .structure("a 270 information receiver has no subscriber (HL*22)")
                return
            }
            var encounters = dependent?.encounters ?? []
            if dependent == nil { swap(&encounters, &subscriber!.encounters) }
            inquiries.append(EligibilityInquiry(trace: trace, spendDown: spendDown, informationSource: source.payer!,
                                                provider: r, subscriber: s, dependent: dependent?.member, encounters: encounters))
        }

        mutating func finish() throws(MappingError) -> ModelTransaction {
            if pending != nil { emit(dependent: nil) }
            if response { return .eligibilityResponse(responses) }
            if let structureError { throw structureError }
            return .eligibilityInquiry(inquiries)
        }
    }
}
