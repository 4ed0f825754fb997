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
            methods.append(ContactMethod(try X12Codes.contact.value(s[p].value, "PER", p), s[p + 1].value))
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
        for p in 1...12 {
            let e = s[p]
            if e.isEmpty { continue }
            let (system, role) = try X12Codes.diagnosis(e.component(1), "HI", p)
            var date: CalendarDate?
            if e.component(3) == "D8" { date = try X12Values.date(e.component(4), "HI", p) }
            out.append(Diagnosis(codeSystem: system, role: role, code: e.component(2), date: date))
        }
        return out
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
    static func procedure(_ e: RawElement, _ seg: String, _ pos: Int) throws(MappingError) -> Procedure? {
        if e.isEmpty { return nil }
        let parts = e.components
        var last = min(parts.count, 6)
        while last > 2, parts[last - 1].isEmpty { last -= 1 }
        let mods = last > 2 ? Array(parts[2..<last]) : []
        let d = parts.count > 6 ? parts[6] : ""
        let r = parts.count > 7 ? parts[7] : ""
        return Procedure(codeSystem: try X12Codes.procedureSystem.value(parts[0], seg, pos), code: parts.count > 1 ? parts[1] : "",
                         modifiers: mods, description: d.isEmpty ? nil : d, rangeEnd: r.isEmpty ? nil : r)
    }

    /// Diagnosis pointers of a C004 composite.
    static func pointers(_ e: RawElement, _ seg: String, _ pos: Int) throws(MappingError) -> [Int] {
        if e.isEmpty { return [] }
        var out: [Int] = []
        for c in e.components where !c.isEmpty {
            guard let i = Int(c) else { throw .badValue(segment: seg, position: pos, value: c, expected: "a diagnosis pointer") }
            out.append(i)
        }
        return out
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
