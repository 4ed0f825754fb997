import AuthModel
import X12

/// 270 / 271 (005010X279A1) → ``EligibilityInquiry`` / ``EligibilityResponse`` values, one per patient.
///
/// The HL tree (source → receiver → subscriber → dependent) is flattened: every subscriber without
/// dependents, and every dependent, becomes one value that repeats its source, receiver and subscriber.
/// In a 271 a source without receivers, or a receiver without subscribers (a rejection that ends the tree
/// there), also becomes one value.
enum EligibilityReader {
    static func read(_ c: inout SegmentCursor, response: Bool) throws(MappingError) -> ModelTransaction {
        _ = c.take("ST")
        guard let bht = c.take("BHT") else { throw .missingSegment("BHT", loop: "header") }
        let trace = TransactionTrace(purpose: try X12Codes.purpose.value(bht[2], "BHT", 2), reference: bht.opt(3),
                                     creationDate: try X12Values.date(bht[4], "BHT", 4), creationTime: bht[5].value)
        var patients = EligibilityPatients(trace: trace, spendDown: bht[6].valueIs("RT"), response: response)
        while c.peekID == "HL" {
            let hl = c.next()!
            let level = hl[3]
            let rank = level.valueIs("20") ? 0 : level.valueIs("21") ? 1 : level.valueIs("22") ? 2 : level.valueIs("23") ? 3 : -1
            guard rank >= 0 else {
                throw .unknownCode(segment: "HL", position: 3, code: level.value, list: "eligibility hierarchical level (HL03)")
            }
            patients.start(rank)
            switch rank {
            case 0:
                while let a = c.take("AAA") { patients.sourceRejections.append(try CommonSegments.rejection(a)) }
                guard let loop = PartyLoop.read(&c, allowed: PartyLoop.isPerAAA) else { throw .missingSegment("NM1", loop: "2100A") }
                patients.setPayer(try loop.payer())
            case 1:
                guard let loop = PartyLoop.read(&c, allowed: PartyLoop.isReceiverSegment) else { throw .missingSegment("NM1", loop: "2100B") }
                patients.setReceiver(try loop.provider())
            default:
                var traces: [TraceNumber] = []
                while let t = c.take("TRN") { traces.append(try CommonSegments.trace(t)) }
                guard let loop = PartyLoop.read(&c) else { throw .missingSegment("NM1", loop: rank == 2 ? "2100C" : "2100D") }
                let m = try loop.member(traceNumbers: traces)
                if rank == 2 {
                    patients.subscriber(m)
                    if response {
                        try EligibilitySegments.readBenefits(&c, into: &patients.subscriberBenefits)
                    } else {
                        try EligibilitySegments.readEncounters(&c, into: &patients.subscriberEncounters)
                    }
                } else {
                    var benefits: [Benefit] = []
                    var encounters: [Encounter] = []
                    if response {
                        try EligibilitySegments.readBenefits(&c, into: &benefits)
                    } else {
                        try EligibilitySegments.readEncounters(&c, into: &encounters)
                    }
                    patients.dependent(m, benefits, encounters)
                }
            }
            c.skipToLevelEnd()
            patients.end(rank)
        }
        return try patients.finish()
    }
}
