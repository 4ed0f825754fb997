import AuthModel
import Foundation
import X12

/// Writing: the model values of ``CommonSegments`` back as segments, into any ``SegmentSink``.
extension CommonSegments {
    /// BHT with the hierarchical structure code, the trace and BHT06 (transaction type code).
    static func bht<S: SegmentSink>(_ structure: String, _ t: TransactionTrace, typeCode: String?, to out: inout S) {
        out.begin("BHT")
        out.element(structure)
        out.element(t.purpose, X12Codes.purpose)
        out.element(t.reference)
        out.element(t.creationDate)
        out.element(t.creationTime)
        out.element(typeCode)
        out.end()
    }

    static func trn<S: SegmentSink>(_ t: TraceNumber, to out: inout S) {
        out.begin("TRN")
        out.element(t.kind == .current ? "1" : "2")
        out.element(t.number)
        out.element(t.originatorId)
        out.element(t.originatorSupplementalId)
        out.end()
    }

    static func aaa<S: SegmentSink>(_ r: Rejection, to out: inout S) {
        out.begin("AAA")
        out.element(r.validRequest ? "Y" : "N")
        out.emptyElement()
        out.element(r.reasonCode)
        out.element(r.followUpAction, X12Codes.followUp)
        out.end()
    }

    static func ref<S: SegmentSink>(_ r: Reference, to out: inout S) {
        out.begin("REF")
        out.element(r.kind)
        out.element(r.value)
        out.element(r.description)
        out.end()
    }

    /// `REF*<kind>*<value>`.
    static func ref<S: SegmentSink>(_ kind: String, _ value: String, to out: inout S) {
        out.begin("REF")
        out.element(kind)
        out.element(value)
        out.end()
    }

    static func per<S: SegmentSink>(_ c: Contact, to out: inout S) {
        out.begin("PER")
        out.element("IC")
        out.element(c.name)
        for m in c.methods.prefix(3) {
            out.element(m.kind, X12Codes.contact)
            out.element(m.value)
        }
        out.end()
    }

    /// N3 and N4 of the address at `ap` (read in place).
    static func n3n4<S: SegmentSink>(_ ap: UnsafePointer<Address>, to out: inout S) {
        if !ap.pointee.address1.isEmpty {
            out.begin("N3")
            out.element(ap.pointee.address1)
            out.element(ap.pointee.address2)
            out.end()
        }
        if ap.pointee.city != nil || ap.pointee.state != nil || ap.pointee.postalCode != nil || ap.pointee.countryCode != nil {
            out.begin("N4")
            out.element(in: ap, \.city)
            out.element(in: ap, \.state)
            out.element(in: ap, \.postalCode)
            out.element(in: ap, \.countryCode)
            out.emptyElements(2)
            out.element(in: ap, \.countrySubdivisionCode)
            out.end()
        }
    }

    /// HI of the first `limit` diagnoses, read in place.
    static func hi<S: SegmentSink>(_ ds: [Diagnosis], limit: Int = .max, to out: inout S) {
        out.begin("HI")
        ds.withUnsafeBufferPointer { b in
            guard let p = b.baseAddress else { return }
            for k in 0..<Swift.min(b.count, limit) {
                let d = p + k
                out.beginElement()
                out.append(X12Codes.diagnosisQualifier(d.pointee))
                out.nextComponent()
                out.append(in: d, \.code)
                if let date = d.pointee.date {
                    out.nextComponent()
                    out.append("D8" as PackedCode)
                    out.nextComponent()
                    out.appendDate(date)
                }
                out.endElement()
            }
        }
        out.end()
    }

    static func hsd<S: SegmentSink>(_ d: ServiceDelivery, to out: inout S) {
        out.begin("HSD")
        out.element(d.quantityKind, X12Codes.deliveryQuantity)
        out.element(d.quantity)
        out.element(d.unit, X12Codes.deliveryUnit)
        out.element(d.sampleSelectionModulus)
        out.element(d.timePeriod, X12Codes.timePeriod)
        out.element(d.periodCount)
        out.element(d.frequencyCode)
        out.element(d.timeCode)
        out.end()
    }

    static func pwk<S: SegmentSink>(_ a: Attachment, to out: inout S) {
        out.begin("PWK")
        out.element(a.reportType)
        out.element(a.transmission, X12Codes.transmission)
        out.emptyElements(2)
        out.element(a.controlNumber == nil ? nil : "AC")
        out.element(a.controlNumber)
        out.element(a.description)
        out.end()
    }

    /// The procedure composite (`SV101`, `EB13`, …): system, code, four modifiers, description, range end.
    static func composite<S: SegmentSink>(_ p: Procedure, to out: inout S) {
        withUnsafePointer(to: p) { composite($0, to: &out) }
    }

    /// The procedure composite of the procedure at `pp` (read in place).
    static func composite<S: SegmentSink>(_ pp: UnsafePointer<Procedure>, to out: inout S) {
        out.beginElement()
        out.append(pp.pointee.codeSystem, X12Codes.procedureSystem)
        out.nextComponent()
        out.append(in: pp, \.code)
        if !pp.pointee.modifiers.isEmpty || pp.pointee.description != nil || pp.pointee.rangeEnd != nil {
            var n = 0
            for m in pp.pointee.modifiers.prefix(4) {
                out.nextComponent()
                out.append(m)
                n += 1
            }
            while n < 4 { out.nextComponent(); n += 1 }
            out.nextComponent()
            if let d = pp.pointee.description { out.append(d) }
            out.nextComponent()
            if let r = pp.pointee.rangeEnd { out.append(r) }
        }
        out.endElement()
    }

    /// Diagnosis pointers as one composite (`1:2:3`); the empty element for none.
    @inline(__always) static func pointerElement<S: SegmentSink>(_ p: [Int], to out: inout S) {
        if p.isEmpty { out.emptyElement(); return }
        out.beginElement()
        for (i, n) in p.enumerated() {
            if i > 0 { out.nextComponent() }
            out.append(n)
        }
        out.endElement()
    }

    static func dtp<S: SegmentSink>(_ qualifier: PackedCode, _ r: DateRange, to out: inout S) {
        out.begin("DTP")
        out.element(qualifier)
        out.dateElements(r)
        out.end()
    }

    static func dtp<S: SegmentSink>(_ qualifier: PackedCode, _ d: CalendarDate, to out: inout S) {
        out.begin("DTP")
        out.element(qualifier)
        out.element("D8" as PackedCode)
        out.element(d)
        out.end()
    }

    /// `MSG*<text>`.
    static func msg<S: SegmentSink>(_ text: String, to out: inout S) {
        out.begin("MSG")
        out.element(text)
        out.end()
    }
}
