import Foundation

/// Reads `Specs/` (libxml2): checks every file against `x12spec.xsd`, then merges each guide with the
/// dictionary and segment definitions into immutable ``GuideSpec`` values.
struct SpecLoader {
    let directory: String
    let checkSchema: Bool

    func load() throws(SpecError) -> SpecLibrary {
        let schema: XMLSchema? = checkSchema ? try XMLSchema(path: directory + "/x12spec.xsd") : nil
        func open(_ path: String) throws(SpecError) -> XMLDocument {
            let doc = try XMLDocument(path: path)
            if let schema {
                let problems = doc.problems(against: schema)
                if !problems.isEmpty { throw SpecError(path: path, message: problems.prefix(5).joined(separator: "; ")) }
            }
            return doc
        }
        var base = BaseDefinitions()
        let dictPath = directory + "/dictionary.xml"
        try readDictionary(open(dictPath), into: &base)
        try readSegments(open(directory + "/segments.xml"), into: &base)

        let guidesDir = directory + "/guides"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: guidesDir)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
        var guides: [GuideSpec] = []
        for f in files {
            let path = guidesDir + "/" + f
            guides.append(try readGuide(open(path), base: base))
        }
        let envelopeFile = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasPrefix("envelope.") && $0.hasSuffix(".xml") }.sorted().last
        let envelope = try envelopeFile.map { (f) throws(SpecError) in try readEnvelope(open(directory + "/" + f), base: base) }
        return SpecLibrary(directory: directory, elements: base.elements,
                           segmentNames: base.segments.mapValues(\.name), guides: guides, envelope: envelope)
    }

    // MARK: Dictionary and segments

    private func readDictionary(_ doc: XMLDocument, into base: inout BaseDefinitions) throws(SpecError) {
        guard let root = doc.root, root.name == "dictionary" else { throw SpecError(path: doc.path, message: "root must be <dictionary>") }
        for e in root.children("element") {
            guard let id = e["id"], let name = e["name"], let t = e["type"].flatMap(ElementType.init(rawValue:)),
                  let mn = e["min"].flatMap(Int.init), let mx = e["max"].flatMap(Int.init)
            else { throw SpecError(path: doc.path, message: "line \(e.line): element needs id, name, type, min, max") }
            var codes: [String] = []
            var names: [String: String] = [:]
            for c in e.children {
                if c.name == "codes" { codes += c.text.split(whereSeparator: \.isWhitespace).map(String.init) }
                if c.name == "code", let v = c["value"] { codes.append(v); names[v] = c.text }
            }
            base.elements[id] = ElementDefinition(id: id, name: name, type: t, minLength: mn, maxLength: mx,
                                                  codes: codes.isEmpty ? nil : CodeSet(codes), codeNames: names)
        }
    }

    private func readSegments(_ doc: XMLDocument, into base: inout BaseDefinitions) throws(SpecError) {
        guard let root = doc.root, root.name == "segments" else { throw SpecError(path: doc.path, message: "root must be <segments>") }
        func element(_ ref: String?, line: Int) throws(SpecError) -> ElementDefinition {
            guard let ref, let d = base.elements[ref] else {
                throw SpecError(path: doc.path, message: "line \(line): element \(ref ?? "?") is not in dictionary.xml")
            }
            return d
        }
        for c in root.children("composite") {
            var comps: [BaseDefinitions.Component] = []
            for (i, k) in c.children("component").enumerated() {
                let pos = k["pos"].flatMap(Int.init) ?? (i + 1)
                guard pos == comps.count + 1 else { throw SpecError(path: doc.path, message: "line \(k.line): components must be numbered 1, 2, 3 …") }
                comps.append(.init(position: pos, element: try element(k["ref"], line: k.line),
                                   requirement: Requirement(rawValue: k["req"] ?? "O") ?? .optional, name: k["name"]))
            }
            let id = c["id"] ?? ""
            base.composites[id] = .init(id: id, name: c["name"] ?? id, components: comps,
                                        rules: try c.children("rule").map { (r) throws(SpecError) in try rule(r, path: doc.path) })
        }
        for s in root.children("segment") {
            let id = s["id"] ?? ""
            var elements: [BaseDefinitions.SegmentElement] = []
            for e in s.children("element") {
                let pos = e["pos"].flatMap(Int.init) ?? 0
                guard pos == elements.count + 1 else { throw SpecError(path: doc.path, message: "line \(e.line): \(id) elements must be numbered 1, 2, 3 …") }
                let req = Requirement(rawValue: e["req"] ?? "O") ?? .optional
                let repeatCount = try count(e["repeat"], default: 1, path: doc.path, line: e.line)
                if let cid = e["composite"] {
                    guard let comp = base.composites[cid] else { throw SpecError(path: doc.path, message: "line \(e.line): composite \(cid) is not defined") }
                    elements.append(.init(position: pos, element: nil, composite: comp, requirement: req, maxRepeat: repeatCount, name: e["name"]))
                } else {
                    elements.append(.init(position: pos, element: try element(e["ref"], line: e.line), composite: nil,
                                          requirement: req, maxRepeat: repeatCount, name: e["name"]))
                }
            }
            base.segments[id] = .init(id: id, name: s["name"] ?? id, elements: elements,
                                      rules: try s.children("rule").map { (r) throws(SpecError) in try rule(r, path: doc.path) })
        }
    }

    func count(_ text: String?, default d: Int, path: String, line: Int) throws(SpecError) -> Int {
        guard let text else { return d }
        if text == ">1" { return Int.max }
        guard let n = Int(text), n > 0 else { throw SpecError(path: path, message: "line \(line): bad count \(text)") }
        return n
    }

    private func rule(_ r: XMLNode, path: String) throws(SpecError) -> SyntaxRule {
        guard let kind = r["kind"].flatMap(SyntaxRule.Kind.init(rawValue:)) else {
            throw SpecError(path: path, message: "line \(r.line): unknown rule kind \(r["kind"] ?? "")")
        }
        let positions = (r["elements"] ?? "").split(separator: " ").compactMap { ElementPath(String($0))?.element }
        let when = r["when"].flatMap { ElementPath($0) }
        if (kind == .requiredWhen || kind == .notUsedWhen) && when == nil {
            throw SpecError(path: path, message: "line \(r.line): \(kind.rawValue) needs when=")
        }
        let codes = r["codes"].map { CodeSet($0.split(separator: " ").map(String.init)) }
        return SyntaxRule(kind: kind, positions: positions, when: when, codes: codes, note: r["note"])
    }

    // MARK: Guides

    private func readGuide(_ doc: XMLDocument, base: BaseDefinitions) throws(SpecError) -> GuideSpec {
        guard let root = doc.root, root.name == "guide" else { throw SpecError(path: doc.path, message: "root must be <guide>") }
        guard let select = root.children("select").first, let st01 = select["st01"], let version = select["version"] else {
            throw SpecError(path: doc.path, message: "<select st01 version gs01> is required")
        }
        var levels: [HierarchyLevel] = []
        let hierarchy = root.children("hierarchy").first
        for l in hierarchy?.children("level") ?? [] {
            levels.append(HierarchyLevel(code: l["code"] ?? "", loopID: l["loop"] ?? "",
                                         parents: (l["parents"] ?? "").split(separator: " ").map(String.init),
                                         mayHaveChildren: (l["children"] ?? "true") != "false"))
        }
        guard let tx = root.children("transaction").first else { throw SpecError(path: doc.path, message: "<transaction> is required") }
        let rootLoop = try readLoop(tx, base: base, levels: levels, path: doc.path)
        for l in levels where rootLoop.loop(id: l.loopID) == nil {
            throw SpecError(path: doc.path, message: "hierarchy level \(l.code) names loop \(l.loopID), which the guide does not define")
        }
        var id = root["id"] ?? st01
        if id.hasPrefix("g") { id.removeFirst() }
        return GuideSpec(id: id, name: root["name"] ?? id, transactionSetID: st01, version: version,
                         functionalGroupID: select["gs01"] ?? "",
                         bht02: select["bht02"].map { $0.split(separator: " ").map(String.init) },
                         hierarchyStructure: hierarchy?["structure"], levels: levels, root: rootLoop, path: doc.path)
    }

    private func readLoop(_ node: XMLNode, base: BaseDefinitions, levels: [HierarchyLevel], path: String) throws(SpecError) -> LoopSpec {
        let id = node["id"] ?? ""
        var children: [LoopSpec.Child] = []
        var together: [[String]] = []
        for c in node.children {
            switch c.name {
            case "segment": children.append(.segment(try readSegment(c, base: base, path: path)))
            case "loop": children.append(.loop(try readLoop(c, base: base, levels: levels, path: path)))
            case "together": together.append((c["members"] ?? "").split(separator: " ").map(String.init))
            default: break
            }
        }
        guard let first = children.first, case .segment = first else {
            throw SpecError(path: path, message: "line \(node.line): loop \(id) must start with a segment")
        }
        let level = levels.first { $0.loopID == id }
        let standard = node["standard"] ?? ""
        if standard.count > 4 { throw SpecError(path: path, message: "line \(node.line): standard loop ID \(standard) is longer than 4 characters (IK303)") }
        return LoopSpec(id: id, standardID: standard, name: node["name"] ?? id,
                        usage: Usage(rawValue: node["usage"] ?? "S") ?? .situational,
                        maxRepeat: try count(node["repeat"], default: 1, path: path, line: node.line),
                        children: children, together: together, isHierarchical: level != nil, levelCode: level?.code)
    }

    private func readSegment(_ node: XMLNode, base: BaseDefinitions, path: String) throws(SpecError) -> SegmentSpec {
        let tag = node["ref"] ?? ""
        guard let def = base.segments[tag] else { throw SpecError(path: path, message: "line \(node.line): segment \(tag) is not in segments.xml") }
        var overrides: [Int: XMLNode] = [:]
        for e in node.children("element") {
            guard let p = e["pos"].flatMap(Int.init), p >= 1, p <= def.elements.count else {
                throw SpecError(path: path, message: "line \(e.line): \(tag) has no element \(e["pos"] ?? "?")")
            }
            overrides[p] = e
        }
        func codes(_ text: String?, dictionary: ElementDefinition, line: Int, what: String) throws(SpecError) -> CodeSet? {
            guard let text else { return nil }
            let list = text.split(whereSeparator: \.isWhitespace).map(String.init)
            if let dict = dictionary.codes {
                for c in list where !dict.contains(c) {
                    throw SpecError(path: path, message: "line \(line): \(what) code \(c) is not in the dictionary list of element \(dictionary.id)")
                }
            }
            return CodeSet(list)
        }
        var elements: [ElementSpec] = []
        for be in def.elements {
            let o = overrides[be.position]
            let what = "\(tag)\(be.position < 10 ? "0" : "")\(be.position)"
            let usage = o?["usage"].flatMap(Usage.init(rawValue:)) ?? be.requirement.defaultUsage
            let maxRepeat = try count(o?["repeat"], default: be.maxRepeat, path: path, line: o?.line ?? 0)
            if let comp = be.composite {
                var compOverrides: [Int: XMLNode] = [:]
                for k in o?.children("component") ?? [] {
                    guard let p = k["pos"].flatMap(Int.init), p >= 1, p <= comp.components.count else {
                        throw SpecError(path: path, message: "line \(k.line): \(what) has no component \(k["pos"] ?? "?")")
                    }
                    compOverrides[p] = k
                }
                var comps: [ComponentSpec] = []
                for bc in comp.components {
                    let k = compOverrides[bc.position]
                    comps.append(ComponentSpec(
                        position: bc.position, element: bc.element,
                        usage: k?["usage"].flatMap(Usage.init(rawValue:)) ?? bc.requirement.defaultUsage,
                        guideCodes: try codes(k?["codes"], dictionary: bc.element, line: k?.line ?? 0, what: "\(what)-\(bc.position)"),
                        minLength: k?["min"].flatMap(Int.init) ?? bc.element.minLength,
                        maxLength: k?["max"].flatMap(Int.init) ?? bc.element.maxLength,
                        name: k?["name"] ?? bc.name ?? bc.element.name))
                }
                elements.append(ElementSpec(position: be.position, element: nil, compositeID: comp.id, components: comps,
                                            componentRules: comp.rules, requirement: be.requirement, usage: usage,
                                            maxRepeat: maxRepeat, guideCodes: nil, minLength: 0, maxLength: 0,
                                            name: o?["name"] ?? be.name ?? comp.name))
            } else if let el = be.element {
                elements.append(ElementSpec(position: be.position, element: el, compositeID: nil, components: [],
                                            componentRules: [], requirement: be.requirement, usage: usage, maxRepeat: maxRepeat,
                                            guideCodes: try codes(o?["codes"], dictionary: el, line: o?.line ?? 0, what: what),
                                            minLength: o?["min"].flatMap(Int.init) ?? el.minLength,
                                            maxLength: o?["max"].flatMap(Int.init) ?? el.maxLength,
                                            name: o?["name"] ?? be.name ?? el.name))
            }
        }
        var rules = def.rules
        for r in node.children("rule") { rules.append(try rule(r, path: path)) }
        var discriminator: ElementPath?
        var discriminatorCodes: CodeSet?
        if let d = node["discriminator"] {
            guard let p = ElementPath(d), p.element <= elements.count else {
                throw SpecError(path: path, message: "line \(node.line): bad discriminator \(d) on \(tag)")
            }
            let e = elements[p.element - 1]
            if let c = p.component {
                guard c <= e.components.count, let codes = e.components[c - 1].guideCodes else {
                    throw SpecError(path: path, message: "line \(node.line): discriminator \(d) on \(tag) needs codes on that component")
                }
                discriminatorCodes = codes
            } else {
                guard let codes = e.guideCodes else {
                    throw SpecError(path: path, message: "line \(node.line): discriminator \(d) on \(tag) needs codes on that element")
                }
                discriminatorCodes = codes
            }
            discriminator = p
        }
        return SegmentSpec(tag: tag, tagBytes: Array(tag.utf8), name: node["name"] ?? def.name,
                           usage: Usage(rawValue: node["usage"] ?? "S") ?? .situational,
                           maxUse: try count(node["max"], default: 1, path: path, line: node.line),
                           discriminator: discriminator, discriminatorCodes: discriminatorCodes,
                           elements: elements, rules: rules, sequence: node["seq"])
    }
}
