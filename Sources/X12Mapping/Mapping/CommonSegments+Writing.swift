import AuthModel
import Foundation
import X12

/// Writing: the model values of ``CommonSegments`` back as segments.
extension CommonSegments {
    static func trn(_ t: TraceNumber) -> Segment {
        .make("TRN", [t.kind == .current ? "1" : "2", t.number, t.originatorId, t.originatorSupplementalId])
    }

    static func aaa(_ r: Rejection) -> Segment {
        .make("AAA", [r.validRequest ? "Y" : "N", nil, r.reasonCode, r.followUpAction.map { X12Codes.followUp.code($0) }])
    }

    static func ref(_ r: Reference) -> Segment { .make("REF", [r.kind, r.value, r.description]) }

    static func per(_ c: Contact) -> Segment {
        var v: [String?] = ["IC", c.name]
        for m in c.methods.prefix(3) { v += [X12Codes.contact.code(m.kind), m.value] }
        return .make("PER", v)
    }

    static func n3n4(_ a: Address) -> [Segment] {
        var out: [Segment] = []
        if !a.address1.isEmpty { out.append(.make("N3", [a.address1, a.address2])) }
        if a.city != nil || a.state != nil || a.postalCode != nil || a.countryCode != nil {
            out.append(.make("N4", [a.city, a.state, a.postalCode, a.countryCode, nil, nil, a.countrySubdivisionCode]))
        }
        return out
    }

    static func hi(_ ds: some Collection<Diagnosis>) -> Segment {
        Segment("HI", ds.map { d in
            var c = [X12Codes.diagnosisQualifier(d), d.code]
            if let date = d.date { c += ["D8", date.compact] }
            return Element(components: c)
        })
    }

    static func hsd(_ d: ServiceDelivery) -> Segment {
        .make("HSD", [d.quantityKind.map { X12Codes.deliveryQuantity.code($0) }, d.quantity.map { X12Values.string($0) },
                      d.unit.map { X12Codes.deliveryUnit.code($0) }, d.sampleSelectionModulus.map { X12Values.string($0) },
                      d.timePeriod.map { X12Codes.timePeriod.code($0) }, d.periodCount.map { X12Values.string($0) },
                      d.frequencyCode, d.timeCode])
    }

    static func pwk(_ a: Attachment) -> Segment {
        .make("PWK", [a.reportType, X12Codes.transmission.code(a.transmission), nil, nil,
                      a.controlNumber == nil ? nil : "AC", a.controlNumber, a.description])
    }

    static func composite(_ p: Procedure) -> Element {
        var c = [X12Codes.procedureSystem.code(p.codeSystem), p.code]
        let mods = Array(p.modifiers.prefix(4))
        if !mods.isEmpty || p.description != nil || p.rangeEnd != nil {
            c += mods + Array(repeating: "", count: 4 - mods.count)
            c += [p.description ?? "", p.rangeEnd ?? ""]
        }
        return Element(components: c)
    }

    static func pointerElement(_ p: [Int]) -> Element {
        p.isEmpty ? .empty : Element(components: p.map(String.init))
    }

    static func dtp(_ qualifier: String, _ r: DateRange) -> Segment {
        let (f, v) = X12Values.format(r)
        return .make("DTP", [qualifier, f, v])
    }

    static func dtp(_ qualifier: String, _ d: CalendarDate) -> Segment { .make("DTP", [qualifier, "D8", d.compact]) }
}
