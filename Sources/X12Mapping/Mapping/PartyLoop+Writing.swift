import AuthModel
import X12

/// Writing: the model values of ``PartyLoop`` back as segments, into any ``SegmentSink``.
extension PartyLoop {
    /// NM1, REF, N3/N4, PER, AAA and PRV of a provider.
    static func write<S: SegmentSink>(_ p: Provider, to out: inout S) {
        withUnsafePointer(to: p) { write($0, to: &out) }
    }

    /// NM1, REF, N3/N4, PER, AAA and PRV of the provider at `pp` (read in place: a list element passed by value would
    /// be copied first).
    static func write<S: SegmentSink>(_ pp: UnsafePointer<Provider>, to out: inout S) {
        out.begin("NM1")
        out.element(pp.pointee.role, X12Codes.entityRole)
        out.element(pp.pointee.entityType, X12Codes.entityType)
        out.element(pp.pointee.entityType == .organization ? pp.pointee.organizationName : pp.pointee.lastName)
        out.element(pp.pointee.firstName)
        out.element(pp.pointee.middleName)
        out.element(pp.pointee.namePrefix)
        out.element(pp.pointee.nameSuffix)
        if let npi = pp.pointee.npi {
            out.element("XX")
            out.element(npi)
        } else if let o = pp.pointee.otherIdentifier {
            out.element(o.kind, X12Codes.identifier)
            out.element(o.value)
        } else {
            out.emptyElements(2)
        }
        out.element(pp.pointee.relationshipCode)
        out.end()
        for r in pp.pointee.references { CommonSegments.ref(r, to: &out) }
        if let a = pp.pointee.address { CommonSegments.n3n4(a, to: &out) }
        for c in pp.pointee.contacts { CommonSegments.per(c, to: &out) }
        for r in pp.pointee.rejections { CommonSegments.aaa(r, to: &out) }
        if pp.pointee.function != nil || pp.pointee.taxonomyCode != nil {
            out.begin("PRV")
            out.element(pp.pointee.function, X12Codes.providerFunction)
            out.element(pp.pointee.taxonomyCode == nil ? nil : "PXC")
            out.element(pp.pointee.taxonomyCode)
            out.end()
        }
    }

    /// NM1, PER and AAA of a payer or UMO (AAA after PER, as in 2100A/2010A).
    static func write<S: SegmentSink>(_ p: Payer, to out: inout S) {
        out.begin("NM1")
        out.element(p.role, X12Codes.entityRole)
        out.element(p.entityType, X12Codes.entityType)
        out.element(p.name)
        out.element(p.firstName)
        out.emptyElements(3)
        if let i = p.identifier {
            out.element(i.kind, X12Codes.identifier)
            out.element(i.value)
        }
        out.end()
        for c in p.contacts { CommonSegments.per(c, to: &out) }
        for r in p.rejections { CommonSegments.aaa(r, to: &out) }
    }

    /// The member's name loop with `entityCode` (`IL` subscriber, `03` or `QC` dependent).
    static func write<S: SegmentSink>(_ m: Member, entityCode: String, insuranceIndicator: String, to out: inout S) {
        out.begin("NM1")
        out.element(entityCode)
        out.element(m.entityType, X12Codes.entityType)
        out.element(m.lastName)
        out.element(m.firstName)
        out.element(m.middleName)
        out.element(m.namePrefix)
        out.element(m.nameSuffix)
        if let id = m.memberId {
            out.element(m.memberIdKind ?? .memberId, X12Codes.identifier)
            out.element(id)
        }
        out.end()
        for r in m.references { CommonSegments.ref(r, to: &out) }
        if let a = m.address { CommonSegments.n3n4(a, to: &out) }
        for r in m.rejections { CommonSegments.aaa(r, to: &out) }
        if let dob = m.dateOfBirth {   // DMG01 and DMG02 are required: a gender without a birth date is not written
            out.begin("DMG")
            out.element("D8")
            out.element(dob)
            out.element(m.gender, X12Codes.gender)
            out.end()
        }
        if m.relationship != nil || m.birthSequence != nil || m.identityCorrected {
            out.begin("INS")
            out.element(insuranceIndicator)
            out.element(m.relationship, X12Codes.relationship)
            var written = 2
            if m.identityCorrected {
                out.element("001")
                out.element("25")
                written = 4
            }
            if let b = m.birthSequence {
                out.emptyElements(16 - written)
                out.element(b)
            }
            out.end()
        }
        if !m.diagnoses.isEmpty { CommonSegments.hi(m.diagnoses, to: &out) }
        for d in m.dates { CommonSegments.dtp(X12Codes.eligibilityDate.packedCode(d.kind), d.period, to: &out) }
    }
}
