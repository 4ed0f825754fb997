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
        var level: String
        var rejections: [Rejection] = []
        var payer: Payer?
        var provider: Provider?
        var member: Member?
        var encounters: [Encounter] = []
        var benefits: [Benefit] = []
    }

    static func read(_ segments: [Segment], response: Bool) throws(MappingError) -> ModelTransaction {
        var c = SegmentCursor(segments)
        _ = c.take("ST")
        guard let bht = c.take("BHT") else { throw .missingSegment("BHT", loop: "header") }
        let trace = TransactionTrace(purpose: try X12Codes.purpose.value(bht[2].value, "BHT", 2), reference: bht.opt(3),
                                     creationDate: try X12Values.date(bht[4].value, "BHT", 4), creationTime: bht[5].value)
        let spendDown = bht[6].value == "RT"
        var nodes: [Node] = []
        while c.peekID == "HL" {
            let hl = c.next()!
            var n = Node(level: hl[3].value)
            switch n.level {
            case "20":
                for a in c.takeAll("AAA") { n.rejections.append(try CommonSegments.rejection(a)) }
                guard let loop = PartyLoop.read(&c, allowed: PartyLoop.perAAA) else { throw .missingSegment("NM1", loop: "2100A") }
                n.payer = try loop.payer()
            case "21":
                guard let loop = PartyLoop.read(&c, allowed: PartyLoop.receiverSegments) else { throw .missingSegment("NM1", loop: "2100B") }
                n.provider = try loop.provider()
            case "22", "23":
                var traces: [TraceNumber] = []
                for t in c.takeAll("TRN") { traces.append(try CommonSegments.trace(t)) }
                guard let loop = PartyLoop.read(&c) else { throw .missingSegment("NM1", loop: n.level == "22" ? "2100C" : "2100D") }
                var m = try loop.member()
                m.traceNumbers = traces
                n.member = m
                if response {
                    while let b = try EligibilitySegments.readBenefit(&c) { n.benefits.append(b) }
                } else {
                    while let e = try EligibilitySegments.readEncounter(&c) { n.encounters.append(e) }
                }
            default:
                throw .unknownCode(segment: "HL", position: 3, code: n.level, list: "eligibility hierarchical level (HL03)")
            }
            c.skip(until: SegmentCursor.levelEnd)
            nodes.append(n)
        }
        if response {
            return .eligibilityResponse(flatten(nodes).map { p in
                EligibilityResponse(trace: trace, rejections: p.source.rejections, informationSource: p.source.payer!,
                                    provider: p.receiver?.provider, subscriber: p.subscriber?.member,
                                    dependent: p.dependent?.member,
                                    benefitsInformation: (p.subscriber?.benefits ?? []) + (p.dependent?.benefits ?? []))
            })
        }
        var out: [EligibilityInquiry] = []
        for p in flatten(nodes) {
            guard let receiver = p.receiver?.provider else { throw .structure("a 270 information source has no information receiver (HL*21)") }
            guard let subscriber = p.subscriber?.member else { throw .structure("a 270 information receiver has no subscriber (HL*22)") }
            out.append(EligibilityInquiry(trace: trace, spendDown: spendDown, informationSource: p.source.payer!,
                                          provider: receiver, subscriber: subscriber, dependent: p.dependent?.member,
                                          encounters: (p.subscriber?.encounters ?? []) + (p.dependent?.encounters ?? [])))
        }
        return .eligibilityInquiry(out)
    }

    struct Path { var source: Node; var receiver: Node?; var subscriber: Node?; var dependent: Node? }

    static let rank = ["20": 0, "21": 1, "22": 2, "23": 3]

    /// One path per leaf of the HL tree. A subscriber with dependents is not a leaf; its 2110 loops (if any) go
    /// with its first dependent.
    static func flatten(_ nodes: [Node]) -> [Path] {
        var out: [Path] = []
        var path: Path?
        var firstDependent = true
        for (i, n) in nodes.enumerated() {
            let r = rank[n.level] ?? 0
            switch r {
            case 0: path = Path(source: n)
            case 1: path?.receiver = n; path?.subscriber = nil; path?.dependent = nil
            case 2: path?.subscriber = n; path?.dependent = nil; firstDependent = true
            default: path?.dependent = n
            }
            guard var p = path else { continue }
            if r == 3 {
                if !firstDependent { p.subscriber?.encounters = []; p.subscriber?.benefits = [] }
                firstDependent = false
                out.append(p)
            } else if i + 1 == nodes.count || (rank[nodes[i + 1].level] ?? 0) <= r {
                out.append(p)
            }
        }
        return out
    }
}
