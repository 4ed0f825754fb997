import AuthModel
import X12

/// ``EligibilityInquiry`` / ``EligibilityResponse`` values → the segments of one 270 / 271 (without ST and SE),
/// into any ``SegmentSink``.
///
/// Consecutive values with the same information source share one 2000A loop, the same provider one
/// 2000B loop, and dependents of the same subscriber one 2000C loop; HL numbers run 1, 2, 3 … and HL04 says
/// whether children follow.
enum EligibilityWriter {
    /// The parties of one inquiry or response, which decide the HL tree.
    struct Item {
        var sourceRejections: [Rejection]
        var source: Payer
        var receiver: Provider?
        var subscriber: Member?
        var dependent: Member?
    }

    static func write<S: SegmentSink>(_ inquiries: [EligibilityInquiry], to out: inout S) {
        guard let first = inquiries.first else { return }
        CommonSegments.bht("0022", first.trace, typeCode: first.spendDown ? "RT" : nil, to: &out)
        tree(inquiries.map {
            Item(sourceRejections: [], source: $0.informationSource, receiver: $0.provider, subscriber: $0.subscriber,
                 dependent: $0.dependent)
        }, to: &out) { i, out in
            for e in inquiries[i].encounters { EligibilitySegments.write(e, to: &out) }
        }
    }

    static func write<S: SegmentSink>(_ responses: [EligibilityResponse], to out: inout S) {
        guard let first = responses.first else { return }
        CommonSegments.bht("0022", first.trace, typeCode: nil, to: &out)
        tree(responses.map {
            Item(sourceRejections: $0.rejections, source: $0.informationSource, receiver: $0.provider,
                 subscriber: $0.subscriber, dependent: $0.dependent)
        }, to: &out) { i, out in
            for b in responses[i].benefitsInformation { EligibilitySegments.write(b, to: &out) }
        }
    }

    /// The HL tree of `items`; `loops` writes the 2110 loops of the item at an index.
    static func tree<S: SegmentSink>(_ items: [Item], to out: inout S, loops: (Int, inout S) -> Void) {
        var hl = 0
        var i = 0
        while i < items.count {
            var j = i + 1   // an item is not compared with itself
            while j < items.count, items[j].source == items[i].source, items[j].sourceRejections == items[i].sourceRejections { j += 1 }
            hl += 1
            let sourceHL = hl
            AuthorizationWriter.hl(sourceHL, parent: nil, "20", children: items[i].receiver != nil, to: &out)
            for r in items[i].sourceRejections { CommonSegments.aaa(r, to: &out) }
            PartyLoop.write(items[i].source, to: &out)
            var r = i
            while r < j {
                guard let receiver = items[r].receiver else { r += 1; continue }
                var rEnd = r + 1
                while rEnd < j, items[rEnd].receiver == receiver { rEnd += 1 }
                hl += 1
                let receiverHL = hl
                AuthorizationWriter.hl(receiverHL, parent: sourceHL, "21", children: items[r].subscriber != nil, to: &out)
                PartyLoop.write(receiver, to: &out)
                var s = r
                while s < rEnd {
                    guard let subscriber = items[s].subscriber else { s += 1; continue }
                    var sEnd = s + 1
                    if items[s].dependent != nil {
                        while sEnd < rEnd, items[sEnd].subscriber == subscriber, items[sEnd].dependent != nil { sEnd += 1 }
                    }
                    hl += 1
                    let subscriberHL = hl
                    AuthorizationWriter.hl(subscriberHL, parent: receiverHL, "22", children: items[s].dependent != nil, to: &out)
                    member(subscriber, entityCode: "IL", indicator: "Y", to: &out)
                    if items[s].dependent == nil {
                        loops(s, &out)
                    } else {
                        for d in s..<sEnd {
                            hl += 1
                            AuthorizationWriter.hl(hl, parent: subscriberHL, "23", children: false, to: &out)
                            member(items[d].dependent!, entityCode: "03", indicator: "N", to: &out)
                            loops(d, &out)
                        }
                    }
                    s = sEnd
                }
                r = rEnd
            }
            i = j
        }
    }

    static func member<S: SegmentSink>(_ m: Member, entityCode: String, indicator: String, to out: inout S) {
        for t in m.traceNumbers { CommonSegments.trn(t, to: &out) }
        PartyLoop.write(m, entityCode: entityCode, insuranceIndicator: indicator, to: &out)
    }
}
