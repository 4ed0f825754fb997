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
        // from stack slot to stack slot on every pass of the loop. The patient event and the service lines are
        // filled in place through pointers (no level value built, returned and copied).
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
                let event = lv.startEvent()
                lv.eventExtras = LevelExtras()
                try EventLevel.read(&c, response: response, loop: "2000E", event: event, line: nil, extras: &lv.eventExtras)
            case 5:
                var extras = LevelExtras()
                if response {
                    lv.decisions.append(ServiceLineDecision(line: Blank.line))
                    try lv.decisions.withUnsafeMutableBufferPointer { (b) throws(MappingError) in
                        let d = b.baseAddress! + (b.count - 1)
                        try EventLevel.read(&c, response: true, loop: "2000F", event: nil, line: d.pointer(to: \.line)!, extras: &extras)
                        d.pointee.rejections = extras.rejections
                        d.pointee.outcome = extras.outcome
                        d.pointee.requestedDocumentation = extras.requestedDocumentation
                        d.pointee.documentationContact = extras.contact
                    }
                } else {
                    // One allocation for all lines (capped: a hostile set of bare HL segments reserves no more than
                    // a hundred lines up front).
                    if lv.lines.isEmpty { lv.lines.reserveCapacity(min(Self.levelsLeft(c), 99) + 1) }
                    lv.lines.append(Blank.line)
                    try lv.lines.withUnsafeMutableBufferPointer { (b) throws(MappingError) in
                        try EventLevel.read(&c, response: false, loop: "2000F", event: nil, line: b.baseAddress! + (b.count - 1), extras: &extras)
                    }
                }
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
            let patientEvent = try lv.takePatientEvent()
            return .authorizationRequest(AuthorizationRequest(
                trace: trace, servicesReservation: bht[6].valueIs("RU"), umo: umo, requester: requester,
                subscriber: subscriber, dependent: lv.dependent.take(), event: patientEvent, serviceLines: lv.takeLines()))
        }
        let responseStatus = try X12Codes.responseStatus.optional(bht[6], "BHT", 6)
        let hasEvent = lv.hasEvent
        let patientEvent = hasEvent ? try lv.takePatientEvent() : nil
        return .authorizationDecision(AuthorizationDecision(
            trace: trace, responseStatus: responseStatus,
            rejections: lv.topRejections, umo: umo, requester: lv.requester.take(), subscriber: lv.subscriber.take(),
            dependent: lv.dependent.take(), event: patientEvent, eventRejections: hasEvent ? lv.eventExtras.rejections : [],
            outcome: hasEvent ? lv.eventExtras.outcome : nil, documentationContact: hasEvent ? lv.eventExtras.contact : nil,
            lines: lv.takeDecisions()))
    }

    /// The parties and levels of one 278 as they are read (one object per transaction, filled in place).
    private final class Levels {
        @exclusivity(unchecked) var topRejections: [Rejection] = []
        @exclusivity(unchecked) var umo: Payer?
        @exclusivity(unchecked) var requester: Provider?
        @exclusivity(unchecked) var subscriber: Member?
        @exclusivity(unchecked) var dependent: Member?
        /// The 2000E patient event, filled in place (initialized while ``hasEvent``).
        private let event = UnsafeMutablePointer<PatientEvent>.allocate(capacity: 1)
        @exclusivity(unchecked) private(set) var hasEvent = false
        @exclusivity(unchecked) var eventExtras = LevelExtras()
        /// The 2000F lines of a request.
        @exclusivity(unchecked) var lines: [ServiceLine] = []
        /// The 2000F lines of a response.
        @exclusivity(unchecked) var decisions: [ServiceLineDecision] = []

        deinit {
            if hasEvent { event.deinitialize(count: 1) }
            event.deallocate()
        }

        /// A fresh patient event to fill (a second 2000E replaces the first, as before).
        func startEvent() -> UnsafeMutablePointer<PatientEvent> {
            if hasEvent { event.deinitialize(count: 1) }
            event.initialize(to: Blank.event)
            hasEvent = true
            return event
        }

        /// The patient event with its UM values (moved out, not copied).
        func takePatientEvent() throws(MappingError) -> PatientEvent {
            guard let um = eventExtras.um, let kind = um.kind, let ct = um.certificationType else { throw .missingSegment("UM", loop: "2000E") }
            let e = event
            e.pointee.kind = kind
            e.pointee.certificationType = ct
            e.pointee.serviceTypeCode = um.serviceTypeCode
            e.pointee.location = um.location
            e.pointee.relatedCauses = um.causes
            e.pointee.levelOfService = um.level
            e.pointee.healthConditionCode = um.condition
            e.pointee.prognosisCode = um.prognosis
            e.pointee.releaseOfInformationCode = um.release
            e.pointee.delayReasonCode = um.delay
            hasEvent = false
            return e.move()
        }

        func takeLines() -> [ServiceLine] {
            defer { lines = [] }
            return lines
        }

        func takeDecisions() -> [ServiceLineDecision] {
            defer { decisions = [] }
            return decisions
        }
    }

    /// How many HL segments follow the cursor (the 2000F levels after the first are all that is left).
    private static func levelsLeft(_ c: SegmentCursor) -> Int {
        var d = c
        var n = 0
        while !d.atEnd {
            if d.peekID == "HL" { n += 1 }
            d.index += 1
        }
        return n
    }

    /// Empty values copied to start a level: `ServiceLine()` and `PatientEvent(kind:)` go through a default-argument
    /// call per field (about 1,400 instructions each); a copy of a blank is a move of its bytes.
    private enum Blank {
        static let line = ServiceLine()
        static let event = PatientEvent(kind: .healthServicesReview)
    }

    /// What a 2000E or 2000F level holds besides its event or line: the values of a response, and the UM of 2000E.
    struct LevelExtras {
        var um: ReviewSegments.UM?
        var rejections: [Rejection] = []
        var outcome: ReviewOutcome?
        var contact: Provider?
        var requestedDocumentation: [String] = []
    }

    /// Reading one 2000E or 2000F level.
    enum EventLevel {
        /// Reads a 2000E level into `event` or a 2000F level into `line` (fresh values, filled in place), and
        /// what else the level holds into `lv`.
        static func read(_ c: inout SegmentCursor, response: Bool, loop: String, event: UnsafeMutablePointer<PatientEvent>?,
                         line: UnsafeMutablePointer<ServiceLine>?, extras lv: inout LevelExtras) throws(MappingError) {
            let isEvent = event != nil
            var period = CertificationPeriod()
            var adminRef: String?
            var hasOutcome = false
            while let s = c.peek, s.id != "HL", s.id != "NM1", s.id != "SE" {
                _ = c.next()
                switch s.id {
                case "TRN":
                    let t = try CommonSegments.trace(s)
                    if let event { event.pointee.trackingNumbers.append(t) } else { line?.pointee.trackingNumbers.append(t) }
                case "AAA": lv.rejections.append(try CommonSegments.rejection(s))
                case "UM":
                    let u = try ReviewSegments.um(s)
                    if let line {   // a line takes its values now; the event's UM is applied when it is taken
                        line.pointee.reviewKind = u.kind
                        line.pointee.certificationType = u.certificationType
                        line.pointee.serviceTypeCode = u.serviceTypeCode
                        line.pointee.location = u.location
                    } else {
                        lv.um = u
                    }
                case "HCR":
                    lv.outcome = try ReviewSegments.outcome(s)
                    hasOutcome = true
                case "REF":
                    let q = s[1]
                    if q.valueIs("BB") {
                        let v = s[2].value
                        if let event { event.pointee.previousAuthorizationNumber = v } else { line?.pointee.previousAuthorizationNumber = v }
                    } else if q.valueIs("NT") {
                        if response { adminRef = s[2].value } else {
                            let v = s[2].value
                            if let event { event.pointee.previousAdministrativeReference = v } else { line?.pointee.previousAdministrativeReference = v }
                        }
                    } else {
                        throw .unknownCode(segment: "REF", position: 1, code: q.value, list: "\(loop) reference qualifier")
                    }
                case "DTP":
                    let q = s[1]   // compared as bytes: no `String` per qualifier
                    if q.valueIs("439") { let v = try CommonSegments.dtpDate(s); event?.pointee.accidentDate = v }
                    else if q.valueIs("484") { let v = try CommonSegments.dtpDate(s); event?.pointee.lastMenstrualPeriodDate = v }
                    else if q.valueIs("ABC") { let v = try CommonSegments.dtpDate(s); event?.pointee.estimatedBirthDate = v }
                    else if q.valueIs("431") { let v = try CommonSegments.dtpDate(s); event?.pointee.onsetDate = v }
                    else if q.valueIs("AAH") { let v = try CommonSegments.dtpRange(s); event?.pointee.eventDate = v }
                    else if q.valueIs("435") { let v = try CommonSegments.dtpRange(s); event?.pointee.admissionDate = v }
                    else if q.valueIs("096") { let v = try CommonSegments.dtpDate(s); event?.pointee.dischargeDate = v }
                    else if q.valueIs("472") { let v = try CommonSegments.dtpRange(s); line?.pointee.serviceDate = v }
                    else if q.valueIs("102") { period.issued = try CommonSegments.dtpDate(s) }
                    else if q.valueIs("036") { period.expires = try CommonSegments.dtpDate(s) }
                    else if q.valueIs("007") { period.effective = try CommonSegments.dtpRange(s) }
                    else { throw .unknownCode(segment: "DTP", position: 1, code: q.value, list: "\(loop) date qualifier") }
                case "HI":
                    let d = try CommonSegments.diagnoses(s)
                    if isEvent { event?.pointee.diagnoses = d } else { lv.requestedDocumentation = d.map(\.code) }
                case "HSD":
                    let d = try CommonSegments.delivery(s)
                    if let event { event.pointee.delivery = d } else { line?.pointee.delivery = d }
                case "CL1": event?.pointee.institutional = ReviewSegments.institutional(s)
                case "PWK":
                    let a = try CommonSegments.attachment(s)
                    if let event { event.pointee.attachments.append(a) } else { line?.pointee.attachments.append(a) }
                case "MSG":
                    let v = s[1].value
                    if let event { event.pointee.note = v } else { line?.pointee.note = v }
                case "SV1", "SV2", "SV3":
                    if let line { try ReviewSegments.apply(sv: s, to: &line.pointee) } else {
                        var scratch = Blank.line   // read in 2000E too, as its errors count; not kept
                        try ReviewSegments.apply(sv: s, to: &scratch)
                    }
                case "TOO": line?.pointee.teeth.append(ReviewSegments.tooth(s))
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
                if let event { event.pointee.providers.append(p) } else { line?.pointee.providers.append(p) }
            }
        }
    }
}
