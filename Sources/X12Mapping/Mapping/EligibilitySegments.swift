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
    /// Reads every EQ loop at the cursor and appends its ``Encounter`` to `out` (one init call per value).
    static func readEncounters(_ c: inout SegmentCursor, into out: inout [Encounter]) throws(MappingError) {
        while let eq = c.take("EQ") {
            let serviceTypeCodes = eq.repeated(1)
            let procedure = try CommonSegments.procedure(eq[2], "EQ", 2)
            let coverageLevel = try X12Codes.coverageLevel.optional(eq[3], "EQ", 3)
            let diagnosisPointers = try CommonSegments.pointers(eq[5], "EQ", 5)
            var spendDownAmount: Decimal?
            var spendDownTotalBilledAmount: Decimal?
            var placeOfServiceCode: String?
            var references: [Reference] = []
            var dateOfService: DateRange?
            while isEncounterSegment(c.peekID) {
                let s = c.next()!
                switch s.id {
                case "AMT":
                    let v = try X12Values.decimal(s[2], "AMT", 2)
                    if s[1].valueIs("PB") { spendDownTotalBilledAmount = v } else { spendDownAmount = v }
                case "III": placeOfServiceCode = s.opt(2)
                case "REF": references.append(CommonSegments.reference(s))
                default: dateOfService = try CommonSegments.dtpRange(s)
                }
            }
            out.append(Encounter(serviceTypeCodes: serviceTypeCodes, procedure: procedure, coverageLevel: coverageLevel,
                                 diagnosisPointers: diagnosisPointers, spendDownAmount: spendDownAmount,
                                 spendDownTotalBilledAmount: spendDownTotalBilledAmount,
                                 placeOfServiceCode: placeOfServiceCode, references: references, dateOfService: dateOfService))
        }
    }

    // MARK: 271 EB loop
    /// The value each 2110C/D benefit starts from.
    private static let blankBenefit = Benefit(kind: .activeCoverage)

    /// Reads every EB loop at the cursor and appends its ``Benefit`` to `out`, each filled in place in the list.
    static func readBenefits(_ c: inout SegmentCursor, into out: inout [Benefit]) throws(MappingError) {
        guard c.peekID == "EB" else { return }
        out.reserveCapacity(out.count + c.count("EB"))
        while let eb = c.take("EB") {
            // Filled in place in the list's last element (a copy of a blank, then one store per field): built by
            // `Benefit.init`, each `Decimal?` argument made the value be assembled field by field and then copied.
            out.append(blankBenefit)
            try out.withUnsafeMutableBufferPointer { (list) throws(MappingError) in
                let b = list.baseAddress! + (list.count - 1)
                b.pointee.kind = try X12Codes.benefitKind.value(eb[1], "EB", 1)
                b.pointee.coverageLevel = try X12Codes.coverageLevel.optional(eb[2], "EB", 2)
                b.pointee.serviceTypeCodes = eb.repeated(3)
                b.pointee.insuranceTypeCode = eb.opt(4)
                b.pointee.planCoverageDescription = eb.opt(5)
                b.pointee.timePeriod = try X12Codes.timePeriod.optional(eb[6], "EB", 6)
                b.pointee.amount = try X12Values.decimal(eb[7], "EB", 7)
                b.pointee.percent = try X12Values.decimal(eb[8], "EB", 8)
                b.pointee.quantityKind = try X12Codes.benefitQuantity.optional(eb[9], "EB", 9)
                b.pointee.quantity = try X12Values.decimal(eb[10], "EB", 10)
                b.pointee.authorizationRequired = try X12Codes.yesNoUnknown.optional(eb[11], "EB", 11)
                b.pointee.inPlanNetwork = try X12Codes.network.optional(eb[12], "EB", 12)
                b.pointee.procedure = try CommonSegments.procedure(eb[13], "EB", 13)
                b.pointee.diagnosisPointers = try CommonSegments.pointers(eb[14], "EB", 14)
                while isBenefitSegment(c.peekID) {
                    let s = c.next()!
                    switch s.id {
                    case "HSD": b.pointee.deliveries.append(try CommonSegments.delivery(s))
                    case "REF": b.pointee.references.append(CommonSegments.reference(s))
                    case "DTP":
                        b.pointee.dates.append(EligibilityDate(try X12Codes.eligibilityDate.value(s[1], "DTP", 1), try CommonSegments.dtpRange(s)))
                    case "AAA": b.pointee.rejections.append(try CommonSegments.rejection(s))
                    case "MSG": b.pointee.messages.append(s[1].value)
                    case "III":
                        let kind = s[1].valueBytes.isEmpty ? BenefitNote.Kind.text : try X12Codes.benefitNote.value(s[1], "III", 1)
                        b.pointee.additionalInformation.append(BenefitNote(kind: kind, code: s.opt(2), category: s.opt(3), text: s.opt(4)))
                    default:   // LS*2120 … LE*2120
                        while let loop = PartyLoop.read(&c, allowed: PartyLoop.isRelatedEntitySegment) {
                            b.pointee.relatedEntities.append(try loop.provider())
                        }
                        guard c.take("LE") != nil else { throw .missingSegment("LE", loop: "2110") }
                    }
                }
            }
        }
    }
}
