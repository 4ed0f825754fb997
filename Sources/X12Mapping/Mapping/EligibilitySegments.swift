import AuthModel
import Foundation
import X12

/// The 2110 loops of 270 (EQ) and 271 (EB with its 2115 and 2120 loops).
enum EligibilitySegments {
    /// The segments of a 2110C/D loop after EQ (packed IDs: no `String` per segment).
    @inline(__always) static func isEncounterSegment(_ id: SegmentID) -> Bool {
        id == "AMT" || id == "III" || id == "REF" || id == "DTP"
    }

    /// The segments of a 2110C/D loop after EB.
    @inline(__always) static func isBenefitSegment(_ id: SegmentID) -> Bool {
        id == "DTP" || id == "REF" || id == "MSG" || id == "HSD" || id == "AAA" || id == "III" || id == "LS"
    }

    // MARK: 270 EQ loop
    static func readEncounter(_ c: inout SegmentCursor) throws(MappingError) -> Encounter? {
        guard let eq = c.take("EQ") else { return nil }
        var e = Encounter(serviceTypeCodes: eq.repeated(1), procedure: try CommonSegments.procedure(eq[2], "EQ", 2),
                          coverageLevel: try X12Codes.coverageLevel.optional(eq[3], "EQ", 3),
                          diagnosisPointers: try CommonSegments.pointers(eq[5], "EQ", 5))
        while let s = c.peek, isEncounterSegment(s.id) {
            _ = c.next()
            switch s.id {
            case "AMT":
                let v = try X12Values.decimal(s[2], "AMT", 2)
                if s[1].valueIs("PB") { e.spendDownTotalBilledAmount = v } else { e.spendDownAmount = v }
            case "III": e.placeOfServiceCode = s.opt(2)
            case "REF": e.references.append(CommonSegments.reference(s))
            default: e.dateOfService = try CommonSegments.dtpRange(s)
            }
        }
        return e
    }

    // MARK: 271 EB loop
    static func readBenefit(_ c: inout SegmentCursor) throws(MappingError) -> Benefit? {
        guard let eb = c.take("EB") else { return nil }
        var b = Benefit(kind: try X12Codes.benefitKind.value(eb[1], "EB", 1),
                        coverageLevel: try X12Codes.coverageLevel.optional(eb[2], "EB", 2),
                        serviceTypeCodes: eb.repeated(3), insuranceTypeCode: eb.opt(4), planCoverageDescription: eb.opt(5),
                        timePeriod: try X12Codes.timePeriod.optional(eb[6], "EB", 6),
                        amount: try X12Values.decimal(eb[7], "EB", 7), percent: try X12Values.decimal(eb[8], "EB", 8),
                        quantityKind: try X12Codes.benefitQuantity.optional(eb[9], "EB", 9),
                        quantity: try X12Values.decimal(eb[10], "EB", 10),
                        authorizationRequired: try X12Codes.yesNoUnknown.optional(eb[11], "EB", 11),
                        inPlanNetwork: try X12Codes.network.optional(eb[12], "EB", 12),
                        procedure: try CommonSegments.procedure(eb[13], "EB", 13),
                        diagnosisPointers: try CommonSegments.pointers(eb[14], "EB", 14))
        while let s = c.peek, isBenefitSegment(s.id) {
            _ = c.next()
            switch s.id {
            case "HSD": b.deliveries.append(try CommonSegments.delivery(s))
            case "REF": b.references.append(CommonSegments.reference(s))
            case "DTP":
                b.dates.append(EligibilityDate(try X12Codes.eligibilityDate.value(s[1], "DTP", 1), try CommonSegments.dtpRange(s)))
            case "AAA": b.rejections.append(try CommonSegments.rejection(s))
            case "MSG": b.messages.append(s[1].value)
            case "III":
                let kind = s[1].valueBytes.isEmpty ? BenefitNote.Kind.text : try X12Codes.benefitNote.value(s[1], "III", 1)
                b.additionalInformation.append(BenefitNote(kind: kind, code: s.opt(2), category: s.opt(3), text: s.opt(4)))
            default:   // LS*2120 … LE*2120
                while let loop = PartyLoop.read(&c, allowed: PartyLoop.isRelatedEntitySegment) {
                    b.relatedEntities.append(try loop.provider())
                }
                guard c.take("LE") != nil else { throw .missingSegment("LE", loop: "2110") }
            }
        }
        return b
    }
}
