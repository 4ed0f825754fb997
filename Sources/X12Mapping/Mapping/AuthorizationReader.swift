import AuthModel
import X12

/// 278 (005010X217) → ``AuthorizationRequest`` or ``AuthorizationDecision``.
///
/// Reads by HL level (`20` UMO, `21` requester, `22` subscriber, `23` dependent, `EV` patient event,
/// `SS` service) and, inside a level, by segment ID and qualifier, so the order of segments inside a level
/// does not matter. Segments the model does not carry (CRC, CR1, CR2, CR5, CR6, transport and other-UMO
/// name loops, MPI) are skipped.
enum AuthorizationReader {
    /// NM101 of the transport and other-UMO name loops (not carried by the model).
    static func isTransportOrOtherUMO(_ e: RawElement) -> Bool {
        e.valueIs("45") || e.valueIs("FS") || e.valueIs("ND") || e.valueIs("PW") || e.valueIs("R3") || e.valueIs("00")
            || e.valueIs("CA") || e.valueIs("GG")
    }

    static func read(_ c: inout SegmentCursor) throws(MappingError) -> ModelTransaction {
        _ = c.take("ST")
        guard let bht = c.take("BHT") else { throw .missingSegment("BHT", loop: "header") }
        let purpose = try X12Codes.purpose.value(bht[2], "BHT", 2)
        let trace = TransactionTrace(purpose: purpose, reference: bht.opt(3),
                                     creationDate: try X12Values.date(bht[4], "BHT", 4), creationTime: bht[5].value)
        let response = purpose == .response
        var topRejections: [Rejection] = []
        var umo: Payer?
        var requester: Provider?
        var subscriber: Member?
        var dependent: Member?
        var event: EventLevel?
        var lines: [EventLevel] = []
        while c.peekID == "HL" {
            let hl = c.next()!
            switch hl[3].value {
            case "20":
                while let a = c.take("AAA") { topRejections.append(try CommonSegments.rejection(a)) }
                guard let loop = PartyLoop.read(&c, allowed: PartyLoop.isPerAAA) else { throw .missingSegment("NM1", loop: "2010A") }
                umo = try loop.payer()
            case "21":
                guard let loop = PartyLoop.read(&c) else { throw .missingSegment("NM1", loop: "2010B") }
                requester = try loop.provider()
            case "22":
                guard let loop = PartyLoop.read(&c) else { throw .missingSegment("NM1", loop: "2010C") }
                subscriber = try loop.member()
            case "23":
                guard let loop = PartyLoop.read(&c) else { throw .missingSegment("NM1", loop: "2010D") }
                dependent = try loop.member()
            case "EV":
                event = try EventLevel.read(&c, response: response, loop: "2000E")
            case "SS":
                lines.append(try EventLevel.read(&c, response: response, loop: "2000F"))
            default:
                throw .unknownCode(segment: "HL", position: 3, code: hl[3].value, list: "278 hierarchical level (HL03)")
            }
            c.skipToLevelEnd()
        }
        guard let umo else { throw .missingSegment("HL*20", loop: "2000A") }
        if !response {
            guard let requester else { throw .missingSegment("HL*21", loop: "2000B") }
            guard let subscriber else { throw .missingSegment("HL*22", loop: "2000C") }
            guard let event else { throw .missingSegment("HL*EV", loop: "2000E") }
            return .authorizationRequest(AuthorizationRequest(
                trace: trace, servicesReservation: bht[6].valueIs("RU"), umo: umo, requester: requester,
                subscriber: subscriber, dependent: dependent, event: try event.patientEvent(),
                serviceLines: lines.map { $0.line! }))
        }
        return .authorizationDecision(AuthorizationDecision(
            trace: trace, responseStatus: try X12Codes.responseStatus.optional(bht[6], "BHT", 6),
            rejections: topRejections, umo: umo, requester: requester, subscriber: subscriber, dependent: dependent,
            event: try event?.patientEvent(), eventRejections: event?.rejections ?? [], outcome: event?.outcome,
            documentationContact: event?.contact,
            lines: lines.map {
                ServiceLineDecision(line: $0.line!, rejections: $0.rejections, outcome: $0.outcome,
                                    requestedDocumentation: $0.requestedDocumentation, documentationContact: $0.contact)
            }))
    }

    /// What one 2000E or 2000F level holds.
    struct EventLevel {
        var um: ReviewSegments.UM?
        /// The service line of a 2000F level (`nil` in 2000E: only the level's own value is built).
        var line: ServiceLine?
        /// The patient event of a 2000E level (`nil` in 2000F).
        var event: PatientEvent?
        var rejections: [Rejection] = []
        var outcome: ReviewOutcome?
        var contact: Provider?
        var requestedDocumentation: [String] = []

        func patientEvent() throws(MappingError) -> PatientEvent {
            guard let um, let kind = um.kind, let ct = um.certificationType else { throw .missingSegment("UM", loop: "2000E") }
            var e = event!
            e.kind = kind
            e.certificationType = ct
            e.serviceTypeCode = um.serviceTypeCode
            e.location = um.location
            e.relatedCauses = um.causes
            e.levelOfService = um.level
            e.healthConditionCode = um.condition
            e.prognosisCode = um.prognosis
            e.releaseOfInformationCode = um.release
            e.delayReasonCode = um.delay
            return e
        }

        static func read(_ c: inout SegmentCursor, response: Bool, loop: String) throws(MappingError) -> EventLevel {
            let isEvent = loop == "2000E"
            var lv = EventLevel()
            if isEvent { lv.event = PatientEvent(kind: .healthServicesReview) } else { lv.line = ServiceLine() }
            var period = CertificationPeriod()
            var adminRef: String?
            while let s = c.peek, s.id != "HL", s.id != "NM1", s.id != "SE" {
                _ = c.next()
                switch s.id {
                case "TRN":
                    let t = try CommonSegments.trace(s)
                    lv.event?.trackingNumbers.append(t)
                    lv.line?.trackingNumbers.append(t)
                case "AAA": lv.rejections.append(try CommonSegments.rejection(s))
                case "UM":
                    let u = try ReviewSegments.um(s)
                    lv.um = u
                    lv.line?.reviewKind = u.kind
                    lv.line?.certificationType = u.certificationType
                    lv.line?.serviceTypeCode = u.serviceTypeCode
                    lv.line?.location = u.location
                case "HCR": lv.outcome = try ReviewSegments.outcome(s)
                case "REF":
                    switch s[1].value {
                    case "BB":
                        lv.event?.previousAuthorizationNumber = s[2].value
                        lv.line?.previousAuthorizationNumber = s[2].value
                    case "NT":
                        if response { adminRef = s[2].value } else {
                            lv.event?.previousAdministrativeReference = s[2].value
                            lv.line?.previousAdministrativeReference = s[2].value
                        }
                    default: throw .unknownCode(segment: "REF", position: 1, code: s[1].value, list: "\(loop) reference qualifier")
                    }
                case "DTP":
                    switch s[1].value {
                    case "439": let v = try CommonSegments.dtpDate(s); lv.event?.accidentDate = v
                    case "484": let v = try CommonSegments.dtpDate(s); lv.event?.lastMenstrualPeriodDate = v
                    case "ABC": let v = try CommonSegments.dtpDate(s); lv.event?.estimatedBirthDate = v
                    case "431": let v = try CommonSegments.dtpDate(s); lv.event?.onsetDate = v
                    case "AAH": let v = try CommonSegments.dtpRange(s); lv.event?.eventDate = v
                    case "435": let v = try CommonSegments.dtpRange(s); lv.event?.admissionDate = v
                    case "096": let v = try CommonSegments.dtpDate(s); lv.event?.dischargeDate = v
                    case "472": let v = try CommonSegments.dtpRange(s); lv.line?.serviceDate = v
                    case "102": period.issued = try CommonSegments.dtpDate(s)
                    case "036": period.expires = try CommonSegments.dtpDate(s)
                    case "007": period.effective = try CommonSegments.dtpRange(s)
                    default: throw .unknownCode(segment: "DTP", position: 1, code: s[1].value, list: "\(loop) date qualifier")
                    }
                case "HI":
                    let d = try CommonSegments.diagnoses(s)
                    if isEvent { lv.event?.diagnoses = d } else { lv.requestedDocumentation = d.map(\.code) }
                case "HSD":
                    let d = try CommonSegments.delivery(s)
                    lv.event?.delivery = d
                    lv.line?.delivery = d
                case "CL1": lv.event?.institutional = ReviewSegments.institutional(s)
                case "PWK":
                    let a = try CommonSegments.attachment(s)
                    lv.event?.attachments.append(a)
                    lv.line?.attachments.append(a)
                case "MSG":
                    lv.event?.note = s[1].value
                    lv.line?.note = s[1].value
                case "SV1", "SV2", "SV3":
                    if lv.line != nil { try ReviewSegments.apply(sv: s, to: &lv.line!) } else {
                        var scratch = ServiceLine()   // read in 2000E too, as its errors count; not kept
                        try ReviewSegments.apply(sv: s, to: &scratch)
                    }
                case "TOO": lv.line?.teeth.append(ReviewSegments.tooth(s))
                default: break   // CRC, CR1, CR2, CR5, CR6: not carried by the model
                }
            }
            if var o = lv.outcome {
                o.administrativeReference = adminRef
                o.period = period
                lv.outcome = o
            }
            while c.peekID == "NM1" {
                let loop = PartyLoop.read(&c)!
                let code = loop.nm1[1]
                if isTransportOrOtherUMO(code) { continue }
                let p = try loop.provider()
                if code.valueIs("L5") { lv.contact = p; continue }
                lv.event?.providers.append(p)
                lv.line?.providers.append(p)
            }
            return lv
        }
    }
}
