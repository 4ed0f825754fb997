import AuthModel
import Foundation
import X12

/// Writing: the model values of ``EligibilitySegments`` back as segments.
extension EligibilitySegments {
    static func segments(_ e: Encounter) -> [Segment] {
        var eq = Segment("EQ", [])
        eq.elements.reserveCapacity(5)   // set by position below: no regrowth
        if !e.serviceTypeCodes.isEmpty { eq[1] = Element(repetitions: e.serviceTypeCodes.map { [$0] }) }
        if let p = e.procedure { eq[2] = CommonSegments.composite(p) }
        if let l = e.coverageLevel { eq[3] = SharedElements.element(X12Codes.coverageLevel.code(l)) }
        if !e.diagnosisPointers.isEmpty { eq[5] = CommonSegments.pointerElement(e.diagnosisPointers) }
        var out = [eq]
        if let a = e.spendDownAmount { out.append(.make("AMT", ["R", X12Values.string(a)])) }
        if let a = e.spendDownTotalBilledAmount { out.append(.make("AMT", ["PB", X12Values.string(a)])) }
        if let p = e.placeOfServiceCode { out.append(.make("III", ["ZZ", p])) }
        out += e.references.map(CommonSegments.ref)
        if let d = e.dateOfService { out.append(CommonSegments.dtp("291", d)) }
        return out
    }

    static func segments(_ b: Benefit) -> [Segment] {
        var eb = Segment.make("EB", [X12Codes.benefitKind.code(b.kind), b.coverageLevel.map { X12Codes.coverageLevel.code($0) }])
        eb.elements.reserveCapacity(14)   // set by position below: no regrowth
        if !b.serviceTypeCodes.isEmpty { eb[3] = Element(repetitions: b.serviceTypeCodes.map { [$0] }) }
        let rest: [String?] = [b.insuranceTypeCode, b.planCoverageDescription, b.timePeriod.map { X12Codes.timePeriod.code($0) },
                               b.amount.map { X12Values.string($0) }, b.percent.map { X12Values.string($0) },
                               b.quantityKind.map { X12Codes.benefitQuantity.code($0) }, b.quantity.map { X12Values.string($0) },
                               b.authorizationRequired.map { X12Codes.yesNoUnknown.code($0) },
                               b.inPlanNetwork.map { X12Codes.network.code($0) }]
        for (i, v) in rest.enumerated() where v != nil { eb[4 + i] = SharedElements.element(v!) }
        if let p = b.procedure { eb[13] = CommonSegments.composite(p) }
        if !b.diagnosisPointers.isEmpty { eb[14] = CommonSegments.pointerElement(b.diagnosisPointers) }
        var out = [eb]
        out += b.deliveries.map(CommonSegments.hsd)
        out += b.references.map(CommonSegments.ref)
        out += b.dates.map { CommonSegments.dtp(X12Codes.eligibilityDate.code($0.kind), $0.period) }
        out += b.rejections.map(CommonSegments.aaa)
        out += b.messages.map { Segment.make("MSG", [$0]) }
        out += b.additionalInformation.map {
            Segment.make("III", [$0.kind == .text ? nil : X12Codes.benefitNote.code($0.kind), $0.code, $0.category, $0.text])
        }
        if !b.relatedEntities.isEmpty {
            out.append(.make("LS", ["2120"]))
            out += b.relatedEntities.flatMap(PartyLoop.segments)
            out.append(.make("LE", ["2120"]))
        }
        return out
    }
}
