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
        // The levels read so far live in one object: kept in locals, the large optional parties were copied
        // from stack slot to stack slot on every pass of the loop.
        let lv = Levels()
        while c.peekID == "HL" {
            let hl = c.next()!
            let level = hl[3]   // compared as bytes: no `String` per HL
            let kind = level.valueIs("20") ? 0 : level.valueIs("21") ? 1 : level.valueIs("22") ? 2 : level.valueIs("23") ? 3
                : level.valueIs("EV") ? 4 : level.valueIs("SS") ? 5 : -1
            switch kind {
            case 0:
                while let a = c.take("AAA") { lv.topRejections.append(try CommonSegments.rejection(a)) }
                guard let loop = PartyLoop.read(&c, allowed: PartyLoop.isPerAAA) else { throw .missingSegment("NM1", loop: "2010A") }
                lv.umo = try loop.payer()
            case 1:
                guard let loop = PartyLoop.read(&c) else { throw .missingSegment("NM1", loop: "2010B") }
                lv.requester = try loop.provider()
            case 2:
                guard let loop = PartyLoop.read(&c) else { throw .missingSegment("NM1", loop: "2010C") }
                lv.subscriber = try loop.member()
            case 3:
                guard let loop = PartyLoop.read(&c) else { throw .missingSegment("NM1", loop: "2010D") }
                lv.dependent = try loop.member()
            case 4:
                // Filled in place (an event level is large: no copy returned and stored).
                lv.event = EventLevel()
                lv.hasEvent = true
                try EventLevel.read(&c, response: response, loop: "2000E", into: &lv.event)
            case 5:
                lv.lines.append(EventLevel())
                try EventLevel.read(&c, response: response, loop: "2000F", into: &lv.lines[lv.lines.count - 1])
            default:
                throw .unknownCode(segment: "HL", position: 3, code: hl[3].value, list: "278 hierarchical level (HL03)")
            }
            c.skipToLevelEnd()
        }
        guard let umo = lv.umo.take() else { throw .missingSegment("HL*20", loop: "2000A") }
        if !response {
            guard let requester = lv.requester.take() else { throw .missingSegment("HL*21", loop: "2000B") }
            guard let subscriber = lv.subscriber.take() else { throw .missingSegment("HL*22", loop: "2000C") }
            guard lv.hasEvent else { throw .missingSegment("HL*EV", loop: "2000E") }
            let patientEvent = try lv.event.takePatientEvent()
            var serviceLines: [ServiceLine] = []
            serviceLines.reserveCapacity(lv.lines.count)
            for i in lv.lines.indices { serviceLines.append(lv.lines[i].line.take()!) }
            return .authorizationRequest(AuthorizationRequest(
                trace: trace, servicesReservation: bht[6].valueIs("RU"), umo: umo, requester: requester,
                subscriber: subscriber, dependent: lv.dependent.take(), event: patientEvent, serviceLines: serviceLines))
        }
        let responseStatus = try X12Codes.responseStatus.optional(bht[6], "BHT", 6)
        let hasEvent = lv.hasEvent
        let patientEvent = hasEvent ? try lv.event.takePatientEvent() : nil
        var decisions: [ServiceLineDecision] = []
        decisions.reserveCapacity(lv.lines.count)
        for i in lv.lines.indices {
            decisions.append(ServiceLineDecision(line: lv.lines[i].line.take()!, rejections: lv.lines[i].rejections,
                                                 outcome: lv.lines[i].outcome, requestedDocumentation: lv.lines[i].requestedDocumentation,
                                                 documentationContact: lv.lines[i].contact))
        }
        return .authorizationDecision(AuthorizationDecision(
            trace: trace, responseStatus: responseStatus,
            rejections: lv.topRejections, umo: umo, requester: lv.requester.take(), subscriber: lv.subscriber.take(),
            dependent: lv.dependent.take(), event: patientEvent, eventRejections: hasEvent ? lv.event.rejections : [],
            outcome: hasEvent ? lv.event.outcome : nil, documentationContact: hasEvent ? lv.event.contact : nil, lines: decisions))
    }

    /// The parties and levels of one 278 as they are read (one object per transaction, filled in place).
    private final class Levels {
        @exclusivity(unchecked) var topRejections: [Rejection] = []
        @exclusivity(unchecked) var umo: Payer?
        @exclusivity(unchecked) var requester: Provider?
        @exclusivity(unchecked) var subscriber: Member?
        @exclusivity(unchecked) var dependent: Member?
        @exclusivity(unchecked) var event = EventLevel()
        @exclusivity(unchecked) var hasEvent = false
        @exclusivity(unchecked) var lines: [EventLevel] = []
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

        /// The level's patient event with its UM values (taken out of the level, not copied).
        mutating func takePatientEvent() throws(MappingError) -> PatientEvent {
            guard let um, let kind = um.kind, let ct = um.certificationType else { throw .missingSegment("UM", loop: "2000E") }
            var e = event.take()!
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

        /// Reads a 2000E or 2000F level into `lv` (a fresh ``EventLevel``).
        static func read(_ c: inout SegmentCursor, response: Bool, loop: String, into lv: inout EventLevel) throws(MappingError) {
            let isEvent = loop == "2000E"
            if isEvent { lv.event = PatientEvent(kind: .healthServicesReview) } else { lv.line = ServiceLine() }
            var period = CertificationPeriod()
            var adminRef: String?
            var hasOutcome = false
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
                case "HCR":
                    lv.outcome = try ReviewSegments.outcome(s)
                    hasOutcome = true
                case "REF":
                    let q = s[1]
                    if q.valueIs("BB") {
                        lv.event?.previousAuthorizationNumber = s[2].value
                        lv.line?.previousAuthorizationNumber = s[2].value
                    } else if q.valueIs("NT") {
                        if response { adminRef = s[2].value } else {
                            lv.event?.previousAdministrativeReference = s[2].value
                            lv.line?.previousAdministrativeReference = s[2].value
                        }
                    } else {
                        throw .unknownCode(segment: "REF", position: 1, code: q.value, list: "\(loop) reference qualifier")
                    }
                case "DTP":
                    let q = s[1]   // compared as bytes: no `String` per qualifier
                    if q.valueIs("439") { let v = try CommonSegments.dtpDate(s); lv.event?.accidentDate = v }
                    else if q.valueIs("484") { let v = try CommonSegments.dtpDate(s); lv.event?.lastMenstrualPeriodDate = v }
                    else if q.valueIs("ABC") { let v = try CommonSegments.dtpDate(s); lv.event?.estimatedBirthDate = v }
                    else if q.valueIs("431") { let v = try CommonSegments.dtpDate(s); lv.event?.onsetDate = v }
                    else if q.valueIs("AAH") { let v = try CommonSegments.dtpRange(s); lv.event?.eventDate = v }
                    else if q.valueIs("435") { let v = try CommonSegments.dtpRange(s); lv.event?.admissionDate = v }
                    else if q.valueIs("096") { let v = try CommonSegments.dtpDate(s); lv.event?.dischargeDate = v }
                    else if q.valueIs("472") { let v = try CommonSegments.dtpRange(s); lv.line?.serviceDate = v }
                    else if q.valueIs("102") { period.issued = try CommonSegments.dtpDate(s) }
                    else if q.valueIs("036") { period.expires = try CommonSegments.dtpDate(s) }
                    else if q.valueIs("007") { period.effective = try CommonSegments.dtpRange(s) }
                    else { throw .unknownCode(segment: "DTP", position: 1, code: q.value, list: "\(loop) date qualifier") }
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
            if hasOutcome {   // in place: binding the optional copied the outcome
                lv.outcome!.administrativeReference = adminRef
                lv.outcome!.period = period
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
        }
    }
}
