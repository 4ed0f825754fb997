import AuthModel
import X12

/// ``AuthorizationRequest`` / ``AuthorizationDecision`` → the segments of a 278 (without ST and SE).
///
/// Segments are written in the implementation guide's order; HL numbers are 1, 2, 3 … in order, HL04
/// says whether children follow; a response writes only the UM and CL1 elements a response may carry.
enum AuthorizationWriter {
    static func segments(_ r: AuthorizationRequest) -> [Segment] {
        var out = [Segment.make("BHT", ["0007", X12Codes.purpose.code(r.trace.purpose), r.trace.reference,
                                        r.trace.creationDate.compact, r.trace.creationTime, r.servicesReservation ? "RU" : nil])]
        out.append(.make("HL", ["1", nil, "20", "1"]))
        out += PartyLoop.segments(r.umo)
        out.append(.make("HL", ["2", "1", "21", "1"]))
        out += PartyLoop.segments(r.requester)
        out.append(.make("HL", ["3", "2", "22", "1"]))
        out += PartyLoop.segments(r.subscriber, entityCode: "IL", insuranceIndicator: "Y")
        var parent = 3
        if let d = r.dependent {
            out.append(.make("HL", ["4", "3", "23", "1"]))
            out += PartyLoop.segments(d, entityCode: "QC", insuranceIndicator: "N")
            parent = 4
        }
        let ev = parent + 1
        out.append(.make("HL", [String(ev), String(parent), "EV", r.serviceLines.isEmpty ? "0" : "1"]))
        out += eventSegments(r.event, outcome: nil, rejections: [], response: false)
        out += r.event.providers.flatMap(PartyLoop.segments)
        for (i, l) in r.serviceLines.enumerated() {
            out.append(.make("HL", [String(ev + 1 + i), String(ev), "SS", "0"]))
            out += lineSegments(l, outcome: nil, rejections: [], documentation: [], response: false)
            out += l.providers.flatMap(PartyLoop.segments)
        }
        return out
    }

    static func segments(_ d: AuthorizationDecision) -> [Segment] {
        var out = [Segment.make("BHT", ["0007", X12Codes.purpose.code(d.trace.purpose), d.trace.reference,
                                        d.trace.creationDate.compact, d.trace.creationTime,
                                        d.responseStatus.map { X12Codes.responseStatus.code($0) }])]
        let hasRequester = d.requester != nil
        out.append(.make("HL", ["1", nil, "20", hasRequester ? "1" : "0"]))
        out += d.rejections.map(CommonSegments.aaa)
        out += PartyLoop.segments(d.umo)
        guard let requester = d.requester else { return out }
        out.append(.make("HL", ["2", "1", "21", d.subscriber != nil ? "1" : "0"]))
        out += PartyLoop.segments(requester)
        guard let subscriber = d.subscriber else { return out }
        var hl = 3
        out.append(.make("HL", ["3", "2", "22", d.dependent != nil || d.event != nil ? "1" : "0"]))
        out += PartyLoop.segments(subscriber, entityCode: "IL", insuranceIndicator: "Y")
        if let dep = d.dependent {
            hl = 4
            out.append(.make("HL", ["4", "3", "23", d.event != nil ? "1" : "0"]))
            out += PartyLoop.segments(dep, entityCode: "QC", insuranceIndicator: "N")
        }
        guard let event = d.event else { return out }
        let ev = hl + 1
        out.append(.make("HL", [String(ev), String(hl), "EV", d.lines.isEmpty ? "0" : "1"]))
        out += eventSegments(event, outcome: d.outcome, rejections: d.eventRejections, response: true)
        out += event.providers.flatMap(PartyLoop.segments)
        if let c = d.documentationContact { out += PartyLoop.segments(c) }
        for (i, l) in d.lines.enumerated() {
            out.append(.make("HL", [String(ev + 1 + i), String(ev), "SS", "0"]))
            out += lineSegments(l.line, outcome: l.outcome, rejections: l.rejections, documentation: l.requestedDocumentation, response: true)
            out += l.line.providers.flatMap(PartyLoop.segments)
            if let c = l.documentationContact { out += PartyLoop.segments(c) }
        }
        return out
    }

    static func eventSegments(_ e: PatientEvent, outcome: ReviewOutcome?, rejections: [Rejection], response: Bool) -> [Segment] {
        var out = e.trackingNumbers.map(CommonSegments.trn)
        out += rejections.map(CommonSegments.aaa)
        out.append(ReviewSegments.umSegment(ReviewSegments.um(e), response: response))
        out += references(previous: e.previousAuthorizationNumber, admin: e.previousAdministrativeReference, outcome: outcome, response: response)
        if let d = e.accidentDate { out.append(CommonSegments.dtp("439", d)) }
        if let d = e.lastMenstrualPeriodDate { out.append(CommonSegments.dtp("484", d)) }
        if let d = e.estimatedBirthDate { out.append(CommonSegments.dtp("ABC", d)) }
        if let d = e.onsetDate { out.append(CommonSegments.dtp("431", d)) }
        if let d = e.eventDate { out.append(CommonSegments.dtp("AAH", d)) }
        if let d = e.admissionDate { out.append(CommonSegments.dtp("435", d)) }
        if let d = e.dischargeDate { out.append(CommonSegments.dtp("096", d)) }
        if let o = outcome { out += periodSegments(o.period) }
        if !e.diagnoses.isEmpty { out.append(CommonSegments.hi(e.diagnoses.prefix(12))) }
        if let d = e.delivery { out.append(CommonSegments.hsd(d)) }
        if let i = e.institutional { out.append(ReviewSegments.cl1(i, response: response)) }
        out += e.attachments.prefix(10).map(CommonSegments.pwk)
        if let n = e.note { out.append(.make("MSG", [n])) }
        return out
    }

    static func lineSegments(_ l: ServiceLine, outcome: ReviewOutcome?, rejections: [Rejection], documentation: [String],
                             response: Bool) -> [Segment] {
        var out = l.trackingNumbers.map(CommonSegments.trn)
        out += rejections.map(CommonSegments.aaa)
        if l.reviewKind != nil || l.certificationType != nil || l.serviceTypeCode != nil || l.location != nil {
            out.append(ReviewSegments.umSegment(ReviewSegments.UM(kind: l.reviewKind, certificationType: l.certificationType,
                                                                  serviceTypeCode: l.serviceTypeCode, location: l.location),
                                                response: response))
        }
        out += references(previous: l.previousAuthorizationNumber, admin: l.previousAdministrativeReference, outcome: outcome, response: response)
        if let d = l.serviceDate { out.append(CommonSegments.dtp("472", d)) }
        if let o = outcome { out += periodSegments(o.period) }
        if !documentation.isEmpty {
            out.append(CommonSegments.hi(documentation.prefix(12).map { Diagnosis(codeSystem: .loinc, code: $0) }))
        }
        if let sv = ReviewSegments.sv(l) { out.append(sv) }
        out += l.teeth.map(ReviewSegments.too)
        if let d = l.delivery { out.append(CommonSegments.hsd(d)) }
        out += l.attachments.prefix(10).map(CommonSegments.pwk)
        if let n = l.note { out.append(.make("MSG", [n])) }
        return out
    }

    /// HCR and the REF segments: request `BB`, `NT` (previous); response HCR, `NT` (this review), `BB`.
    static func references(previous: String?, admin: String?, outcome: ReviewOutcome?, response: Bool) -> [Segment] {
        var out: [Segment] = []
        if response {
            if let o = outcome {
                out.append(ReviewSegments.hcr(o))
                if let n = o.administrativeReference { out.append(.make("REF", ["NT", n])) }
            }
            if let p = previous { out.append(.make("REF", ["BB", p])) }
        } else {
            if let p = previous { out.append(.make("REF", ["BB", p])) }
            if let n = admin { out.append(.make("REF", ["NT", n])) }
        }
        return out
    }

    static func periodSegments(_ p: CertificationPeriod) -> [Segment] {
        var out: [Segment] = []
        if let d = p.issued { out.append(CommonSegments.dtp("102", d)) }
        if let d = p.expires { out.append(CommonSegments.dtp("036", d)) }
        if let d = p.effective { out.append(CommonSegments.dtp("007", d)) }
        return out
    }
}
