import X12

extension SegmentChecker {
    /// `true` when ``check(_:spec:problems:)`` would find nothing: the same checks on the spec's flattened plans,
    /// without a `String`, an array or a class reference per element. Conservative: anything unusual answers
    /// `false` and the full check runs (and reports exactly what it always did).
    /// A byte class table for ``isClean(_:spec:classes:)``: 1 for the element separator, 2 for a component or
    /// repetition separator and 4 for another control character or DEL (both send an element the long way),
    /// 0 otherwise.
    static func fillClasses(_ t: UnsafeMutablePointer<UInt8>, for d: Delimiters) {
        for c in 0..<256 { t[c] = c < 0x20 || c == 0x7F ? 4 : 0 }
        t[Int(d.component)] = 2
        if let r = d.repetition { t[Int(r)] = 2 }
        t[Int(d.element)] = 1
    }

    static func isClean(_ seg: SegmentView, spec: SegmentSpec, classes: UnsafePointer<UInt8>) -> Bool {
        let bytes = seg.bytes
        guard let base = bytes.baseAddress else { return false }
        let sep = seg.delimiters.element
        var i = 0
        while i < bytes.count && base.load(fromByteOffset: i, as: UInt8.self) != sep { i += 1 }
        return isClean(seg, spec: spec, classes: classes, idLength: i)
    }

    /// ``isClean(_:spec:classes:)`` when the length of the segment ID is known (the loop tracker found it).
    static func isClean(_ seg: SegmentView, spec: SegmentSpec, classes: UnsafePointer<UInt8>, idLength: Int) -> Bool {
        let d = seg.delimiters
        let bytes = seg.bytes
        guard let base = bytes.baseAddress else { return false }
        let n = bytes.count
        let plans = UnsafePointer(spec.plans)
        let count = spec.elementCount
        var present: UInt64 = 0
        // Skip the segment ID.
        var i = idLength
        var p = 0
        while i < n {
            // `i` is at an element separator: the element runs from i + 1 to the next separator. One pass finds
            // its end and whether it holds a repetition or component separator or a control character.
            p += 1
            let start = i + 1
            var j = start
            var flags: UInt8 = 0
            // Two bytes a step (classes are 0, 1, 2 or 4: only the separator has bit 0), then the last one.
            while true {
                if j &+ 2 <= n {
                    let c0 = classes[Int(base.load(fromByteOffset: j, as: UInt8.self))]
                    let c1 = classes[Int(base.load(fromByteOffset: j &+ 1, as: UInt8.self))]
                    if (c0 | c1) & 1 == 0 {
                        flags |= c0 | c1
                        j &+= 2
                        continue
                    }
                    if c0 != 1 {
                        flags |= c0
                        j &+= 1
                    }
                    break
                }
                if j < n {
                    let c = classes[Int(base.load(fromByteOffset: j, as: UInt8.self))]
                    if c != 1 {
                        flags |= c
                        j &+= 1
                    }
                }
                break
            }
            let odd = flags != 0
            let len = j - start
            i = j
            if len == 0 { continue }
            guard p <= count, p < 64 else { return false }
            present |= 1 << UInt64(p)
            let plan = plans + (p - 1)
            if plan.pointee.usage == .notUsed { return false }
            let e = UnsafeRawBufferPointer(start: base + start, count: len)
            if !odd {
                // The common case: a plain simple value (a composite with one component goes the long way).
                if plan.pointee.isPlainText {
                    if len < plan.pointee.minLength || len > plan.pointee.maxLength { return false }
                } else if plan.pointee.isCodedText {
                    // `plainIsClean` for a coded AN/ID/B value, without the call.
                    if len < plan.pointee.minLength || len > plan.pointee.maxLength { return false }
                    if plan.pointee.guideCodes.isPresent {
                        if !plan.pointee.guideCodes.contains(e) { return false }
                    } else if !plan.pointee.dictionaryCodes.contains(e) {
                        return false
                    }
                } else if plan.pointee.isComposite {
                    if !valueIsClean(e, plan: plan, spec: spec, position: p, d: d, noControl: true) { return false }
                } else if plan.pointee.hasDefinition && !plainIsClean(e, plan: plan) {
                    return false
                }
            } else if let r = d.repetition, contains(e, r) {
                guard plan.pointee.maxRepeat > 1 else { return false }
                var index = 0
                var s = 0
                var k = 0
                while k <= len {
                    if k == len || e[k] == r {
                        index += 1
                        if index > plan.pointee.maxRepeat || k == s { return false }
                        let part = UnsafeRawBufferPointer(start: base + start + s, count: k - s)
                        if !valueIsClean(part, plan: plan, spec: spec, position: p, d: d, noControl: flags & 4 == 0) { return false }
                        s = k + 1
                    }
                    k += 1
                }
            } else if !valueIsClean(e, plan: plan, spec: spec, position: p, d: d, noControl: flags & 4 == 0) {
                return false
            }
        }
        if spec.hasFarRequired || present & spec.requiredMask != spec.requiredMask { return false }
        var q = 0
        while q < spec.datePairCount {
            if !datePairIsClean(seg, spec.datePairs[q]) { return false }
            q += 1
        }
        var k = 0
        while k < spec.ruleCount {
            let rule = spec.rulePlans + k
            if rule.pointee.decidable {
                if !rule.pointee.holds(present) { return false }
            } else if !undecidedRuleHolds(spec.rules[k], seg: seg, present: present) {
                return false
            }
            k += 1
        }
        return true
    }

    private static func undecidedRuleHolds(_ r: SyntaxRule, seg: SegmentView, present: UInt64) -> Bool {
        let isPresent: (Int) -> Bool = { $0 < 64 && present & (1 << UInt64($0)) != 0 }
        let value: (ElementPath) -> UnsafeRawBufferPointer? = { path in
            var e = seg.element(path.element)
            if let c = path.component { e = e.component(c) }
            return e.isEmpty ? nil : e.bytes
        }
        return violated(r, present: isPresent, value: value) == nil
    }

    /// Mirrors `checkSimple` for a value known to hold no separator and no control character.
    @inline(__always)
    private static func plainIsClean(_ b: UnsafeRawBufferPointer, plan: UnsafePointer<ValuePlan>) -> Bool {
        switch plan.pointee.type {
        case .an, .id, .b:
            let length = b.count
            if plan.pointee.guideCodes.isPresent {
                guard plan.pointee.guideCodes.contains(b) else { return false }
            } else if plan.pointee.dictionaryCodes.isPresent {
                guard plan.pointee.dictionaryCodes.contains(b) else { return false }
            }
            return length >= plan.pointee.minLength && length <= plan.pointee.maxLength
        default:
            return simpleIsClean(b, plan: plan)
        }
    }

    @inline(__always)
    private static func contains(_ b: UnsafeRawBufferPointer, _ x: UInt8) -> Bool {
        for c in b where c == x { return true }
        return false
    }

    /// `noControl`: `b` holds no control character or DEL other than a separator (so a component needs no
    /// control-character check and a plain or coded text component is checked inline).
    private static func valueIsClean(_ b: UnsafeRawBufferPointer, plan: UnsafePointer<ValuePlan>, spec: SegmentSpec, position p: Int, d: Delimiters,
                                     noControl: Bool) -> Bool {
        let cs = d.component
        if plan.pointee.isComposite {
            guard let comps = plan.pointee.components else { return false }
            let ccount = plan.pointee.componentCount
            var cpresent: UInt64 = 0
            var c = 0
            var s = 0
            var k = 0
            let len = b.count
            while k <= len {
                if k == len || b[k] == cs {
                    c += 1
                    if c > ccount || c >= 64 { return false }
                    if k > s {
                        cpresent |= 1 << UInt64(c)
                        let cp = comps + (c - 1)
                        if cp.pointee.usage == .notUsed { return false }
                        let part = UnsafeRawBufferPointer(rebasing: b[s..<k])
                        if noControl && cp.pointee.isPlainText {
                            if part.count < cp.pointee.minLength || part.count > cp.pointee.maxLength { return false }
                        } else if noControl && cp.pointee.isCodedText {
                            if part.count < cp.pointee.minLength || part.count > cp.pointee.maxLength { return false }
                            if cp.pointee.guideCodes.isPresent {
                                if !cp.pointee.guideCodes.contains(part) { return false }
                            } else if !cp.pointee.dictionaryCodes.contains(part) {
                                return false
                            }
                        } else if !simpleIsClean(part, plan: cp) {
                            return false
                        }
                    }
                    s = k + 1
                }
                k += 1
            }
            if plan.pointee.farRequiredComponent || cpresent & plan.pointee.requiredComponents != plan.pointee.requiredComponents { return false }
            if plan.pointee.componentRuleCount > 0 {
                if plan.pointee.componentRulesDecidable, let rules = plan.pointee.componentRules {
                    for r in 0..<plan.pointee.componentRuleCount where !rules[r].holds(cpresent) { return false }
                } else {
                    for rule in spec.elements[p - 1].componentRules {
                        if violated(rule, present: { cpresent & (1 << UInt64($0)) != 0 }, value: { _ in nil }) != nil { return false }
                    }
                }
            }
            return true
        }
        if contains(b, cs) { return false }
        guard plan.pointee.hasDefinition else { return true }
        return simpleIsClean(b, plan: plan)
    }

    /// Mirrors `checkSimple`: `true` when it would report nothing.
    private static func simpleIsClean(_ b: UnsafeRawBufferPointer, plan: UnsafePointer<ValuePlan>) -> Bool {
        var length = b.count
        let min = plan.pointee.minLength
        let max = plan.pointee.maxLength
        switch plan.pointee.type {
        case .dt:
            return ByteChecks.date(b, count: b.count) != nil && !(b.count != max && max >= 6)
        case .tm:
            return ByteChecks.isTime(b) && b.count >= min && b.count <= max
        case .n0, .n1, .n2:
            guard let n = ByteChecks.integerDigits(b) else { return false }
            length = n
        case .r:
            guard let n = ByteChecks.decimalDigits(b) else { return false }
            length = n
        case .an, .id:
            if ByteChecks.hasControlCharacter(b) { return false }
        case .b:
            break
        }
        if plan.pointee.guideCodes.isPresent {
            guard plan.pointee.guideCodes.contains(b) else { return false }
        } else if plan.pointee.dictionaryCodes.isPresent {
            guard plan.pointee.dictionaryCodes.contains(b) else { return false }
        }
        return length >= min && length <= max
    }

    /// Mirrors `checkDateQualifiers` for one pair.
    private static func datePairIsClean(_ seg: SegmentView, _ p: Int) -> Bool {
        let q = seg.element(p)
        let v = seg.element(p + 1).bytes
        guard v.count > 0 else { return true }
        if q.equals("D8") {
            return v.count == 8 && ByteChecks.date(v, count: 8) != nil
        } else if q.equals("RD8") {
            guard v.count == 17, v[8] == UInt8(ascii: "-"),
                  let a = ByteChecks.date(v, from: 0, count: 8), let b = ByteChecks.date(v, from: 9, count: 8) else { return false }
            return a <= b
        }
        return true
    }
}
