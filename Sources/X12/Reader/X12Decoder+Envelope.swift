#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The envelope half of the decoder: the ISA and its delimiters, the trailers, and the checks that
/// control numbers and counts agree (X12-FACTS §1.2–1.7).
extension X12Decoder {
    // MARK: Interchange header

    /// Reads the ISA at `start`; the delimiters come from it by position (element separator at byte 3,
    /// then sixteen separators counted, so an unpadded ISA is still read). `quiet` when the ISA candidate was
    /// found inside stray bytes that were already reported.
    func parseISA(leadStart: Int, at start: Int, line isaLine: Int, quiet: Bool = false) -> Step {
        let sep = byte(start + 3)
        var seps: [Int] = []
        seps.reserveCapacity(16)
        var k = start + 3
        let limit = min(writeIndex, start + 512)
        while k < limit && seps.count < 16 {
            if byte(k) == sep { seps.append(k) }
            k += 1
        }
        let complete = seps.count == 16 && seps[15] + 3 <= writeIndex
        if !complete {
            if !finished && (seps.count == 16 || limit < start + 512) { return .needInput }
            // A broken or cut-off ISA: report it and skip its bytes as stray, up to the next ISA.
            if !quiet {
                closeOpenInterchange(at: start, line: isaLine, because: "a new ISA")
                var loc = baseLocation(at: start, line: isaLine, segmentIndex: segmentCounter + 1)
                loc.segmentID = "ISA"
                if limit == writeIndex && finished {
                    finding(.ta105, "023", at: loc, "The input ends inside the ISA segment.")
                } else {
                    finding(.ta105, "022", at: loc,
                            "The ISA segment does not have 16 elements separated by the byte at its position 3; skipped.")
                }
            }
            stray = Stray(scanFrom: baseOffset + start + 1, scanLine: isaLine, start: baseOffset + leadStart)
            return .queued
        }
        let termIndex = seps[15] + 2
        let component = byte(seps[15] + 1)
        let terminator = byte(termIndex)
        guard let (next, sfx, suffixLines) = suffix(after: termIndex, terminator: terminator) else { return .needInput }

        // The new interchange starts: close anything still open.
        closeOpenInterchange(at: start, line: isaLine, because: "the next ISA")
        var fields: [String] = []
        fields.reserveCapacity(16)
        for f in 0..<16 {
            let a = seps[f] + 1
            let b = f < 15 ? seps[f + 1] : termIndex
            fields.append(String(decoding: UnsafeRawBufferPointer(start: storage + a, count: b - a), as: UTF8.self))
        }
        let version = fields[11]
        let repByte = fields[10].utf8.count == 1 ? fields[10].utf8.first! : 0
        let hasRepetition = version >= "00501" && !repByte.isAlphanumericASCII && repByte != 0 && !isBlank(repByte)
        let delims = Delimiters(element: sep, component: component,
                                repetition: hasRepetition ? repByte : nil, segment: terminator)
        _delimiters = delims
        let header = InterchangeHeader(fields: fields, delimiters: delims)
        segmentCounter += 1
        group = nil
        transaction = nil
        transactionSegmentCount = 0
        interchange = InterchangeState(header: header)
        groupCount = 0
        groupControlNumbers.reset()
        var loc = baseLocation(at: start, line: isaLine, segmentIndex: segmentCounter)
        loc.segmentID = "ISA"
        checkISA(header, seps: seps.map { $0 - start }, terminatorOffset: termIndex - start, at: loc)

        _leading = UnsafeRawBufferPointer(start: storage + leadStart, count: start - leadStart)
        _segment = SegmentView(bytes: UnsafeRawBufferPointer(start: storage + start, count: termIndex - start), delimiters: delims)
        _segmentTerminated = true
        _suffix = sfx
        readIndex = next
        line = isaLine + suffixLines + (terminator == 0x0A ? 0 : countLines(from: start, to: termIndex))
        searchFrom = 0
        emit(.interchangeStart(header), segment: true, at: loc)
        return .queued
    }

    /// What follows the terminator at `t`: the index after the suffix, the suffix, and the LF count
    /// (the terminator's own when it is LF). `nil` when more input is needed to tell.
    func suffix(after t: Int, terminator: UInt8) -> (Int, SegmentSuffix, Int)? {
        let next = t + 1
        if terminator == 0x0A { return (next, .none, 1) }
        if next >= writeIndex { return finished ? (next, .none, 0) : nil }
        let b = byte(next)
        if b == 0x0A { return (next + 1, .lf, 1) }
        if b == 0x0D && terminator != 0x0D {
            if next + 1 >= writeIndex { return finished ? (next + 1, .cr, 0) : nil }
            return byte(next + 1) == 0x0A ? (next + 2, .crlf, 1) : (next + 1, .cr, 0)
        }
        return (next, .none, 0)
    }

    static let fixedSeparatorOffsets = [3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103]
    static let qualifiers: Set<String> = ["01", "14", "20", "27", "28", "29", "30", "33", "ZZ"]

    /// The ISA field checks (TA105 codes, X12-FACTS §1.2, §1.3, §1.9).
    func checkISA(_ h: InterchangeHeader, seps: [Int], terminatorOffset: Int, at loc: Location) {
        let d = h.delimiters
        if d.segment.isAlphanumericASCII || d.segment == d.element || d.segment == d.component {
            finding(.ta105, "004", at: loc.at(element: 16), "The segment terminator after ISA16 is not a valid delimiter.")
        }
        if d.element.isAlphanumericASCII {
            finding(.ta105, "026", at: loc.at(element: 1), "The element separator must not be a letter or digit.")
        }
        if d.component.isAlphanumericASCII || d.component == d.element {
            finding(.ta105, "027", at: loc.at(element: 16), value: h[16], "ISA16 is not a valid component separator.")
        }
        if seps != Self.fixedSeparatorOffsets || terminatorOffset != 105 {
            finding(.note, "unpadded-isa", .warning, at: loc,
                    "The ISA segment is not padded to its fixed width (106 characters); its fields were read by separator.")
        }
        func check(_ n: Int, _ code: String, _ ok: Bool, _ what: String) {
            if !ok { finding(.ta105, code, at: loc.at(element: n), value: h[n], what) }
        }
        check(1, "010", ["00", "03"].contains(h[1]), "ISA01 must be 00 or 03.")
        check(3, "012", ["00", "01"].contains(h[3]), "ISA03 must be 00 or 01.")
        check(5, "005", Self.qualifiers.contains(h[5]), "ISA05 is not a valid interchange ID qualifier.")
        check(6, "006", !h.senderID.utf8.allSatisfy { $0 == 0x20 } && h[6].utf8.count <= 15, "ISA06 must be a sender ID of at most 15 characters.")
        check(7, "007", Self.qualifiers.contains(h[7]), "ISA07 is not a valid interchange ID qualifier.")
        check(8, "008", !h.receiverID.utf8.allSatisfy { $0 == 0x20 } && h[8].utf8.count <= 15, "ISA08 must be a receiver ID of at most 15 characters.")
        check(9, "014", DateCheck.isValidDate(h[9]) && h[9].utf8.count == 6, "ISA09 is not a valid YYMMDD date.")
        check(10, "015", DateCheck.isValidTime(h[10]) && h[10].utf8.count == 4, "ISA10 is not a valid HHMM time.")
        if h[12] >= "00501" {
            check(11, "026", h[11].utf8.count == 1 && d.repetition != nil && d.repetition != d.element
                    && d.repetition != d.component && d.repetition != d.segment,
                  "ISA11 must be a repetition separator distinct from the other delimiters.")
        }
        if h[12].utf8.count != 5 || !h[12].utf8.allSatisfy(\.isDigitASCII) {
            check(12, "017", false, "ISA12 is not a valid interchange control version number.")
        } else {
            check(12, "003", h[12] == "00501", "This gateway supports interchange control version 00501 only.")
        }
        check(13, "018", h[13].utf8.count == 9 && h[13].utf8.allSatisfy(\.isDigitASCII), "ISA13 must be nine digits.")
        check(14, "019", ["0", "1"].contains(h[14]), "ISA14 must be 0 or 1.")
        check(15, "020", ["P", "T", "I"].contains(h[15]), "ISA15 must be P or T.")
    }

    // MARK: Made-up trailers

    func closeTransaction(at loc: Location, before what: String) {
        guard let tx = transaction else { return }
        var l = loc
        l.segmentID = "SE"
        l.transactionControlNumber = tx.header.controlNumber
        l.transactionSetID = tx.header.id
        l.segmentPosition = transactionSegmentCount + 1
        l.elementPosition = nil
        finding(.ik502, "2", at: l, "Transaction set \(tx.header.id) \(tx.header.controlNumber) has no SE trailer before \(what).")
        emit(.transactionEnd, segment: false, at: l)
        transaction = nil
        transactionSegmentCount = 0
    }

    func closeGroup(at loc: Location, before what: String) {
        guard let g = group else { return }
        closeTransaction(at: loc, before: what)
        var l = loc
        l.segmentID = "GE"
        l.groupControlNumber = g.header.controlNumber
        l.transactionControlNumber = nil
        l.transactionSetID = nil
        l.segmentPosition = nil
        l.elementPosition = nil
        finding(.ak905, "3", at: l, "Functional group \(g.header.controlNumber) has no GE trailer before \(what).")
        emit(.groupEnd, segment: false, at: l)
        group = nil
    }

    func closeOpenInterchange(at index: Int, line: Int, because what: String) {
        guard let ic = interchange else { return }
        var loc = baseLocation(at: index, line: line, segmentIndex: segmentCounter + 1)
        closeGroup(at: loc, before: what)
        loc.segmentID = "IEA"
        loc.groupControlNumber = nil
        loc.transactionControlNumber = nil
        loc.transactionSetID = nil
        loc.segmentPosition = nil
        finding(.ta105, "023", at: loc, "Interchange \(ic.header.controlNumber) has no IEA trailer before \(what).")
        emit(.interchangeEnd, segment: false, at: loc)
        interchange = nil
    }

    // MARK: Envelope segments

    func elementString(_ n: Int) -> String { _segment.element(n).string }

    /// Sets the on-demand location of a direct envelope event.
    /// `kind` is 1 for ST, 2 for SE.
    func setDirectLocation(_ start: Int, _ segLine: Int, position: Int, kind: UInt8) {
        fastOffset = baseOffset + start
        fastLine = segLine
        fastIndex = segmentCounter
        fastPosition = position
        fastSegmentKind = kind
    }

    func onST(_ start: Int, _ segLine: Int) -> Step {
        if inTransaction {
            var loc = baseLocation(at: start, line: segLine, segmentIndex: segmentCounter)
            loc.segmentID = "ST"
            closeTransaction(at: loc, before: "the next ST")
        }
        let (e1, e2, e3) = firstElements()
        let header = TransactionHeader(id: stStringCache.0.string(e1.bytes), controlNumber: transactionControlNumber(e2.bytes),
                                       implementationReference: e3.isEmpty ? nil : stStringCache.1.string(e3.bytes))
        transaction = TransactionState(header: header)
        transactionSegmentCount = 1
        func loc() -> Location {
            var l = baseLocation(at: start, line: segLine, segmentIndex: segmentCounter)
            l.segmentID = "ST"
            return l
        }
        if !inGroup {
            finding(.ik502, "18", at: loc(), "Transaction set \(header.id) \(header.controlNumber) is not inside a functional group (no GS).")
        } else {
            transactionCount += 1
            if !transactionControlNumbers.insert(header.controlNumber, bytes: e2.bytes) {
                finding(.ik502, "23", at: loc().at(element: 2), value: header.controlNumber,
                        "ST02 \(header.controlNumber) is used twice in functional group \(group!.header.controlNumber).")
            }
        }
        let c = header.controlNumber.utf8.count
        if c < 4 || c > 9 {
            finding(.ik502, "7", at: loc().at(element: 2), value: header.controlNumber, "ST02 must be 4 to 9 characters.")
        }
        if header.id.isEmpty {
            finding(.ik502, "6", at: loc().at(element: 1), "ST01 (transaction set identifier) is missing.")
        }
        if queueHead == queue.count {
            setDirectLocation(start, segLine, position: 1, kind: 1)
            return .direct(.transactionStart(header))
        }
        emit(.transactionStart(header), segment: true, at: loc())
        return .queued
    }

    func onSE(_ start: Int, _ segLine: Int) -> Step {
        guard inTransaction else {
            var loc = baseLocation(at: start, line: segLine, segmentIndex: segmentCounter)
            loc.segmentID = "SE"
            finding(.ta105, "024", at: loc, "SE without a matching ST.")
            emit(.segment, segment: true, at: loc)
            return .queued
        }
        let count = transactionSegmentCount + 1
        transactionSegmentCount = count
        func loc() -> Location {
            var l = baseLocation(at: start, line: segLine, segmentIndex: segmentCounter)
            l.segmentID = "SE"
            return l
        }
        let (se01, se02, _) = firstElements()
        if Self.number(se01) != count {
            let v = se01.string
            finding(.ik502, "4", at: loc().at(element: 1), value: v,
                    "SE01 says \(v.isEmpty ? "nothing" : v) but the transaction set has \(count) segments (ST and SE included).")
        }
        if !closesTransaction(se02) {
            let v = se02.string
            finding(.ik502, "3", at: loc().at(element: 2), value: v,
                    "SE02 \(v) does not match ST02 \(transaction!.header.controlNumber).")
        }
        if queueHead == queue.count {
            // The transaction set closes when the next event is produced; until then its context is the location's.
            setDirectLocation(start, segLine, position: count, kind: 2)
            closeTransactionPending = true
            return .direct(.transactionEnd)
        }
        emit(.transactionEnd, segment: true, at: loc())
        transaction = nil
        transactionSegmentCount = 0
        return .queued
    }

    /// Elements 1, 2 and 3 of the current segment in one pass: the same bytes as `element(1)` … `element(3)`.
    func firstElements() -> (ElementView, ElementView, ElementView) {
        let seg = _segment
        let d = seg.delimiters
        let sep = d.element
        let n = seg.bytes.count
        guard let base = seg.bytes.baseAddress else {
            let e = ElementView(bytes: UnsafeRawBufferPointer(start: nil, count: 0), delimiters: d)
            return (e, e, e)
        }
        // Positions of the first four element separators (`n` when there are fewer).
        var c0 = n, c1 = n, c2 = n, c3 = n
        var found = 0
        var i = 0
        while i < n {
            if base.load(fromByteOffset: i, as: UInt8.self) == sep {
                if found == 0 { c0 = i } else if found == 1 { c1 = i } else if found == 2 { c2 = i } else { c3 = i; break }
                found += 1
            }
            i += 1
        }
        @inline(__always) func view(_ a: Int, _ b: Int) -> ElementView {
            a >= n ? ElementView(bytes: UnsafeRawBufferPointer(start: nil, count: 0), delimiters: d)
                : ElementView(bytes: UnsafeRawBufferPointer(start: base + a + 1, count: b - a - 1), delimiters: d)
        }
        return (view(c0, c1), view(c1, c2), view(c2, c3))
    }

    /// The value of an unsigned decimal element (at most 18 digits), or `nil`.
    static func number(_ e: ElementView) -> Int? {
        guard e.bytes.count > 0, e.bytes.count <= 18 else { return nil }
        var n = 0
        for b in e.bytes {
            guard b.isDigitASCII else { return nil }
            n = n * 10 + Int(b - 0x30)
        }
        return n
    }

    func onGS(_ location: Location) {
        var loc = location
        loc.segmentID = "GS"
        closeGroup(at: loc, before: "the next GS")
        let header = GroupHeader(functionalID: elementString(1), senderCode: elementString(2), receiverCode: elementString(3),
                                 date: elementString(4), time: elementString(5), controlNumber: elementString(6),
                                 agency: elementString(7), version: elementString(8))
        group = GroupState(header: header)
        loc.groupControlNumber = header.controlNumber
        loc.transactionControlNumber = nil
        loc.transactionSetID = nil
        loc.segmentPosition = nil
        groupCount += 1
        transactionCount = 0
        transactionControlNumbers.reset()
        if !groupControlNumbers.insert(header.controlNumber) {
            finding(.ak905, "19", at: loc.at(element: 6), value: header.controlNumber,
                    "GS06 \(header.controlNumber) is used twice in interchange \(interchange!.header.controlNumber).")
        }
        if header.controlNumber.isEmpty || header.controlNumber.utf8.count > 9 || !header.controlNumber.utf8.allSatisfy(\.isDigitASCII) {
            finding(.ak905, "6", at: loc.at(element: 6), value: header.controlNumber, "GS06 must be a number of 1 to 9 digits.")
        }
        if !DateCheck.isValidDate(header.date) || header.date.utf8.count != 8 {
            finding(.ik403, "8", at: loc.at(element: 4), value: header.date, "GS04 is not a valid CCYYMMDD date.")
        }
        if !DateCheck.isValidTime(header.time) {
            finding(.ik403, "9", at: loc.at(element: 5), value: header.time, "GS05 is not a valid time.")
        }
        emit(.groupStart(header), segment: true, at: loc)
    }

    func onGE(_ location: Location) {
        var loc = location
        loc.segmentID = "GE"
        closeTransaction(at: loc, before: "GE")
        loc.transactionControlNumber = nil
        loc.transactionSetID = nil
        loc.segmentPosition = nil
        guard let g = group else {
            finding(.ta105, "024", at: loc, "GE without a matching GS.")
            emit(.segment, segment: true, at: loc)
            return
        }
        let ge01 = elementString(1)
        let ge02 = elementString(2)
        if Int(ge02) == nil || Int(ge02) != Int(g.header.controlNumber) {
            finding(.ak905, "4", at: loc.at(element: 2), value: ge02, "GE02 \(ge02) does not match GS06 \(g.header.controlNumber).")
        }
        if Int(ge01) != transactionCount {
            finding(.ak905, "5", at: loc.at(element: 1), value: ge01,
                    "GE01 says \(ge01.isEmpty ? "nothing" : ge01) but the group holds \(transactionCount) transaction set(s).")
        }
        emit(.groupEnd, segment: true, at: loc)
        group = nil
    }

    func onIEA(_ location: Location) {
        var loc = location
        loc.segmentID = "IEA"
        closeGroup(at: loc, before: "IEA")
        loc.groupControlNumber = nil
        loc.transactionControlNumber = nil
        loc.transactionSetID = nil
        loc.segmentPosition = nil
        let ic = interchange!
        let iea01 = elementString(1)
        let iea02 = elementString(2)
        if iea02 != ic.header.controlNumber {
            finding(.ta105, "001", at: loc.at(element: 2), value: iea02,
                    "IEA02 \(iea02) does not match ISA13 \(ic.header.controlNumber).")
        }
        if Int(iea01) != groupCount {
            finding(.ta105, "021", at: loc.at(element: 1), value: iea01,
                    "IEA01 says \(iea01.isEmpty ? "nothing" : iea01) but the interchange holds \(groupCount) functional group(s).")
        }
        emit(.interchangeEnd, segment: true, at: loc)
        interchange = nil
    }

    func onTA1(_ location: Location) {
        var loc = location
        loc.segmentID = "TA1"
        if group != nil || transaction != nil {
            finding(.ta105, "024", at: loc, "A TA1 segment must come between ISA and the first GS.")
        }
        emit(.interchangeAcknowledgment, segment: true, at: loc)
    }
}
