import AuthModel
import X12

/// ``EligibilityInquiry`` / ``EligibilityResponse`` values → the segments of one 270 / 271 (without ST and SE).
///
/// Consecutive values with the same information source share one 2000A loop, the same provider one
/// 2000B loop, and dependents of the same subscriber one 2000C loop; HL numbers run 1, 2, 3 … and HL04 says
/// whether children follow.
enum EligibilityWriter {
    struct Item: Equatable {
        var sourceRejections: [Rejection]
        var source: Payer
        var receiver: Provider?
        var subscriber: Member?
        var dependent: Member?
        var loops: [Segment]
    }

    static func segments(_ inquiries: [EligibilityInquiry]) -> [Segment] {
        guard let first = inquiries.first else { return [] }
        let bht = Segment.make("BHT", ["0022", X12Codes.purpose.code(first.trace.purpose), first.trace.reference,
                                       first.trace.creationDate.compact, first.trace.creationTime, first.spendDown ? "RT" : nil])
        return [bht] + tree(inquiries.map {
            Item(sourceRejections: [], source: $0.informationSource, receiver: $0.provider, subscriber: $0.subscriber,
                 dependent: $0.dependent, loops: $0.encounters.flatMap(EligibilitySegments.segments))
        })
    }

    static func segments(_ responses: [EligibilityResponse]) -> [Segment] {
        guard let first = responses.first else { return [] }
        let bht = Segment.make("BHT", ["0022", X12Codes.purpose.code(first.trace.purpose), first.trace.reference,
                                       first.trace.creationDate.compact, first.trace.creationTime])
        return [bht] + tree(responses.map {
            Item(sourceRejections: $0.rejections, source: $0.informationSource, receiver: $0.provider,
                 subscriber: $0.subscriber, dependent: $0.dependent,
                 loops: $0.benefitsInformation.flatMap(EligibilitySegments.segments))
        })
    }

    static func tree(_ items: [Item]) -> [Segment] {
        var out: [Segment] = []
        var hl = 0
        var i = 0
        while i < items.count {
            var j = i
            while j < items.count, items[j].source == items[i].source, items[j].sourceRejections == items[i].sourceRejections { j += 1 }
            hl += 1
            let sourceHL = hl
            out.append(.make("HL", [String(sourceHL), nil, "20", items[i].receiver != nil ? "1" : "0"]))
            out += items[i].sourceRejections.map(CommonSegments.aaa)
            out += PartyLoop.segments(items[i].source)
            var r = i
            while r < j {
                guard let receiver = items[r].receiver else { r += 1; continue }
                var rEnd = r
                while rEnd < j, items[rEnd].receiver == receiver { rEnd += 1 }
                hl += 1
                let receiverHL = hl
                out.append(.make("HL", [String(receiverHL), String(sourceHL), "21", items[r].subscriber != nil ? "1" : "0"]))
                out += PartyLoop.segments(receiver)
                var s = r
                while s < rEnd {
                    guard let subscriber = items[s].subscriber else { s += 1; continue }
                    var sEnd = s + 1
                    if items[s].dependent != nil {
                        while sEnd < rEnd, items[sEnd].subscriber == subscriber, items[sEnd].dependent != nil { sEnd += 1 }
                    }
                    hl += 1
                    let subscriberHL = hl
                    out.append(.make("HL", [String(subscriberHL), String(receiverHL), "22", items[s].dependent != nil ? "1" : "0"]))
                    out += member(subscriber, entityCode: "IL", indicator: "Y")
                    if items[s].dependent == nil {
                        out += items[s].loops
                    } else {
                        for d in s..<sEnd {
                            hl += 1
                            out.append(.make("HL", [String(hl), String(subscriberHL), "23", "0"]))
                            out += member(items[d].dependent!, entityCode: "03", indicator: "N")
                            out += items[d].loops
                        }
                    }
                    s = sEnd
                }
                r = rEnd
            }
            i = j
        }
        return out
    }

    static func member(_ m: Member, entityCode: String, indicator: String) -> [Segment] {
        m.traceNumbers.map(CommonSegments.trn) + PartyLoop.segments(m, entityCode: entityCode, insuranceIndicator: indicator)
    }
}
