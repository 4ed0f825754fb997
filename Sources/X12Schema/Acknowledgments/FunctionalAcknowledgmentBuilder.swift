import X12

/// Builds the 999 (005010X231A1) body for one functional group: AK1, one 2000 loop per transaction set
/// (AK2, IK3/CTX/IK4/CTX for each segment in error, IK5) and AK9.
///
/// Rules (X12-FACTS §1.10):
/// - IK3 per segment in error, in segment order; IK302 counts from ST = 1 (a missing segment is reported at the
///   position where it was expected); IK303 is the standard's loop ID (`2000E` → `2000`); element errors sit under
///   an IK3 with IK304 `8`, one IK4 each (IK401 `element:component:repetition`, IK402 when known, IK403, IK404 the
///   bad value when there is one and it holds no delimiter of the output).
/// - CTX `SITUATIONAL TRIGGER` after an IK3 / IK4 whose finding names the segment that triggered it; CTX
///   `TRN02:<trace>` (the business unit) after an IK3 inside an HL level that has a TRN (or under a parent that has).
/// - A missing SE is reported once, as IK502 `2` (not also as an IK3 `3` for SE).
/// - IK501 `R` on any error, `E` when only warnings, `A` otherwise; IK502–IK506 the transaction-level codes, then
///   `5` (or `I5` when every segment/element code is an implementation code `I…`).
/// - AK901 `R` on a group error (AK905 …), else `A`/`E` when every set is accepted, `R` when none is, `P` otherwise;
///   AK902 GE01 (the count received when GE01 is missing), AK903 sets received, AK904 sets accepted (`A` or `E`).
public struct FunctionalAcknowledgmentBuilder: Sendable {
    /// Dates, support table and element references.
    public var options: AcknowledgmentOptions

    /// Creates a builder.
    public init(options: AcknowledgmentOptions = AcknowledgmentOptions()) {
        self.options = options
    }

    /// Builds the 999 body for `group`; `delimiters` are those the acknowledgment will be written with.
    public func build(for group: GroupSummary, delimiters: Delimiters = .standard) -> FunctionalAcknowledgment {
        var body: [Segment] = []
        let h = group.header
        body.append(opening(for: h))

        var transactionCodes: [(controlNumber: String, code: String)] = []
        var accepted = 0
        var anyNoted = false
        for tx in group.transactions {
            let (loop, code) = transactionLoop(tx, in: group, delimiters: delimiters)
            body.append(contentsOf: loop)
            transactionCodes.append((tx.header.controlNumber, code))
            if code == "A" || code == "E" { accepted += 1 }
            if code != "A" { anyNoted = true }
        }

        let (ak9, code, groupCodes) = trailer(for: group, received: group.transactions.count, accepted: accepted, anyNoted: anyNoted)
        body.append(ak9)
        return FunctionalAcknowledgment(functionalID: h.functionalID, groupControlNumber: h.controlNumber, code: code,
                                        groupErrorCodes: groupCodes, transactionCodes: transactionCodes, body: body)
    }

    /// The AK1 opening the 999 for `group`.
    func opening(for group: GroupHeader) -> Segment {
        Segment("AK1", [.init(group.functionalID), .init(group.controlNumber), .init(group.version)])
    }

    /// The AK9 closing the 999 for `group` (whose transaction sets were counted by the caller), its AK901 and
    /// AK905 … AK909: `received` sets, `accepted` of them `A` or `E`, `anyNoted` when any was not `A`.
    func trailer(for group: GroupSummary, received: Int, accepted: Int, anyNoted: Bool) -> (Segment, String, [String]) {
        let groupFindings = options.support.groupFindings(for: group) + group.findings.filter { $0.code.family != .note }
        let groupCodes = unique(groupFindings.filter { $0.code.family == .ak905 }.map(\.code.value))
        let groupError = groupFindings.contains { $0.code.family == .ak905 && $0.severity == .error }
        let code: String
        if groupError {
            code = "R"
        } else if accepted == received {
            code = anyNoted || !groupFindings.isEmpty ? "E" : "A"
        } else if accepted == 0 {
            code = "R"
        } else {
            code = "P"
        }
        var ak9: [Element] = [.init(code), .init(String(group.declaredTransactionCount ?? received)),
                              .init(String(received)), .init(String(accepted))]
        ak9.append(contentsOf: groupCodes.prefix(5).map { Element($0) })
        return (Segment("AK9", ak9), code, Array(groupCodes.prefix(5)))
    }

    /// The 2000 loop of one transaction set and its IK501.
    func transactionLoop(_ tx: TransactionSummary, in group: GroupSummary, delimiters: Delimiters) -> ([Segment], String) {
        var out: [Segment] = []
        var ak2: [Element] = [.init(tx.header.id), .init(tx.header.controlNumber)]
        if let ref = tx.header.implementationReference { ak2.append(.init(ref)) }
        out.append(Segment("AK2", ak2))

        var findings = options.support.transactionFindings(for: tx, in: group) + tx.findings.filter { $0.code.family != .note }
        // A missing SE is IK502 `2`; an IK3 for the same missing segment would say it twice.
        if findings.contains(where: { $0.code == FindingCode(.ik502, "2") }) {
            findings.removeAll { $0.code == FindingCode(.ik304, "3") && $0.location.segmentID == "SE" }
        }
        var setCodes = unique(findings.filter { $0.code.family == .ik502 }.map(\.code.value))
        let segmentFindings = findings.filter {
            ($0.code.family == .ik304 || $0.code.family == .ik403) && $0.location.segmentPosition != nil
        }
        // Element or segment findings without a position cannot be placed in an IK3; they still count.
        let unplaced = findings.filter {
            ($0.code.family == .ik304 || $0.code.family == .ik403) && $0.location.segmentPosition == nil
        }
        let detail = segmentFindings + unplaced
        if !detail.isEmpty {
            let implementationOnly = detail.allSatisfy { $0.code.value.hasPrefix("I") }
            let code = implementationOnly ? "I5" : "5"
            if !setCodes.contains(code) { setCodes.append(code) }
        }
        out.append(contentsOf: segmentErrorLoops(segmentFindings, tx: tx, delimiters: delimiters))

        let ik501: String
        if findings.contains(where: { $0.severity == .error }) {
            ik501 = "R"
        } else if !findings.isEmpty {
            ik501 = "E"
        } else {
            ik501 = "A"
        }
        var ik5: [Element] = [.init(ik501)]
        if ik501 != "A" { ik5.append(contentsOf: setCodes.prefix(5).map { Element($0) }) }
        out.append(Segment("IK5", ik5))
        return (out, ik501)
    }

    private struct SegmentKey: Hashable {
        var position: Int
        var id: String
    }

    /// The 2100 loops: one IK3 per segment error code, one IK3 `8` holding the IK4s of a segment's element errors.
    private func segmentErrorLoops(_ findings: [Finding], tx: TransactionSummary, delimiters: Delimiters) -> [Segment] {
        var order: [SegmentKey] = []
        var byKey: [SegmentKey: [Finding]] = [:]
        for f in findings {
            let key = SegmentKey(position: f.location.segmentPosition!, id: f.location.segmentID ?? "")
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(f)
        }
        let sorted = order.enumerated().sorted { a, b in
            a.element.position != b.element.position ? a.element.position < b.element.position : a.offset < b.offset
        }.map(\.element)

        // The keys come in position order: one cursor over the levels, their trace numbers resolved once.
        let traces = tx.levelTraceNumbers()
        var level = -1
        var out: [Segment] = []
        for key in sorted where !key.id.isEmpty {
            while level + 1 < tx.levels.count && tx.levels[level + 1].position <= key.position { level += 1 }
            let list = byKey[key]!
            let loop = list.lazy.compactMap { $0.location.standardLoopID ?? Self.standardLoopID($0.location.loopID) }.first
            // ST and SE belong to no business unit.
            // C998-2 is AN 1/35: a longer trace number is not cut (it would name another unit), the CTX is left out.
            let businessUnit = (key.id == "ST" || key.id == "SE" ? nil : (level >= 0 ? traces[level] : nil))
                .flatMap { $0.utf8.count <= 35 ? Segment("CTX", [Element(components: ["TRN02", $0])]) : nil }
            func ik3(_ code: String) -> Segment {
                Segment("IK3", [.init(key.id), .init(String(key.position)), .init(loop ?? ""), .init(code)])
            }
            // Segment-level codes, each once.
            var seen: Set<String> = []
            for f in list where f.code.family == .ik304 && f.code.value != "8" && seen.insert(f.code.value).inserted {
                out.append(ik3(f.code.value))
                if let t = tx.situationalTriggers[f] { out.append(Self.triggerContext(t)) }
                if let businessUnit { out.append(businessUnit) }
            }
            // Element-level codes under one IK3 `8`.
            let elements = list.filter { $0.code.family == .ik403 }
            let explicitEight = list.first { $0.code.family == .ik304 && $0.code.value == "8" }
            if !elements.isEmpty || explicitEight != nil {
                out.append(ik3("8"))
                if let e = explicitEight, let t = tx.situationalTriggers[e] { out.append(Self.triggerContext(t)) }
                if let businessUnit { out.append(businessUnit) }
                var seenElements: Set<String> = []
                for f in elements {
                    let l = f.location
                    let position = l.elementPosition ?? 0
                    let signature = "\(position):\(l.componentPosition ?? 0):\(l.repetitionPosition ?? 0):\(f.code.value)"
                    guard seenElements.insert(signature).inserted else { continue }
                    out.append(elementNote(f, segmentID: key.id, delimiters: delimiters))
                    if let t = tx.situationalTriggers[f] { out.append(Self.triggerContext(t)) }
                }
            }
        }
        return out
    }

    /// One IK4.
    private func elementNote(_ f: Finding, segmentID: String, delimiters: Delimiters) -> Segment {
        let l = f.location
        let position = max(1, l.elementPosition ?? 1)
        var elements: [Element] = [Self.positionInSegment(l, element: position), .init(options.elementReference(segmentID, position) ?? ""),
                                   .init(f.code.value)]
        if let bad = Self.copyOfBadData(f, delimiters: delimiters) { elements.append(.init(bad)) }
        return Segment("IK4", elements)
    }

    /// IK404: the bad value, unless the element was missing, the value is empty, or it holds an output delimiter or a
    /// control character (the acknowledgment must not carry the error it reports).
    static func copyOfBadData(_ f: Finding, delimiters d: Delimiters) -> String? {
        guard let v = f.value, !v.isEmpty, !["1", "2", "I9"].contains(f.code.value) else { return nil }
        let bytes = Array(v.utf8.prefix(99))
        if bytes.contains(where: { $0 == d.element || $0 == d.component || $0 == d.segment || $0 == d.repetition }) { return nil }
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `CTX*SITUATIONAL TRIGGER*<segment>*<position>*<loop>*<element:component:repetition>`.
    static func triggerContext(_ t: Location) -> Segment {
        var elements: [Element] = [Element(components: ["SITUATIONAL TRIGGER"]), .init(t.segmentID ?? ""),
                                   .init(t.segmentPosition.map(String.init) ?? ""), .init(t.standardLoopID ?? standardLoopID(t.loopID) ?? "")]
        if let e = t.elementPosition { elements.append(positionInSegment(t, element: e)) }
        return Segment("CTX", elements)
    }

    /// C030 `element:component:repetition` (IK401, CTX05); absent parts are left out.
    static func positionInSegment(_ l: Location, element: Int) -> Element {
        var c = [String(element)]
        if let comp = l.componentPosition { c.append(String(comp)) }
        if let r = l.repetitionPosition {
            if l.componentPosition == nil { c.append("") }
            c.append(String(r))
        }
        return Element(components: c)
    }

    /// The standard's loop ID (element 447, at most 4 characters) for an implementation-guide loop name:
    /// `2000E` → `2000`, `2010EA` → `2010`; `nil` for the header and trailer.
    public static func standardLoopID(_ loop: String?) -> String? {
        guard let loop else { return nil }
        let digits = loop.prefix { $0.isASCII && $0.isNumber }
        if digits.isEmpty { return nil }
        return String(digits.prefix(4))
    }

    private func unique(_ codes: [String]) -> [String] {
        var seen: Set<String> = []
        return codes.filter { seen.insert($0).inserted }
    }
}
