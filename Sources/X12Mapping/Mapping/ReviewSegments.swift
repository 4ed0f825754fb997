import AuthModel
import Foundation
import X12

/// The 278 segments of the patient event (2000E) and service (2000F) levels: UM, HCR, SV1/SV2/SV3, TOO, CL1.
enum ReviewSegments {
    // MARK: UM
    struct UM {
        var kind: RequestKind?
        var certificationType: CertificationType?
        var serviceTypeCode: String?
        var location: ServiceLocation?
        var causes: RelatedCauses?
        var level: LevelOfService?
        var condition: String?, prognosis: String?, release: String?, delay: String?
    }

    static func um(_ s: RawSegment) throws(MappingError) -> UM {
        var u = UM()
        u.kind = try X12Codes.requestKind.optional(s[1], "UM", 1)
        u.certificationType = try X12Codes.certificationType.optional(s[2], "UM", 2)
        u.serviceTypeCode = s.opt(3)
        if !s[4].isEmpty {
            var it = s[4].componentIterator
            let code = it.next()!
            let kind = it.next() ?? UnsafeRawBufferPointer(start: nil, count: 0)
            u.location = ServiceLocation(code: s[4].strings.string(code),
                                         kind: try X12Codes.locationKind.value(bytes: kind, "UM", 4))
        }
        if !s[5].isEmpty {
            let e = s[5]
            var it = e.componentIterator
            var codes: [String] = []
            var st = "", co = ""
            for k in 1...5 {
                guard let b = it.next() else { break }
                if k <= 3 { if !b.isEmpty { codes.append(e.strings.string(b)) } } else if k == 4 { st = e.strings.string(b) } else { co = e.strings.string(b) }
            }
            u.causes = RelatedCauses(causeCodes: codes, state: st.isEmpty ? nil : st, country: co.isEmpty ? nil : co)
        }
        u.level = try X12Codes.levelOfService.optional(s[6], "UM", 6)
        u.condition = s.opt(7)
        u.prognosis = s.opt(8)
        u.release = s.opt(9)
        u.delay = s.opt(10)
        return u
    }

    // MARK: HCR
    static func outcome(_ s: RawSegment) throws(MappingError) -> ReviewOutcome {
        let sso: Bool? = s[4].valueIs("Y") ? true : s[4].valueIs("N") ? false : nil
        return ReviewOutcome(action: try X12Codes.action.value(s[1], "HCR", 1), authorizationNumber: s.opt(2),
                             reasonCodes: s.repeated(3), secondSurgicalOpinionRequired: sso)
    }

    // MARK: SV1 / SV2 / SV3 / TOO
    static func apply(sv s: RawSegment, to l: inout ServiceLine) throws(MappingError) {
        switch s.id {
        case "SV1":
            l.kind = .professional
            l.procedure = try CommonSegments.procedure(s[1], "SV1", 1)
            l.amount = try X12Values.decimal(s[2], "SV1", 2)
            l.unit = try X12Codes.serviceUnit.optional(s[3], "SV1", 3)
            l.quantity = try X12Values.decimal(s[4], "SV1", 4)
            l.diagnosisPointers = try CommonSegments.pointers(s[7], "SV1", 7)
            l.epsdt = s[11].valueIs("Y") ? true : s[11].valueIs("N") ? false : nil
            l.nursingHomeLevelOfCare = s.opt(20)
        case "SV2":
            l.kind = .institutional
            l.revenueCode = s.opt(1)
            l.procedure = try CommonSegments.procedure(s[2], "SV2", 2)
            l.amount = try X12Values.decimal(s[3], "SV2", 3)
            l.unit = try X12Codes.serviceUnit.optional(s[4], "SV2", 4)
            l.quantity = try X12Values.decimal(s[5], "SV2", 5)
            l.rate = try X12Values.decimal(s[6], "SV2", 6)
            l.nursingHomeResidentialStatus = s.opt(9)
            l.nursingHomeLevelOfCare = s.opt(10)
        default:
            l.kind = .dental
            l.procedure = try CommonSegments.procedure(s[1], "SV3", 1)
            l.amount = try X12Values.decimal(s[2], "SV3", 2)
            l.oralCavityCodes = s[4].isEmpty ? [] : s[4].components.filter { !$0.isEmpty }
            l.prosthesisCode = s.opt(5)
            l.quantity = try X12Values.decimal(s[6], "SV3", 6)
            if let d = s.opt(7) { l.procedure?.description = d }
        }
    }

    static func tooth(_ s: RawSegment) -> Tooth {
        Tooth(code: s[2].value, surfaces: s[3].isEmpty ? [] : s[3].components.filter { !$0.isEmpty })
    }

    // MARK: CL1
    static func institutional(_ s: RawSegment) -> InstitutionalInformation {
        InstitutionalInformation(admissionType: s.opt(1), admissionSource: s.opt(2), patientStatus: s.opt(3),
                                 nursingHomeResidentialStatus: s.opt(4))
    }
}
