import AuthModel
import X12

/// Writing: the model values of ``PartyLoop`` back as segments.
extension PartyLoop {
    static func segments(_ p: Provider) -> [Segment] {
        let (q, id): (String?, String?) = p.npi != nil ? ("XX", p.npi)
            : (p.otherIdentifier.map { X12Codes.identifier.code($0.kind) }, p.otherIdentifier?.value)
        var out = [Segment.make("NM1", [X12Codes.entityRole.code(p.role), X12Codes.entityType.code(p.entityType),
                                        p.entityType == .organization ? p.organizationName : p.lastName,
                                        p.firstName, p.middleName, p.namePrefix, p.nameSuffix, q, id, p.relationshipCode])]
        out += p.references.map(CommonSegments.ref)
        if let a = p.address { out += CommonSegments.n3n4(a) }
        out += p.contacts.map(CommonSegments.per)
        out += p.rejections.map(CommonSegments.aaa)
        if p.function != nil || p.taxonomyCode != nil {
            out.append(.make("PRV", [p.function.map { X12Codes.providerFunction.code($0) }, p.taxonomyCode == nil ? nil : "PXC", p.taxonomyCode]))
        }
        return out
    }

    /// NM1, PER and AAA of a payer or UMO (AAA after PER, as in 2100A/2010A).
    static func segments(_ p: Payer) -> [Segment] {
        var out = [Segment.make("NM1", [X12Codes.entityRole.code(p.role), X12Codes.entityType.code(p.entityType), p.name,
                                        p.firstName, nil, nil, nil, p.identifier.map { X12Codes.identifier.code($0.kind) },
                                        p.identifier?.value])]
        out += p.contacts.map(CommonSegments.per)
        out += p.rejections.map(CommonSegments.aaa)
        return out
    }

    /// The member's name loop with `entityCode` (`IL` subscriber, `03` or `QC` dependent).
    static func segments(_ m: Member, entityCode: String, insuranceIndicator: String) -> [Segment] {
        var out = [Segment.make("NM1", [entityCode, X12Codes.entityType.code(m.entityType), m.lastName, m.firstName,
                                        m.middleName, m.namePrefix, m.nameSuffix,
                                        m.memberId == nil ? nil : X12Codes.identifier.code(m.memberIdKind ?? .memberId),
                                        m.memberId])]
        out += m.references.map(CommonSegments.ref)
        if let a = m.address { out += CommonSegments.n3n4(a) }
        out += m.rejections.map(CommonSegments.aaa)
        if let dob = m.dateOfBirth {   // DMG01 and DMG02 are required: a gender without a birth date is not written
            out.append(.make("DMG", ["D8", dob.compact, m.gender.map { X12Codes.gender.code($0) }]))
        }
        if m.relationship != nil || m.birthSequence != nil || m.identityCorrected {
            var v: [String?] = [insuranceIndicator, m.relationship.map { X12Codes.relationship.code($0) }]
            if m.identityCorrected { v += ["001", "25"] }
            if let b = m.birthSequence {
                while v.count < 16 { v.append(nil) }
                v.append(String(b))
            }
            out.append(.make("INS", v))
        }
        if !m.diagnoses.isEmpty { out.append(CommonSegments.hi(m.diagnoses)) }
        for d in m.dates { out.append(CommonSegments.dtp(X12Codes.eligibilityDate.code(d.kind), d.period)) }
        return out
    }
}
