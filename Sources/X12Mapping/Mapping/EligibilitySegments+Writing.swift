import AuthModel
import Foundation
import X12

/// Writing: the model values of ``EligibilitySegments`` back as segments, into any ``SegmentSink``.
extension EligibilitySegments {
    /// The 2110C/D loop of one encounter: EQ, AMT, III, REF, DTP.
    static func write<S: SegmentSink>(_ e: Encounter, to out: inout S) {
        out.begin("EQ")
        if e.serviceTypeCodes.isEmpty { out.emptyElement() } else { out.repeated(e.serviceTypeCodes) }
        if let p = e.procedure { CommonSegments.composite(p, to: &out) } else { out.emptyElement() }
        out.element(e.coverageLevel, X12Codes.coverageLevel)
        out.emptyElement()
        CommonSegments.pointerElement(e.diagnosisPointers, to: &out)
        out.end()
        if let a = e.spendDownAmount { amt("R", a, to: &out) }
        if let a = e.spendDownTotalBilledAmount { amt("PB", a, to: &out) }
        if let p = e.placeOfServiceCode {
            out.begin("III")
            out.element("ZZ")
            out.element(p)
            out.end()
        }
        for r in e.references { CommonSegments.ref(r, to: &out) }
        if let d = e.dateOfService { CommonSegments.dtp("291", d, to: &out) }
    }

    private static func amt<S: SegmentSink>(_ qualifier: String, _ amount: Decimal, to out: inout S) {
        out.begin("AMT")
        out.element(qualifier)
        out.element(amount)
        out.end()
    }

    /// The 2110C/D loop of one benefit: EB, HSD, REF, DTP, AAA, MSG, III and the 2120 loops inside LS/LE.
    static func write<S: SegmentSink>(_ b: Benefit, to out: inout S) {
        out.begin("EB")
        out.element(X12Codes.benefitKind.code(b.kind))
        out.element(b.coverageLevel, X12Codes.coverageLevel)
        if b.serviceTypeCodes.isEmpty { out.emptyElement() } else { out.repeated(b.serviceTypeCodes) }
        out.element(b.insuranceTypeCode)
        out.element(b.planCoverageDescription)
        out.element(b.timePeriod, X12Codes.timePeriod)
        out.element(b.amount)
        out.element(b.percent)
        out.element(b.quantityKind, X12Codes.benefitQuantity)
        out.element(b.quantity)
        out.element(b.authorizationRequired, X12Codes.yesNoUnknown)
        out.element(b.inPlanNetwork, X12Codes.network)
        if let p = b.procedure { CommonSegments.composite(p, to: &out) } else { out.emptyElement() }
        CommonSegments.pointerElement(b.diagnosisPointers, to: &out)
        out.end()
        for d in b.deliveries { CommonSegments.hsd(d, to: &out) }
        for r in b.references { CommonSegments.ref(r, to: &out) }
        for d in b.dates { CommonSegments.dtp(X12Codes.eligibilityDate.code(d.kind), d.period, to: &out) }
        for r in b.rejections { CommonSegments.aaa(r, to: &out) }
        for m in b.messages { CommonSegments.msg(m, to: &out) }
        for i in b.additionalInformation {
            out.begin("III")
            if i.kind == .text { out.emptyElement() } else { out.element(X12Codes.benefitNote.code(i.kind)) }
            out.element(i.code)
            out.element(i.category)
            out.element(i.text)
            out.end()
        }
        if !b.relatedEntities.isEmpty {
            out.begin("LS")
            out.element("2120")
            out.end()
            for p in b.relatedEntities { PartyLoop.write(p, to: &out) }
            out.begin("LE")
            out.element("2120")
            out.end()
        }
    }
}
