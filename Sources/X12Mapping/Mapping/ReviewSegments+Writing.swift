import AuthModel
import Foundation
import X12

/// Writing: the model values of ``ReviewSegments`` back as segments, into any ``SegmentSink``.
extension ReviewSegments {
    /// UM; a response writes only UM01–UM04 and UM06.
    static func write<S: SegmentSink>(_ u: UM, response: Bool, to out: inout S) {
        out.begin("UM")
        out.element(u.kind, X12Codes.requestKind)
        out.element(u.certificationType, X12Codes.certificationType)
        out.element(u.serviceTypeCode)
        if let l = u.location {
            out.beginElement()
            out.append(l.code)
            out.nextComponent()
            out.append(l.kind, X12Codes.locationKind)
            out.endElement()
        } else {
            out.emptyElement()
        }
        if !response, let c = u.causes {
            out.beginElement()
            var n = 0
            for code in c.causeCodes.prefix(3) {
                if n > 0 { out.nextComponent() }
                out.append(code)
                n += 1
            }
            while n < 3 { if n > 0 { out.nextComponent() }; n += 1 }
            out.nextComponent()
            if let s = c.state { out.append(s) }
            out.nextComponent()
            if let s = c.country { out.append(s) }
            out.endElement()
        } else {
            out.emptyElement()
        }
        out.element(u.level, X12Codes.levelOfService)
        if !response {
            out.element(u.condition)
            out.element(u.prognosis)
            out.element(u.release)
            out.element(u.delay)
        }
        out.end()
    }

    /// The UM values of the patient event at `e` (read in place).
    static func um(_ e: UnsafePointer<PatientEvent>) -> UM {
        UM(kind: e.pointee.kind, certificationType: e.pointee.certificationType, serviceTypeCode: e.pointee.serviceTypeCode,
           location: e.pointee.location, causes: e.pointee.relatedCauses, level: e.pointee.levelOfService,
           condition: e.pointee.healthConditionCode, prognosis: e.pointee.prognosisCode,
           release: e.pointee.releaseOfInformationCode, delay: e.pointee.delayReasonCode)
    }

    static func hcr<S: SegmentSink>(_ o: ReviewOutcome, to out: inout S) {
        out.begin("HCR")
        out.element(o.action, X12Codes.action)
        out.element(o.authorizationNumber)
        if o.reasonCodes.isEmpty { out.emptyElement() } else { out.repeated(o.reasonCodes) }
        if let b = o.secondSurgicalOpinionRequired { out.element(b ? "Y" : "N") }
        out.end()
    }

    /// SV1, SV2 or SV3 by the line's kind; nothing for a line without a kind.
    static func sv<S: SegmentSink>(_ line: UnsafePointer<ServiceLine>, to out: inout S) {
        guard let kind = line.pointee.kind else { return }
        switch kind {
        case .professional:
            out.begin("SV1")
            if let p = line.wrapped(\.procedure) { CommonSegments.composite(p, to: &out) } else { out.emptyElement() }
            out.element(line.pointee.amount)
            out.element(line.pointee.unit, X12Codes.serviceUnit)
            out.element(line.pointee.quantity)
            out.emptyElements(2)
            CommonSegments.pointerElement(line.pointee.diagnosisPointers, to: &out)
            out.emptyElements(3)
            if let e = line.pointee.epsdt { out.element(e ? "Y" : "N") } else { out.emptyElement() }
            if let n = line.pointee.nursingHomeLevelOfCare {
                out.emptyElements(8)
                out.element(n)
            }
            out.end()
        case .institutional:
            out.begin("SV2")
            out.element(in: line, \.revenueCode)
            if let p = line.wrapped(\.procedure) { CommonSegments.composite(p, to: &out) } else { out.emptyElement() }
            out.element(line.pointee.amount)
            out.element(line.pointee.unit, X12Codes.serviceUnit)
            out.element(line.pointee.quantity)
            out.element(line.pointee.rate)
            out.emptyElements(2)
            out.element(in: line, \.nursingHomeResidentialStatus)
            out.element(in: line, \.nursingHomeLevelOfCare)
            out.end()
        case .dental:
            out.begin("SV3")
            if var p = line.pointee.procedure {
                p.description = nil
                CommonSegments.composite(p, to: &out)
            } else {
                out.emptyElement()
            }
            out.element(line.pointee.amount)
            out.emptyElement()
            if line.pointee.oralCavityCodes.isEmpty { out.emptyElement() } else { out.composite(line.pointee.oralCavityCodes) }
            out.element(in: line, \.prosthesisCode)
            out.element(line.pointee.quantity)
            out.element(line.pointee.procedure?.description)
            out.end()
        }
    }

    static func too<S: SegmentSink>(_ t: Tooth, to out: inout S) {
        out.begin("TOO")
        out.element("JP")
        out.element(t.code)
        if !t.surfaces.isEmpty { out.composite(t.surfaces) }
        out.end()
    }

    static func cl1<S: SegmentSink>(_ i: InstitutionalInformation, response: Bool, to out: inout S) {
        out.begin("CL1")
        out.element(i.admissionType)
        out.element(i.admissionSource)
        out.element(i.patientStatus)
        if !response { out.element(i.nursingHomeResidentialStatus) }
        out.end()
    }
}
