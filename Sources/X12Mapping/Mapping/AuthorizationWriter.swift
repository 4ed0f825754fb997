import AuthModel
import X12

/// ``AuthorizationRequest`` / ``AuthorizationDecision`` → the segments of a 278 (without ST and SE), into any
/// ``SegmentSink``: ``SegmentEncoder`` writes the bytes directly, ``SegmentCollector`` builds segments.
///
/// Segments are written in the implementation guide's order; HL numbers are 1, 2, 3 … in order, HL04
/// says whether children follow; a response writes only the UM and CL1 elements a response may carry.
enum AuthorizationWriter {
    static func write<S: SegmentSink>(_ r: AuthorizationRequest, to out: inout S) {
        withUnsafePointer(to: r) { write($0, to: &out) }
    }

    /// The request at `r`, read in place (its parties, event and lines are not copied out).
    static func write<S: SegmentSink>(_ r: UnsafePointer<AuthorizationRequest>, to out: inout S) {
        CommonSegments.bht("0007", r.pointee.trace, typeCode: r.pointee.servicesReservation ? "RU" : nil, to: &out)
        hl(1, parent: nil, "20", children: true, to: &out)
        PartyLoop.write(r.field(\.umo), to: &out)
        hl(2, parent: 1, "21", children: true, to: &out)
        PartyLoop.write(r.field(\.requester), to: &out)
        hl(3, parent: 2, "22", children: true, to: &out)
        PartyLoop.write(r.field(\.subscriber), entityCode: "IL", insuranceIndicator: "Y", to: &out)
        var parent = 3
        if let d = r.wrapped(\.dependent) {
            hl(4, parent: 3, "23", children: true, to: &out)
            PartyLoop.write(d, entityCode: "QC", insuranceIndicator: "N", to: &out)
            parent = 4
        }
        let ev = parent + 1
        hl(ev, parent: parent, "EV", children: !r.pointee.serviceLines.isEmpty, to: &out)
        eventSegments(r.field(\.event), outcome: nil, rejections: [], response: false, to: &out)
        r.pointee.event.providers.forEachInPlace { PartyLoop.write($0, to: &out) }
        var i = 0
        r.pointee.serviceLines.forEachInPlace { l in
            i += 1
            hl(ev + i, parent: ev, "SS", children: false, to: &out)
            lineSegments(l, outcome: nil, rejections: [], documentation: [], response: false, to: &out)
            l.pointee.providers.forEachInPlace { PartyLoop.write($0, to: &out) }
        }
    }

    static func write<S: SegmentSink>(_ d: AuthorizationDecision, to out: inout S) {
        CommonSegments.bht("0007", d.trace, typeCode: d.responseStatus.map { X12Codes.responseStatus.code($0) }, to: &out)
        hl(1, parent: nil, "20", children: d.requester != nil, to: &out)
        for r in d.rejections { CommonSegments.aaa(r, to: &out) }
        PartyLoop.write(d.umo, to: &out)
        guard let requester = d.requester else { return }
        hl(2, parent: 1, "21", children: d.subscriber != nil, to: &out)
        PartyLoop.write(requester, to: &out)
        guard let subscriber = d.subscriber else { return }
        var parent = 3
        hl(3, parent: 2, "22", children: d.dependent != nil || d.event != nil, to: &out)
        PartyLoop.write(subscriber, entityCode: "IL", insuranceIndicator: "Y", to: &out)
        if let dep = d.dependent {
            parent = 4
            hl(4, parent: 3, "23", children: d.event != nil, to: &out)
            PartyLoop.write(dep, entityCode: "QC", insuranceIndicator: "N", to: &out)
        }
        guard let event = d.event else { return }
        let ev = parent + 1
        hl(ev, parent: parent, "EV", children: !d.lines.isEmpty, to: &out)
        withUnsafePointer(to: event) { eventSegments($0, outcome: d.outcome, rejections: d.eventRejections, response: true, to: &out) }
        event.providers.forEachInPlace { PartyLoop.write($0, to: &out) }
        if let c = d.documentationContact { PartyLoop.write(c, to: &out) }
        var i = 0
        d.lines.forEachInPlace { l in
            i += 1
            hl(ev + i, parent: ev, "SS", children: false, to: &out)
            withUnsafePointer(to: l.pointee.line) { line in
                lineSegments(line, outcome: l.pointee.outcome, rejections: l.pointee.rejections,
                             documentation: l.pointee.requestedDocumentation, response: true, to: &out)
                line.pointee.providers.forEachInPlace { PartyLoop.write($0, to: &out) }
            }
            if let c = l.pointee.documentationContact { PartyLoop.write(c, to: &out) }
        }
    }

    /// `HL*<id>*<parent>*<level>*<1|0>`.
    static func hl<S: SegmentSink>(_ id: Int, parent: Int?, _ level: String, children: Bool, to out: inout S) {
        out.begin("HL")
        out.element(id)
        if let parent { out.element(parent) } else { out.emptyElement() }
        out.element(level)
        out.element(children ? "1" : "0")
        out.end()
    }

    /// The segments of the patient event at `e` (read in place).
    static func eventSegments<S: SegmentSink>(_ e: UnsafePointer<PatientEvent>, outcome: ReviewOutcome?, rejections: [Rejection], response: Bool,
                                              to out: inout S) {
        for t in e.pointee.trackingNumbers { CommonSegments.trn(t, to: &out) }
        for r in rejections { CommonSegments.aaa(r, to: &out) }
        ReviewSegments.write(ReviewSegments.um(e), response: response, to: &out)
        references(previous: e.pointee.previousAuthorizationNumber, admin: e.pointee.previousAdministrativeReference,
                   outcome: outcome, response: response, to: &out)
        if let d = e.pointee.accidentDate { CommonSegments.dtp("439", d, to: &out) }
        if let d = e.pointee.lastMenstrualPeriodDate { CommonSegments.dtp("484", d, to: &out) }
        if let d = e.pointee.estimatedBirthDate { CommonSegments.dtp("ABC", d, to: &out) }
        if let d = e.pointee.onsetDate { CommonSegments.dtp("431", d, to: &out) }
        if let d = e.pointee.eventDate { CommonSegments.dtp("AAH", d, to: &out) }
        if let d = e.pointee.admissionDate { CommonSegments.dtp("435", d, to: &out) }
        if let d = e.pointee.dischargeDate { CommonSegments.dtp("096", d, to: &out) }
        if let o = outcome { periodSegments(o.period, to: &out) }
        if !e.pointee.diagnoses.isEmpty { CommonSegments.hi(e.pointee.diagnoses, limit: 12, to: &out) }
        if let d = e.pointee.delivery { CommonSegments.hsd(d, to: &out) }
        if let i = e.pointee.institutional { ReviewSegments.cl1(i, response: response, to: &out) }
        for a in e.pointee.attachments.prefix(10) { CommonSegments.pwk(a, to: &out) }
        if let n = e.pointee.note { CommonSegments.msg(n, to: &out) }
    }

    /// The segments of the service line at `line` (read in place: a list element passed by value would be copied first).
    static func lineSegments<S: SegmentSink>(_ line: UnsafePointer<ServiceLine>, outcome: ReviewOutcome?,
                                             rejections: [Rejection], documentation: [String], response: Bool,
                                             to out: inout S) {
        for t in line.pointee.trackingNumbers { CommonSegments.trn(t, to: &out) }
        for r in rejections { CommonSegments.aaa(r, to: &out) }
        if line.pointee.reviewKind != nil || line.pointee.certificationType != nil || line.pointee.serviceTypeCode != nil
            || line.pointee.location != nil {
            ReviewSegments.write(ReviewSegments.UM(kind: line.pointee.reviewKind,
                                                   certificationType: line.pointee.certificationType,
                                                   serviceTypeCode: line.pointee.serviceTypeCode, location: line.pointee.location),
                                 response: response, to: &out)
        }
        references(previous: line.pointee.previousAuthorizationNumber, admin: line.pointee.previousAdministrativeReference,
                   outcome: outcome, response: response, to: &out)
        if let d = line.pointee.serviceDate { CommonSegments.dtp("472", d, to: &out) }
        if let o = outcome { periodSegments(o.period, to: &out) }
        if !documentation.isEmpty {
            CommonSegments.hi(documentation.prefix(12).map { Diagnosis(codeSystem: .loinc, code: $0) }, to: &out)
        }
        ReviewSegments.sv(line, to: &out)
        for t in line.pointee.teeth { ReviewSegments.too(t, to: &out) }
        if let d = line.pointee.delivery { CommonSegments.hsd(d, to: &out) }
        for a in line.pointee.attachments.prefix(10) { CommonSegments.pwk(a, to: &out) }
        if let n = line.pointee.note { CommonSegments.msg(n, to: &out) }
    }

    /// HCR and the REF segments: request `BB`, `NT` (previous); response HCR, `NT` (this review), `BB`.
    static func references<S: SegmentSink>(previous: String?, admin: String?, outcome: ReviewOutcome?, response: Bool,
                                           to out: inout S) {
        if response {
            if let o = outcome {
                ReviewSegments.hcr(o, to: &out)
                if let n = o.administrativeReference { CommonSegments.ref("NT", n, to: &out) }
            }
            if let p = previous { CommonSegments.ref("BB", p, to: &out) }
        } else {
            if let p = previous { CommonSegments.ref("BB", p, to: &out) }
            if let n = admin { CommonSegments.ref("NT", n, to: &out) }
        }
    }

    static func periodSegments<S: SegmentSink>(_ p: CertificationPeriod, to out: inout S) {
        if let d = p.issued { CommonSegments.dtp("102", d, to: &out) }
        if let d = p.expires { CommonSegments.dtp("036", d, to: &out) }
        if let d = p.effective { CommonSegments.dtp("007", d, to: &out) }
    }
}
