import AuthModel
import X12

/// A name loop (NM1 and the segments that belong to it) read from a transaction, and its conversions to
/// the model's parties; the inverse builds the loop's segments from a party.
///
/// Segments are always written in the order NM1, REF, N3, N4, PER, AAA, PRV, DMG, INS, HI, DTP, which is
/// the implementation guides' order in every loop that uses them.
struct PartyLoop {
    /// The segments of the transaction (REF, PER, AAA and DTP, which repeat, are read from `range`: no array per
    /// loop). The loop keeps segment indexes, not views, so that it stays small to return and copy.
    let cursor: SegmentCursor
    /// The NM1's index.
    let nm1At: Int
    /// The segments after the NM1.
    var range: Range<Int>
    /// The indexes of the last N3, N4, PRV, DMG, INS and HI (`-1`: none).
    var n3At = -1, n4At = -1, prvAt = -1, dmgAt = -1, insAt = -1, hiAt = -1

    var nm1: RawSegment { cursor.segment(at: nm1At) }
    var n3: RawSegment? { segment(n3At) }
    var n4: RawSegment? { segment(n4At) }
    var prv: RawSegment? { segment(prvAt) }
    var dmg: RawSegment? { segment(dmgAt) }
    var ins: RawSegment? { segment(insAt) }
    var hi: RawSegment? { segment(hiAt) }

    @inline(__always) private func segment(_ i: Int) -> RawSegment? { i < 0 ? nil : cursor.segment(at: i) }

    /// `f` of each segment with this ID in the loop, in order (`[]`, not allocated, when there is none).
    @inline(__always) func each<T>(_ id: SegmentID, _ f: (RawSegment) throws(MappingError) -> T) throws(MappingError) -> [T] {
        var n = 0
        for i in range where cursor.id(at: i) == id { n += 1 }
        if n == 0 { return [] }
        var out: [T] = []
        out.reserveCapacity(n)   // one allocation, not one per doubling
        for i in range where cursor.id(at: i) == id { out.append(try f(cursor.segment(at: i))) }
        return out
    }

    /// What may follow an NM1 (packed IDs: no `String` per segment).
    static func isNameSegment(_ id: SegmentID) -> Bool {
        id == "REF" || id == "N3" || id == "N4" || id == "PER" || id == "PRV" || id == "AAA" || id == "DMG" || id == "INS"
            || id == "HI" || id == "DTP" || id == "MPI"
    }
    /// What follows the NM1 of a payer / UMO (2100A, 2010A), a 270/271 receiver (2100B), a 2120 entity.
    static func isPerAAA(_ id: SegmentID) -> Bool { id == "PER" || id == "AAA" }
    static func isReceiverSegment(_ id: SegmentID) -> Bool { id == "REF" || id == "N3" || id == "N4" || id == "AAA" || id == "PRV" }
    static func isRelatedEntitySegment(_ id: SegmentID) -> Bool { id == "N3" || id == "N4" || id == "PER" || id == "PRV" }

    /// Reads an NM1 and what follows it while the IDs are in `allowed`.
    static func read(_ c: inout SegmentCursor, allowed: (SegmentID) -> Bool = isNameSegment) -> PartyLoop? {
        guard c.peekID == "NM1" else { return nil }
        var loop = PartyLoop(cursor: c, nm1At: c.index, range: c.index + 1..<c.index + 1)
        c.index += 1
        while allowed(c.peekID) {
            let i = c.index
            let id = c.id(at: i)
            c.index += 1
            switch id {
            case "N3": loop.n3At = i
            case "N4": loop.n4At = i
            case "PRV": loop.prvAt = i
            case "DMG": loop.dmgAt = i
            case "INS": loop.insAt = i
            case "HI": loop.hiAt = i
            default: break   // REF, PER, AAA, DTP: read from the range; MPI: not mapped
            }
        }
        loop.range = loop.range.lowerBound..<c.index
        return loop
    }


    func rejections() throws(MappingError) -> [Rejection] { try each("AAA", CommonSegments.rejection) }

    func contacts() throws(MappingError) -> [Contact] { try each("PER", CommonSegments.contact) }

    // MARK: Reading
    // Each value is made by one init call from locals, in the order the fields were read before (so the same
    // input throws the same error first): no field assigned twice, no copy of the large value.

    func provider() throws(MappingError) -> Provider {
        let type = try X12Codes.entityType.value(nm1[2], "NM1", 2)
        let role = try X12Codes.entityRole.value(nm1[1], "NM1", 1)
        let name = nm1.opt(3)
        var npi: String?
        var otherIdentifier: PartyIdentifier?
        if !nm1[8].valueBytes.isEmpty {
            let kind = try X12Codes.identifier.value(nm1[8], "NM1", 8)
            if kind == .npi { npi = nm1[9].value } else { otherIdentifier = PartyIdentifier(kind, nm1[9].value) }
        }
        let references = try each("REF", CommonSegments.reference)
        let contacts = try contacts()
        var function: ProviderFunction?
        var taxonomyCode: String?
        if let prv {
            function = try X12Codes.providerFunction.optional(prv[1], "PRV", 1)
            taxonomyCode = prv.opt(3)
        }
        let rejections = try rejections()
        return Provider(role: role, entityType: type, organizationName: type == .organization ? name : nil,
                        lastName: type == .organization ? nil : name, firstName: nm1.opt(4), middleName: nm1.opt(5),
                        namePrefix: nm1.opt(6), nameSuffix: nm1.opt(7), npi: npi, otherIdentifier: otherIdentifier,
                        relationshipCode: nm1.opt(10), references: references, address: CommonSegments.address(n3, n4),
                        contacts: contacts, function: function, taxonomyCode: taxonomyCode, rejections: rejections)
    }

    func payer() throws(MappingError) -> Payer {
        let role = try X12Codes.entityRole.value(nm1[1], "NM1", 1)
        let type = try X12Codes.entityType.value(nm1[2], "NM1", 2)
        var identifier: PartyIdentifier?
        if !nm1[8].valueBytes.isEmpty { identifier = PartyIdentifier(try X12Codes.identifier.value(nm1[8], "NM1", 8), nm1[9].value) }
        return Payer(role: role, entityType: type, name: nm1.opt(3), firstName: nm1.opt(4), identifier: identifier,
                     contacts: try contacts(), rejections: try rejections())
    }

    /// The member of this loop; `traceNumbers` are the TRNs read before its NM1 (eligibility).
    func member(traceNumbers: [TraceNumber] = []) throws(MappingError) -> Member {
        let type = try X12Codes.entityType.value(nm1[2].valueBytes.isEmpty ? "1" : nm1[2].value, "NM1", 2)
        var memberIdKind: PartyIdentifier.Kind?
        var memberId: String?
        if !nm1[8].valueBytes.isEmpty {
            let kind = try X12Codes.identifier.value(nm1[8], "NM1", 8)
            memberIdKind = kind == .memberId ? nil : kind
            memberId = nm1[9].value
        }
        let references = try each("REF", CommonSegments.reference)
        let rejections = try rejections()
        var dateOfBirth: CalendarDate?
        var gender: Gender?
        if let dmg {
            dateOfBirth = try X12Values.optionalDate(dmg[2], "DMG", 2)
            gender = try X12Codes.gender.optional(dmg[3], "DMG", 3)
        }
        var relationship: Relationship?
        var identityCorrected = false
        var birthSequence: Int?
        if let ins {
            relationship = try X12Codes.relationship.optional(ins[2], "INS", 2)
            identityCorrected = ins[3].valueIs("001") && ins[4].valueIs("25")
            birthSequence = try X12Values.int(ins[17], "INS", 17)
        }
        let diagnoses = hi == nil ? [] : try CommonSegments.diagnoses(hi!)
        let dates = try each("DTP") { d throws(MappingError) in
            EligibilityDate(try X12Codes.eligibilityDate.value(d[1], "DTP", 1), try CommonSegments.dtpRange(d))
        }
        return Member(memberId: memberId, memberIdKind: memberIdKind, entityType: type, lastName: nm1.opt(3),
                      firstName: nm1.opt(4), middleName: nm1.opt(5), namePrefix: nm1.opt(6), nameSuffix: nm1.opt(7),
                      dateOfBirth: dateOfBirth, gender: gender, relationship: relationship, birthSequence: birthSequence,
                      identityCorrected: identityCorrected, address: CommonSegments.address(n3, n4), references: references,
                      traceNumbers: traceNumbers, dates: dates, diagnoses: diagnoses, rejections: rejections)
    }
}
