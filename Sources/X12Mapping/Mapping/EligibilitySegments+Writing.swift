import AuthModel
import Foundation
import X12

/// Writing: the model values of ``EligibilitySegments`` back as segments, into any ``SegmentSink``.
extension EligibilitySegments {
    /// The 2110C/D loop of one encounter: EQ, AMT, III, REF, DTP (read in place: a list element passed by value
    /// would be copied first).
    static func write<S: SegmentSink>(_ p: UnsafePointer<Encounter>, to out: inout S) {
        out.begin("EQ")
        if p.pointee.serviceTypeCodes.isEmpty { out.emptyElement() } else { out.repeated(p.pointee.serviceTypeCodes) }
        if let procedure = p.wrapped(\.procedure) { CommonSegments.composite(procedure, to: &out) } else { out.emptyElement() }
        out.element(p.pointee.coverageLevel, X12Codes.coverageLevel)
        out.emptyElement()
        CommonSegments.pointerElement(p.pointee.diagnosisPointers, to: &out)
        out.end()
        if let a = p.pointee.spendDownAmount { amt("R", a, to: &out) }
        if let a = p.pointee.spendDownTotalBilledAmount { amt("PB", a, to: &out) }
        if let place = p.pointee.placeOfServiceCode {
            out.begin("III")
            out.element("ZZ")
            out.element(place)
            out.end()
        }
        for r in p.pointee.references { CommonSegments.ref(r, to: &out) }
        if let d = p.pointee.dateOfService { CommonSegments.dtp("291", d, to: &out) }
    }

    private static func amt<S: SegmentSink>(_ qualifier: String, _ amount: Decimal, to out: inout S) {
        out.begin("AMT")
        out.element(qualifier)
        out.element(amount)
        out.end()
    }

    /// The 2110C/D loop of one benefit: EB, HSD, REF, DTP, AAA, MSG, III and the 2120 loops inside LS/LE (read in
    /// place, like an encounter).
    static func write<S: SegmentSink>(_ p: UnsafePointer<Benefit>, to out: inout S) {
        out.begin("EB")
        out.element(p.pointee.kind, X12Codes.benefitKind)
        out.element(p.pointee.coverageLevel, X12Codes.coverageLevel)
        if p.pointee.serviceTypeCodes.isEmpty { out.emptyElement() } else { out.repeated(p.pointee.serviceTypeCodes) }
        out.element(in: p, \.insuranceTypeCode)
        out.element(in: p, \.planCoverageDescription)
        out.element(p.pointee.timePeriod, X12Codes.timePeriod)
        out.element(p.pointee.amount)
        out.element(p.pointee.percent)
        out.element(p.pointee.quantityKind, X12Codes.benefitQuantity)
        out.element(p.pointee.quantity)
        out.element(p.pointee.authorizationRequired, X12Codes.yesNoUnknown)
        out.element(p.pointee.inPlanNetwork, X12Codes.network)
        if let procedure = p.wrapped(\.procedure) { CommonSegments.composite(procedure, to: &out) } else { out.emptyElement() }
        CommonSegments.pointerElement(p.pointee.diagnosisPointers, to: &out)
        out.end()
        // Most of a benefit's lists are empty: test them before touching them (a loop over a list retains it).
        if !p.pointee.deliveries.isEmpty { for d in p.pointee.deliveries { CommonSegments.hsd(d, to: &out) } }
        if !p.pointee.references.isEmpty { for r in p.pointee.references { CommonSegments.ref(r, to: &out) } }
        if !p.pointee.dates.isEmpty {
            for d in p.pointee.dates { CommonSegments.dtp(X12Codes.eligibilityDate.packedCode(d.kind), d.period, to: &out) }
        }
        if !p.pointee.rejections.isEmpty { for r in p.pointee.rejections { CommonSegments.aaa(r, to: &out) } }
        if !p.pointee.messages.isEmpty { for m in p.pointee.messages { CommonSegments.msg(m, to: &out) } }
        if !p.pointee.additionalInformation.isEmpty {
            for i in p.pointee.additionalInformation {
                out.begin("III")
                if i.kind == .text { out.emptyElement() } else { out.element(i.kind, X12Codes.benefitNote) }
                out.element(i.code)
                out.element(i.category)
                out.element(i.text)
                out.end()
            }
        }
        if !p.pointee.relatedEntities.isEmpty {
            out.begin("LS")
            out.element("2120")
            out.end()
            p.pointee.relatedEntities.withUnsafeBufferPointer { ps in
                guard let e = ps.baseAddress else { return }
                for k in 0..<ps.count { PartyLoop.write(e + k, to: &out) }
            }
            out.begin("LE")
            out.element("2120")
            out.end()
        }
    }
}
