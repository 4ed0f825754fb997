import X12

/// Checks the elements of one segment against its ``SegmentSpec`` (SNIP types 1–2): requirement and usage,
/// type, length, code values (`7` vs `I6`), dates and times, date ranges, repetitions, composite structure and
/// syntax rules. Works on bytes; a `String` is made only for a finding.
struct SegmentChecker {
    /// One problem: IK403 code, element, component, repetition, bad value, sentence.
    struct Problem {
        var code: String
        var element: Int
        var component: Int?
        var repetition: Int?
        var value: String?
        var message: String

        init(_ code: String, _ element: Int, _ component: Int?, _ repetition: Int?, _ value: UnsafeRawBufferPointer?, _ message: String) {
            self.code = code
            self.element = element
            self.component = component
            self.repetition = repetition
            self.value = value.map { String(decoding: $0, as: UTF8.self) }
            self.message = message
        }
    }

    static func check(_ seg: SegmentView, spec: SegmentSpec, problems: inout [Problem]) {
        let d = seg.delimiters
        var present: UInt64 = 0
        var extraReported = false
        seg.forEachElement { p, e in
            guard let es = spec.element(p) else {
                if !e.isEmpty && !extraReported {
                    extraReported = true
                    problems.append(Problem("3", p, nil, nil, e.bytes, "\(spec.tag) has \(spec.elements.count) elements; element \(p) is one too many."))
                }
                return
            }
            if e.isEmpty { return }
            if p < 64 { present |= 1 << UInt64(p) }
            if es.usage == .notUsed {
                problems.append(Problem("I10", p, nil, nil, e.bytes, "\(name(spec, p)) (\(es.name)) is not used by this guide."))
                return
            }
            if let r = d.repetition, e.contains(r) {
                if es.maxRepeat <= 1 {
                    problems.append(Problem("6", p, nil, nil, e.bytes, "\(name(spec, p)) (\(es.name)) does not repeat, but holds the repetition separator."))
                    return
                }
                var index = 0
                var start = 0
                let b = e.bytes
                var i = 0
                while i <= b.count {
                    if i == b.count || b[i] == r {
                        index += 1
                        let part = ElementView(bytes: UnsafeRawBufferPointer(rebasing: b[start..<i]), delimiters: d)
                        if index == es.maxRepeat + 1 {
                            problems.append(Problem("12", p, nil, index, nil, "\(name(spec, p)) (\(es.name)) repeats more than \(es.maxRepeat) times."))
                        }
                        if part.isEmpty {
                            problems.append(Problem("1", p, nil, index, nil, "Repetition \(index) of \(name(spec, p)) (\(es.name)) is empty."))
                        } else {
                            checkValue(part, es: es, spec: spec, position: p, repetition: index, problems: &problems)
                        }
                        start = i + 1
                    }
                    i += 1
                }
            } else {
                checkValue(e, es: es, spec: spec, position: p, repetition: nil, problems: &problems)
            }
        }
        for es in spec.elements where es.usage == .required {
            let bit: UInt64 = es.position < 64 ? 1 << UInt64(es.position) : 0
            if present & bit == 0 {
                problems.append(Problem("1", es.position, nil, nil, nil, "Required element \(name(spec, es.position)) (\(es.name)) is missing."))
            }
        }
        checkDateQualifiers(seg, spec: spec, problems: &problems)
        for rule in spec.rules { checkRule(rule, seg: seg, spec: spec, present: present, problems: &problems) }
    }

    static func name(_ spec: SegmentSpec, _ p: Int) -> String { "\(spec.tag)\(p < 10 ? "0" : "")\(p)" }

    private static func checkValue(_ e: ElementView, es: ElementSpec, spec: SegmentSpec, position p: Int, repetition: Int?, problems: inout [Problem]) {
        let d = e.delimiters
        if es.isComposite {
            var cpresent: UInt64 = 0
            var c = 0
            var start = 0
            let b = e.bytes
            var i = 0
            while i <= b.count {
                if i == b.count || b[i] == d.component {
                    c += 1
                    let part = UnsafeRawBufferPointer(rebasing: b[start..<i])
                    if c > es.components.count {
                        problems.append(Problem("13", p, c, repetition, e.bytes, "\(name(spec, p)) (\(es.name)) has more than \(es.components.count) components."))
                        break
                    }
                    let cs = es.components[c - 1]
                    if part.count > 0 {
                        if c < 64 { cpresent |= 1 << UInt64(c) }
                        if cs.usage == .notUsed {
                            problems.append(Problem("I10", p, c, repetition, part, "\(name(spec, p))-\(c) (\(cs.name)) is not used by this guide."))
                        } else {
                            checkSimple(part, def: cs.element, guideCodes: cs.guideCodes, min: cs.minLength, max: cs.maxLength,
                                        label: "\(name(spec, p))-\(c) (\(cs.name))", element: p, component: c, repetition: repetition, problems: &problems)
                        }
                    }
                    start = i + 1
                }
                i += 1
            }
            for cs in es.components where cs.usage == .required {
                if cpresent & (1 << UInt64(cs.position)) == 0 {
                    problems.append(Problem("1", p, cs.position, repetition, nil, "Required component \(name(spec, p))-\(cs.position) (\(cs.name)) is missing."))
                }
            }
            for rule in es.componentRules {
                if let v = violated(rule, present: { cpresent & (1 << UInt64($0)) != 0 }, value: { _ in nil }) {
                    problems.append(Problem(rule.violationCode, p, v, repetition, nil, ruleMessage(rule, label: "\(name(spec, p))-", culprit: v)))
                }
            }
            return
        }
        if e.contains(d.component) {
            problems.append(Problem("6", p, nil, repetition, e.bytes, "\(name(spec, p)) (\(es.name)) is not a composite, but holds the component separator."))
            return
        }
        guard let def = es.element else { return }
        checkSimple(e.bytes, def: def, guideCodes: es.guideCodes, min: es.minLength, max: es.maxLength,
                    label: "\(name(spec, p)) (\(es.name))", element: p, component: nil, repetition: repetition, problems: &problems)
    }

    private static func checkSimple(_ b: UnsafeRawBufferPointer, def: ElementDefinition, guideCodes: CodeSet?, min: Int, max: Int,
                                    label: @autoclosure () -> String, element: Int, component: Int?, repetition: Int?, problems: inout [Problem]) {
        var length = b.count
        switch def.type {
        case .dt:
            if ByteChecks.date(b, count: b.count) == nil || (b.count != max && max >= 6) {
                problems.append(Problem("8", element, component, repetition, b, "\(label()) is not a valid date (\(max == 6 ? "YYMMDD" : "CCYYMMDD"))."))
            }
            return
        case .tm:
            if !ByteChecks.isTime(b) || b.count < min || b.count > max {
                problems.append(Problem("9", element, component, repetition, b, "\(label()) is not a valid time (HHMM, HHMMSS, HHMMSSD or HHMMSSDD)."))
            }
            return
        case .n0, .n1, .n2:
            guard let n = ByteChecks.integerDigits(b) else {
                problems.append(Problem("6", element, component, repetition, b, "\(label()) must be a whole number (digits only)."))
                return
            }
            length = n
        case .r:
            guard let n = ByteChecks.decimalDigits(b) else {
                problems.append(Problem("6", element, component, repetition, b, "\(label()) must be a decimal number."))
                return
            }
            length = n
        case .an, .id, .b:
            if def.type != .b && ByteChecks.hasControlCharacter(b) {
                problems.append(Problem("6", element, component, repetition, b, "\(label()) holds a control character."))
                return
            }
        }
        if let g = guideCodes {
            if !g.contains(b) {
                if let dict = def.codes, !dict.contains(b) {
                    problems.append(Problem("7", element, component, repetition, b, "\(label()): this is not a valid code."))
                } else {
                    problems.append(Problem("I6", element, component, repetition, b, "\(label()): this code is valid X12 but not used by this guide (allowed: \(g.values.prefix(12).joined(separator: ", "))\(g.count > 12 ? ", …" : ""))."))
                }
                return
            }
        } else if let dict = def.codes, !dict.contains(b) {
            problems.append(Problem("7", element, component, repetition, b, "\(label()): this is not a valid code."))
            return
        }
        if length < min {
            problems.append(Problem("4", element, component, repetition, b, "\(label()) is too short (at least \(min))."))
        } else if length > max {
            problems.append(Problem("5", element, component, repetition, b, "\(label()) is too long (at most \(max))."))
        }
    }

    /// A `1250` format qualifier followed by a `1251` value: `D8` must be a real date, `RD8` two real dates in order.
    private static func checkDateQualifiers(_ seg: SegmentView, spec: SegmentSpec, problems: inout [Problem]) {
        var p = 1
        while p < spec.elements.count {
            if spec.elements[p - 1].element?.id == "1250", spec.elements[p].element?.id == "1251" {
                let q = seg.element(p)
                let v = seg.element(p + 1).bytes
                if v.count > 0 {
                    if q.equals("D8") {
                        if v.count != 8 || ByteChecks.date(v, count: 8) == nil {
                            problems.append(Problem("8", p + 1, nil, nil, v, "\(name(spec, p + 1)) is not a valid CCYYMMDD date (format D8)."))
                        }
                    } else if q.equals("RD8") {
                        if v.count != 17 || v[8] != UInt8(ascii: "-") {
                            problems.append(Problem("8", p + 1, nil, nil, v, "\(name(spec, p + 1)) must be a range CCYYMMDD-CCYYMMDD (format RD8)."))
                        } else if let a = ByteChecks.date(v, from: 0, count: 8), let b = ByteChecks.date(v, from: 9, count: 8) {
                            if a > b { problems.append(Problem("8", p + 1, nil, nil, v, "\(name(spec, p + 1)): the range ends before it begins.")) }
                        } else {
                            problems.append(Problem("8", p + 1, nil, nil, v, "\(name(spec, p + 1)) holds a date that does not exist (format RD8)."))
                        }
                    }
                }
                p += 2
            } else {
                p += 1
            }
        }
    }

    private static func checkRule(_ rule: SyntaxRule, seg: SegmentView, spec: SegmentSpec, present: UInt64, problems: inout [Problem]) {
        let isPresent: (Int) -> Bool = { $0 < 64 && present & (1 << UInt64($0)) != 0 }
        let value: (ElementPath) -> UnsafeRawBufferPointer? = { path in
            var e = seg.element(path.element)
            if let c = path.component { e = e.component(c) }
            return e.isEmpty ? nil : e.bytes
        }
        if let culprit = violated(rule, present: isPresent, value: value) {
            problems.append(Problem(rule.violationCode, culprit, nil, nil, nil, ruleMessage(rule, label: spec.tag, culprit: culprit)))
        }
    }

    /// The position to report when `rule` is broken, or `nil` when it holds.
    static func violated(_ rule: SyntaxRule, present: (Int) -> Bool, value: (ElementPath) -> UnsafeRawBufferPointer?) -> Int? {
        let ps = rule.positions
        guard let first = ps.first else { return nil }
        switch rule.kind {
        case .paired:
            let n = ps.filter(present).count
            if n > 0 && n < ps.count { return ps.first { !present($0) } }
        case .required:
            if !ps.contains(where: present) { return first }
        case .exclusion:
            let seen = ps.filter(present)
            if seen.count > 1 { return seen[1] }
        case .conditional:
            if present(first), let missing = ps.dropFirst().first(where: { !present($0) }) { return missing }
        case .listConditional:
            if present(first), ps.count > 1, !ps.dropFirst().contains(where: present) { return ps[1] }
        case .requiredWhen, .notUsedWhen:
            guard let w = rule.when, let v = value(w) else { return nil }
            if let codes = rule.codes, !codes.contains(v) { return nil }
            if rule.kind == .requiredWhen { return ps.first { !present($0) } }
            return ps.first(where: present)
        }
        return nil
    }

    static func ruleMessage(_ rule: SyntaxRule, label: String, culprit: Int) -> String {
        func n(_ p: Int) -> String { "\(label)\(label.hasSuffix("-") ? "" : (p < 10 ? "0" : ""))\(p)" }
        let list = rule.positions.map(n).joined(separator: ", ")
        if let note = rule.note { return "\(n(culprit)): \(note)" }
        switch rule.kind {
        case .paired: return "\(list) must be sent together or not at all; \(n(culprit)) is missing."
        case .required: return "At least one of \(list) is required."
        case .exclusion: return "Only one of \(list) may be sent; \(n(culprit)) is one too many."
        case .conditional: return "When \(n(rule.positions[0])) is sent, \(list.split(separator: ",").dropFirst().joined(separator: ",")) must be sent too; \(n(culprit)) is missing."
        case .listConditional: return "When \(n(rule.positions[0])) is sent, at least one of the others (\(list)) must be sent."
        case .requiredWhen: return "\(n(culprit)) is required here (when \(rule.when.map { n($0.element) } ?? "?")\(rule.codes.map { " is " + $0.values.joined(separator: "/") } ?? " is sent"))."
        case .notUsedWhen: return "\(n(culprit)) must not be sent here (when \(rule.when.map { n($0.element) } ?? "?")\(rule.codes.map { " is " + $0.values.joined(separator: "/") } ?? " is sent"))."
        }
    }
}
