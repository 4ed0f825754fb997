import AuthModel
import Foundation
import X12

/// Writing: the model values of ``ReviewSegments`` back as segments.
extension ReviewSegments {
    static func umSegment(_ u: UM, response: Bool) -> Segment {
        var s = Segment.make("UM", [u.kind.map { X12Codes.requestKind.code($0) },
                                    u.certificationType.map { X12Codes.certificationType.code($0) }, u.serviceTypeCode])
        s.elements.reserveCapacity(10)   // set by position below: no regrowth
        if let l = u.location { s[4] = Element(components: [l.code, X12Codes.locationKind.code(l.kind)]) }
        if !response, let c = u.causes {
            s[5] = Element(components: Array(c.causeCodes.prefix(3)) + Array(repeating: "", count: 3 - min(3, c.causeCodes.count))
                + [c.state ?? "", c.country ?? ""])
        }
        if let l = u.level { s[6] = SharedElements.element(X12Codes.levelOfService.code(l)) }
        if !response {
            for (i, v) in [u.condition, u.prognosis, u.release, u.delay].enumerated() where v != nil { s[7 + i] = SharedElements.element(v!) }
        }
        return s
    }

    static func um(_ e: PatientEvent) -> UM {
        UM(kind: e.kind, certificationType: e.certificationType, serviceTypeCode: e.serviceTypeCode, location: e.location,
           causes: e.relatedCauses, level: e.levelOfService, condition: e.healthConditionCode, prognosis: e.prognosisCode,
           release: e.releaseOfInformationCode, delay: e.delayReasonCode)
    }

    static func hcr(_ o: ReviewOutcome) -> Segment {
        var s = Segment.make("HCR", [X12Codes.action.code(o.action), o.authorizationNumber])
        s.elements.reserveCapacity(4)
        if !o.reasonCodes.isEmpty { s[3] = Element(repetitions: o.reasonCodes.map { [$0] }) }
        if let b = o.secondSurgicalOpinionRequired { s[4] = SharedElements.element(b ? "Y" : "N") }
        return s
    }

    static func sv(_ l: ServiceLine) -> Segment? {
        guard let kind = l.kind else { return nil }
        let amount = l.amount.map { X12Values.string($0) }
        let qty = l.quantity.map { X12Values.string($0) }
        let unit = l.unit.map { X12Codes.serviceUnit.code($0) }
        switch kind {
        case .professional:
            var s = Segment.make("SV1", [nil, amount, unit, qty])
            s.elements.reserveCapacity(l.nursingHomeLevelOfCare == nil ? 11 : 20)
            if let p = l.procedure { s[1] = CommonSegments.composite(p) }
            if !l.diagnosisPointers.isEmpty { s[7] = CommonSegments.pointerElement(l.diagnosisPointers) }
            if let e = l.epsdt { s[11] = SharedElements.element(e ? "Y" : "N") }
            if let n = l.nursingHomeLevelOfCare { s[20] = Element(n) }
            return s
        case .institutional:
            var s = Segment.make("SV2", [l.revenueCode, nil, amount, unit, qty, l.rate.map { X12Values.string($0) }])
            s.elements.reserveCapacity(10)
            if let p = l.procedure { s[2] = CommonSegments.composite(p) }
            if let n = l.nursingHomeResidentialStatus { s[9] = Element(n) }
            if let n = l.nursingHomeLevelOfCare { s[10] = Element(n) }
            return s
        case .dental:
            var p = l.procedure
            let description = p?.description
            p?.description = nil
            var s = Segment.make("SV3", [nil, amount])
            s.elements.reserveCapacity(7)
            if let p { s[1] = CommonSegments.composite(p) }
            if !l.oralCavityCodes.isEmpty { s[4] = Element(components: l.oralCavityCodes) }
            if let c = l.prosthesisCode { s[5] = Element(c) }
            if let q = qty { s[6] = Element(q) }
            if let d = description { s[7] = Element(d) }
            return s
        }
    }

    static func too(_ t: Tooth) -> Segment {
        var s = Segment.make("TOO", ["JP", t.code])
        if !t.surfaces.isEmpty { s[3] = Element(components: t.surfaces) }
        return s
    }

    static func cl1(_ i: InstitutionalInformation, response: Bool) -> Segment {
        .make("CL1", [i.admissionType, i.admissionSource, i.patientStatus, response ? nil : i.nursingHomeResidentialStatus])
    }
}
