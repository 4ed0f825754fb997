import X12

extension SpecLoader {
    /// Reads an `<envelope>` file (`Specs/envelope.00501.xml`) against the dictionary and segment definitions:
    /// every element must exist in the segment, every envelope code in the dictionary's list.
    func readEnvelope(_ doc: XMLDocument, base: BaseDefinitions) throws(SpecError) -> EnvelopeSpec {
        guard let root = doc.root, root.name == "envelope" else { throw SpecError(path: doc.path, message: "root must be <envelope>") }
        func words(_ s: String?) -> [String]? { s.map { $0.split(separator: " ").map(String.init) } }
        var segments: [EnvelopeSegmentSpec] = []
        for s in root.children("segment") {
            let id = s["ref"] ?? ""
            guard let def = base.segments[id] else { throw SpecError(path: doc.path, message: "line \(s.line): segment \(id) is not in segments.xml") }
            guard let level = s["level"].flatMap(EnvelopeSegmentSpec.Level.init(rawValue:)),
                  let usage = s["usage"].flatMap(Usage.init(rawValue:)) else {
                throw SpecError(path: doc.path, message: "line \(s.line): \(id) needs level and usage")
            }
            let maxUse = try count(s["max"], default: 1, path: doc.path, line: s.line)
            var elements: [EnvelopeElementSpec] = []
            for e in s.children("element") {
                let pos = e["pos"].flatMap(Int.init) ?? 0
                guard pos >= 1, pos <= def.elements.count, let definition = def.elements[pos - 1].element else {
                    throw SpecError(path: doc.path, message: "line \(e.line): \(id) has no simple element at position \(pos)")
                }
                let codes = words(e["codes"])
                if let codes, let known = definition.codes, let unknown = codes.first(where: { !known.contains($0) }) {
                    throw SpecError(path: doc.path, message: "line \(e.line): code \(unknown) of \(id)\(pos) is not in dictionary.xml (\(definition.id))")
                }
                elements.append(EnvelopeElementSpec(position: pos, definition: definition, codes: codes.map { CodeSet($0) },
                                                    noteCode: e["ta105"], name: e["name"] ?? definition.name))
            }
            var rules: [EnvelopeConsistencyRule] = []
            for r in s.children("consistency") {
                guard let element = r["element"].flatMap(Int.init), let when = r["when"].flatMap(Int.init),
                      let whenCodes = words(r["whenCodes"]), let code = r["ta105"], let note = r["note"],
                      element <= def.elements.count, when <= def.elements.count,
                      r["codes"] != nil || r["excludedCodes"] != nil else {
                    throw SpecError(path: doc.path, message: "line \(r.line): consistency needs element, when, whenCodes, codes or excludedCodes, ta105, note")
                }
                rules.append(EnvelopeConsistencyRule(element: element, when: when, whenCodes: whenCodes, codes: words(r["codes"]),
                                                     excludedCodes: words(r["excludedCodes"]), noteCode: code, note: note))
            }
            segments.append(EnvelopeSegmentSpec(id: id, level: level, usage: usage, maxUse: maxUse, name: s["name"] ?? def.name,
                                                elements: elements, consistency: rules))
        }
        var agreements: [EnvelopeAgreement] = []
        for a in root.children("agreement") {
            guard let code = a["code"].flatMap(FindingCode.init(string:)), let sample = a["sample"], let note = a["note"] else {
                throw SpecError(path: doc.path, message: "line \(a.line): agreement needs code, sample, note")
            }
            agreements.append(EnvelopeAgreement(code: code, sample: sample, note: note))
        }
        return EnvelopeSpec(id: root["id"] ?? "", version: root["version"] ?? "", name: root["name"] ?? "",
                            segments: segments, agreements: agreements)
    }
}
