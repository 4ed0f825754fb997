import AuthModel
import Foundation
import X12

/// Segments that mean the same in 270, 271 and 278: TRN, AAA, REF, PER, HI, HSD, PWK, DTP and the procedure
/// composite.
enum CommonSegments {
    // MARK: TRN
    static func trace(_ s: RawSegment) throws(MappingError) -> TraceNumber {
        let kind: TraceNumber.Kind
        if s[1].valueIs("1") { kind = .current } else if s[1].valueIs("2") { kind = .referenced } else { throw .unknownCode(segment: "TRN", position: 1, code: s[1].value, list: "trace type (TRN01)")
        }
        return TraceNumber(kind: kind, number: s[2].value, originatorId: s[3].value, originatorSupplementalId: s.opt(4))
    }

    // MARK: AAA
    static func rejection(_ s: RawSegment) throws(MappingError) -> Rejection {
        Rejection(validRequest: s[1].valueIs("Y"), reasonCode: s[3].value,
                  followUpAction: try X12Codes.followUp.optional(s[4], "AAA", 4))
    }

    // MARK: REF
    static func reference(_ s: RawSegment) -> Reference {
        Reference(kind: s[1].value, value: s[2].value, description: s.opt(3))
    }

    // MARK: PER
    static func contact(_ s: RawSegment) throws(MappingError) -> Contact {
        var methods: [ContactMethod] = []
        for p in stride(from: 3, through: 7, by: 2) where !s[p].valueBytes.isEmpty {
            methods.append(ContactMethod(try X12Codes.contact.value(s[p], "PER", p), s[p + 1].value))
        }
        return Contact(name: s.opt(2), methods: methods)
    }

    // MARK: N3/N4
    static func address(_ n3: RawSegment?, _ n4: RawSegment?) -> Address? {
        guard n3 != nil || n4 != nil else { return nil }
        return Address(address1: n3?[1].value ?? "", address2: n3?.opt(2), city: n4?.opt(1), state: n4?.opt(2),
                       postalCode: n4?.opt(3), countryCode: n4?.opt(4), countrySubdivisionCode: n4?.opt(7))
    }

    // MARK: HI
    static func diagnoses(_ s: RawSegment) throws(MappingError) -> [Diagnosis] {
        var out: [Diagnosis] = []
        var n = 0
        for p in 1...12 where !s[p].isEmpty { n += 1 }
        out.reserveCapacity(n)   // one allocation, not one per doubling (up to 12 codes)
        for p in 1...12 {
            let e = s[p]
            if e.isEmpty { continue }
            var it = e.componentIterator
            let q = it.next()!
            let code = it.next() ?? UnsafeRawBufferPointer(start: nil, count: 0)
            let format = it.next()
            let (system, role) = try diagnosis(q, "HI", p)
            var date: CalendarDate?
            if let format, RawElement.equal(format, "D8") {
                date = try X12Values.date(bytes: it.next() ?? UnsafeRawBufferPointer(start: nil, count: 0), "HI", p)
            }
            out.append(Diagnosis(codeSystem: system, role: role, code: e.strings.string(code), date: date))
        }
        return out
    }

    /// ``X12Codes/diagnosis(_:_:_:)`` on the qualifier's bytes.
    @inline(__always) static func diagnosis(_ q: UnsafeRawBufferPointer, _ segment: String, _ position: Int) throws(MappingError)
        -> (Diagnosis.CodeSystem, Diagnosis.Role) {
        if RawElement.equal(q, "ABK") { return (.icd10cm, .principal) }
        if RawElement.equal(q, "ABF") { return (.icd10cm, .other) }
        return try X12Codes.diagnosis(String(decoding: q, as: UTF8.self), segment, position)
    }

    // MARK: HSD
    static func delivery(_ s: RawSegment) throws(MappingError) -> ServiceDelivery {
        ServiceDelivery(quantityKind: try X12Codes.deliveryQuantity.optional(s[1], "HSD", 1),
                        quantity: try X12Values.decimal(s[2], "HSD", 2),
                        unit: try X12Codes.deliveryUnit.optional(s[3], "HSD", 3),
                        sampleSelectionModulus: try X12Values.decimal(s[4], "HSD", 4),
                        timePeriod: try X12Codes.timePeriod.optional(s[5], "HSD", 5),
                        periodCount: try X12Values.decimal(s[6], "HSD", 6),
                        frequencyCode: s.opt(7), timeCode: s.opt(8))
    }

    // MARK: PWK
    static func attachment(_ s: RawSegment) throws(MappingError) -> Attachment {
        Attachment(reportType: s[1].value, transmission: try X12Codes.transmission.value(s[2], "PWK", 2),
                   controlNumber: s.opt(6), description: s.opt(7))
    }

    // MARK: Procedure composite (C003 / EQ02 / EB13)
    /// One scan of the composite; a `String` only for the parts kept (as ``RawElement/components`` would give them).
    static func procedure(_ e: RawElement, _ seg: String, _ pos: Int) throws(MappingError) -> Procedure? {
        if e.isEmpty { return nil }
        let none = UnsafeRawBufferPointer(start: nil, count: 0)
        var it = e.componentIterator
        let system = it.next()!
        let code = it.next() ?? none
        // Components 3–6 are the modifiers, trailing empty ones cut; 7 the description, 8 the range end.
        let m1 = it.next() ?? none, m2 = it.next() ?? none, m3 = it.next() ?? none, m4 = it.next() ?? none
        let d = it.next() ?? none
        let r = it.next() ?? none
        let count = !m4.isEmpty ? 4 : !m3.isEmpty ? 3 : !m2.isEmpty ? 2 : !m1.isEmpty ? 1 : 0
        var mods: [String] = []
        if count > 0 {
            mods.reserveCapacity(count)
            mods.append(e.strings.string(m1))
            if count > 1 { mods.append(e.strings.string(m2)) }
            if count > 2 { mods.append(e.strings.string(m3)) }
            if count > 3 { mods.append(e.strings.string(m4)) }
        }
        return Procedure(codeSystem: try X12Codes.procedureSystem.value(bytes: system, seg, pos),
                         code: e.strings.string(code), modifiers: mods,
                         description: d.isEmpty ? nil : e.strings.string(d),
                         rangeEnd: r.isEmpty ? nil : e.strings.string(r))
    }

    /// Diagnosis pointers of a C004 composite.
    static func pointers(_ e: RawElement, _ seg: String, _ pos: Int) throws(MappingError) -> [Int] {
        if e.isEmpty { return [] }
        var out: [Int] = []
        out.reserveCapacity(4)   // at most four pointers: one allocation
        var it = e.componentIterator
        while let b = it.next() {
            if b.isEmpty { continue }
            if b.count <= 18, let i = digits(b) {
                out.append(i)
                continue
            }
            let c = String(decoding: b, as: UTF8.self)
            guard let i = Int(c) else { throw .badValue(segment: seg, position: pos, value: c, expected: "a diagnosis pointer") }
            out.append(i)
        }
        return out
    }

    /// The value of 1 to 18 ASCII digits (what `Int(_:)` gives for them), `nil` for anything else.
    @inline(__always) static func digits(_ b: UnsafeRawBufferPointer) -> Int? {
        var v = 0
        for i in 0..<b.count {
            let c = b[i]
            guard c >= 0x30, c <= 0x39 else { return nil }
            v = v &* 10 &+ Int(c &- 0x30)
        }
        return v
    }

    // MARK: DTP

    static func dtpRange(_ s: RawSegment) throws(MappingError) -> DateRange {
        try X12Values.range(format: s[2], s[3], "DTP", 3)
    }

    static func dtpDate(_ s: RawSegment) throws(MappingError) -> CalendarDate {
        let r = try dtpRange(s)
        return r.start
    }
}
