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
        if pp.pointee.entityType == .organization { out.element(in: pp, \.organizationName) } else { out.element(in: pp, \.lastName) }
        out.element(in: pp, \.firstName)
        out.element(in: pp, \.middleName)
        out.element(in: pp, \.namePrefix)
        out.element(in: pp, \.nameSuffix)
        if let npi = pp.wrapped(\.npi) {
            out.element("XX" as PackedCode)
            out.element(at: npi)
        } else if let o = pp.pointee.otherIdentifier {
            out.element(o.kind, X12Codes.identifier)
            out.element(o.value)
        } else {
            out.emptyElements(2)
        }
        out.element(in: pp, \.relationshipCode)
        out.end()
        for r in pp.pointee.references { CommonSegments.ref(r, to: &out) }
        if let a = pp.wrapped(\.address) { CommonSegments.n3n4(a, to: &out) }
        for c in pp.pointee.contacts { CommonSegments.per(c, to: &out) }
        for r in pp.pointee.rejections { CommonSegments.aaa(r, to: &out) }
        if pp.pointee.function != nil || pp.pointee.taxonomyCode != nil {
            out.begin("PRV")
            out.element(pp.pointee.function, X12Codes.providerFunction)
            out.element(pp.pointee.taxonomyCode == nil ? nil : "PXC")
            out.element(in: pp, \.taxonomyCode)
            out.end()
        }
    }

    /// NM1, PER and AAA of a payer or UMO (AAA after PER, as in 2100A/2010A).
    static func write<S: SegmentSink>(_ p: Payer, to out: inout S) {
        withUnsafePointer(to: p) { write($0, to: &out) }
    }

    /// NM1, PER and AAA of the payer or UMO at `pp` (read in place).
    static func write<S: SegmentSink>(_ pp: UnsafePointer<Payer>, to out: inout S) {
        out.begin("NM1")
        out.element(pp.pointee.role, X12Codes.entityRole)
        out.element(pp.pointee.entityType, X12Codes.entityType)
        out.element(in: pp, \.name)
        out.element(in: pp, \.firstName)
        out.emptyElements(3)
        if let i = pp.pointee.identifier {
            out.element(i.kind, X12Codes.identifier)
            out.element(i.value)
        }
        out.end()
        for c in pp.pointee.contacts { CommonSegments.per(c, to: &out) }
        for r in pp.pointee.rejections { CommonSegments.aaa(r, to: &out) }
    }

    /// The member's name loop with `entityCode` (`IL` subscriber, `03` or `QC` dependent).
    static func write<S: SegmentSink>(_ m: Member, entityCode: String, insuranceIndicator: String, to out: inout S) {
        withUnsafePointer(to: m) { write($0, entityCode: entityCode, insuranceIndicator: insuranceIndicator, to: &out) }
    }

    /// The name loop of the member at `mp` (read in place).
    static func write<S: SegmentSink>(_ mp: UnsafePointer<Member>, entityCode: String, insuranceIndicator: String,
                                      to out: inout S) {
        out.begin("NM1")
        out.element(entityCode)
        out.element(mp.pointee.entityType, X12Codes.entityType)
        out.element(in: mp, \.lastName)
        out.element(in: mp, \.firstName)
        out.element(in: mp, \.middleName)
        out.element(in: mp, \.namePrefix)
        out.element(in: mp, \.nameSuffix)
        if let id = mp.pointee.memberId {
            out.element(mp.pointee.memberIdKind ?? .memberId, X12Codes.identifier)
            out.element(id)
        }
        out.end()
        for r in mp.pointee.references { CommonSegments.ref(r, to: &out) }
        if let a = mp.wrapped(\.address) { CommonSegments.n3n4(a, to: &out) }
        for r in mp.pointee.rejections { CommonSegments.aaa(r, to: &out) }
        if let dob = mp.pointee.dateOfBirth {   // DMG01 and DMG02 are required: a gender without a birth date is not written
            out.begin("DMG")
            out.element("D8")
            out.element(dob)
            out.element(mp.pointee.gender, X12Codes.gender)
            out.end()
        }
        if mp.pointee.relationship != nil || mp.pointee.birthSequence != nil || mp.pointee.identityCorrected {
            out.begin("INS")
            out.element(insuranceIndicator)
            out.element(mp.pointee.relationship, X12Codes.relationship)
            var written = 2
            if mp.pointee.identityCorrected {
                out.element("001")
                out.element("25")
                written = 4
            }
            if let b = mp.pointee.birthSequence {
                out.emptyElements(16 - written)
                out.element(b)
            }
            out.end()
        }
        if !mp.pointee.diagnoses.isEmpty { CommonSegments.hi(mp.pointee.diagnoses, to: &out) }
        for d in mp.pointee.dates { CommonSegments.dtp(X12Codes.eligibilityDate.packedCode(d.kind), d.period, to: &out) }
    }
}
