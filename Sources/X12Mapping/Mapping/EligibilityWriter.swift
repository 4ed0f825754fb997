import AuthModel
import X12

/// ``EligibilityInquiry`` / ``EligibilityResponse`` values → the segments of one 270 / 271 (without ST and SE),
/// into any ``SegmentSink``.
///
/// Consecutive values with the same information source share one 2000A loop, the same provider one
/// 2000B loop, and dependents of the same subscriber one 2000C loop; HL numbers run 1, 2, 3 … and HL04 says
/// whether children follow.
enum EligibilityWriter {
    static func write<S: SegmentSink>(_ inquiries: [EligibilityInquiry], to out: inout S) {
        guard let first = inquiries.first else { return }
        CommonSegments.bht("0022", first.trace, typeCode: first.spendDown ? "RT" : nil, to: &out)
        inquiries.withUnsafeBufferPointer { items in
            tree(items, to: &out) { i, out in
                items[i].encounters.withUnsafeBufferPointer { es in
                    guard let e = es.baseAddress else { return }
                    for k in 0..<es.count { EligibilitySegments.write(e + k, to: &out) }
                }
            }
        }
    }

    static func write<S: SegmentSink>(_ responses: [EligibilityResponse], to out: inout S) {
        guard let first = responses.first else { return }
        CommonSegments.bht("0022", first.trace, typeCode: nil, to: &out)
        responses.withUnsafeBufferPointer { items in
            tree(items, to: &out) { i, out in
                items[i].benefitsInformation.withUnsafeBufferPointer { bs in
                    guard let b = bs.baseAddress else { return }
                    for k in 0..<bs.count { EligibilitySegments.write(b + k, to: &out) }
                }
            }
        }
    }

    /// The HL tree of `items`; `loops` writes the 2110 loops of the item at an index.
    static func tree<Item: EligibilityTreeItem, S: SegmentSink>(_ list: UnsafeBufferPointer<Item>, to out: inout S,
                                                                 loops: (Int, inout S) -> Void) {
        guard let items = list.baseAddress else { return }
        let count = list.count
        var hl = 0
        var i = 0
        while i < count {
            var j = i + 1   // an item is not compared with itself
            while j < count, Item.sameSource(items + j, items + i) { j += 1 }
            hl += 1
            let sourceHL = hl
            AuthorizationWriter.hl(sourceHL, parent: nil, "20", children: Item.hasReceiver(items + i), to: &out)
            Item.writeSource(items + i, to: &out)
            var r = i
            while r < j {
                guard Item.hasReceiver(items + r) else { r += 1; continue }
                var rEnd = r + 1
                while rEnd < j, Item.hasReceiver(items + rEnd), Item.sameReceiver(items + rEnd, items + r) { rEnd += 1 }
                hl += 1
                let receiverHL = hl
                AuthorizationWriter.hl(receiverHL, parent: sourceHL, "21", children: Item.hasSubscriber(items + r), to: &out)
                Item.writeReceiver(items + r, to: &out)
                var s = r
                while s < rEnd {
                    guard Item.hasSubscriber(items + s) else { s += 1; continue }
                    var sEnd = s + 1
                    let dependents = Item.hasDependent(items + s)
                    if dependents {
                        while sEnd < rEnd, Item.hasSubscriber(items + sEnd), Item.sameSubscriber(items + sEnd, items + s),
                              Item.hasDependent(items + sEnd) { sEnd += 1 }
                    }
                    hl += 1
                    let subscriberHL = hl
                    AuthorizationWriter.hl(subscriberHL, parent: receiverHL, "22", children: dependents, to: &out)
                    Item.writeSubscriber(items + s, to: &out)
                    if !dependents {
                        loops(s, &out)
                    } else {
                        for d in s..<sEnd {
                            hl += 1
                            AuthorizationWriter.hl(hl, parent: subscriberHL, "23", children: false, to: &out)
                            Item.writeDependent(items + d, to: &out)
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

    static func member<S: SegmentSink>(_ m: UnsafePointer<Member>, entityCode: String, indicator: String, to out: inout S) {
        for t in m.pointee.traceNumbers { CommonSegments.trn(t, to: &out) }
        PartyLoop.write(m, entityCode: entityCode, insuranceIndicator: indicator, to: &out)
    }
}
