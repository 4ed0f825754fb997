import AuthModel
import Foundation
import X12

/// Segments that mean the same in 270, 271 and 278: TRN, AAA, REF, PER, HI, HSD, PWK, DTP and the procedure
/// composite.
enum CommonSegments {
    // MARK: TRN
    static func trace(_ s: Segment) throws(MappingError) -> TraceNumber {
        let kind: TraceNumber.Kind
        switch s[1].value {
        case "1": kind = .current
        case "2": kind = .referenced
        default: throw .unknownCode(segment: "TRN", position: 1, code: s[1].value, list: "trace type (TRN01)")
        }
        return TraceNumber(kind: kind, number: s[2].value, originatorId: s[3].value, originatorSupplementalId: s.opt(4))
    }

    // MARK: AAA
    static func rejection(_ s: Segment) throws(MappingError) -> Rejection {
        Rejection(validRequest: s[1].value == "Y", reasonCode: s[3].value,
                  followUpAction: try X12Codes.followUp.optional(s[4].value, "AAA", 4))
    }

    // MARK: REF
    static func reference(_ s: Segment) -> Reference {
        Reference(kind: s[1].value, value: s[2].value, description: s.opt(3))
    }

    // MARK: PER
    static func contact(_ s: Segment) throws(MappingError) -> Contact {
        var methods: [ContactMethod] = []
        for p in stride(from: 3, through: 7, by: 2) where !s[p].value.isEmpty {
            methods.append(ContactMethod(try X12Codes.contact.value(s[p].value, "PER", p), s[p + 1].value))
        }
        return Contact(name: s.opt(2), methods: methods)
    }

    // MARK: N3/N4
    static func address(_ n3: Segment?, _ n4: Segment?) -> Address? {
        guard n3 != nil || n4 != nil else { return nil }
        return Address(address1: n3?[1].value ?? "", address2: n3?.opt(2), city: n4?.opt(1), state: n4?.opt(2),
                       postalCode: n4?.opt(3), countryCode: n4?.opt(4), countrySubdivisionCode: n4?.opt(7))
    }

    // MARK: HI
    static func diagnoses(_ s: Segment) throws(MappingError) -> [Diagnosis] {
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
    static func delivery(_ s: Segment) throws(MappingError) -> ServiceDelivery {
        ServiceDelivery(quantityKind: try X12Codes.deliveryQuantity.optional(s[1].value, "HSD", 1),
                        quantity: try X12Values.decimal(s[2].value, "HSD", 2),
                        unit: try X12Codes.deliveryUnit.optional(s[3].value, "HSD", 3),
                        sampleSelectionModulus: try X12Values.decimal(s[4].value, "HSD", 4),
                        timePeriod: try X12Codes.timePeriod.optional(s[5].value, "HSD", 5),
                        periodCount: try X12Values.decimal(s[6].value, "HSD", 6),
                        frequencyCode: s.opt(7), timeCode: s.opt(8))
    }

    // MARK: PWK
    static func attachment(_ s: Segment) throws(MappingError) -> Attachment {
        Attachment(reportType: s[1].value, transmission: try X12Codes.transmission.value(s[2].value, "PWK", 2),
                   controlNumber: s.opt(6), description: s.opt(7))
    }

    // MARK: Procedure composite (C003 / EQ02 / EB13)
    static func procedure(_ e: Element, _ seg: String, _ pos: Int) throws(MappingError) -> Procedure? {
        if e.isEmpty { return nil }
        let mods = (3...6).map { e.component($0) }
        var last = mods.count
        while last > 0, mods[last - 1].isEmpty { last -= 1 }
        let d = e.component(7)
        let r = e.component(8)
        return Procedure(codeSystem: try X12Codes.procedureSystem.value(e.component(1), seg, pos), code: e.component(2),
                         modifiers: Array(mods[0..<last]), description: d.isEmpty ? nil : d, rangeEnd: r.isEmpty ? nil : r)
    }

    /// Diagnosis pointers of a C004 composite.
    static func pointers(_ e: Element, _ seg: String, _ pos: Int) throws(MappingError) -> [Int] {
        if e.isEmpty { return [] }
        var out: [Int] = []
        for c in e.repetitions[0] where !c.isEmpty {
            guard let i = Int(c) else { throw .badValue(segment: seg, position: pos, value: c, expected: "a diagnosis pointer") }
            out.append(i)
        }
        return out
    }

    // MARK: DTP

    static func dtpRange(_ s: Segment) throws(MappingError) -> DateRange {
        try X12Values.range(format: s[2].value, s[3].value, "DTP", 3)
    }

    static func dtpDate(_ s: Segment) throws(MappingError) -> CalendarDate {
        let r = try dtpRange(s)
        return r.start
    }
}
