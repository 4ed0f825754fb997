import X12

/// Converts the structural JSON form back to X12, byte for byte, streaming: it reads the JSON with a small
/// pull tokenizer and writes each segment as soon as it is read.
///
/// Annotations (`loop`, `names`) are ignored. Keys inside a segment may come in any order; inside an
/// interchange, `delimiters` (and `suffix`) must come before `isa`, and every header (`isa`, `gs`, `st`) before
/// its list. Bad structure throws a ``StructuralError`` with the line, column and byte offset.
///
/// ```swift
/// let sink = try ByteSink(path: "out.x12")
/// try StructuralJSONImporter().importX12(from: try ByteSource(path: "in.json"), to: sink)
/// try sink.close()
/// ```
public final class StructuralJSONImporter {
    /// What an import wrote.
    public struct Summary: Sendable {
        /// Segments written (raw items included).
        public var segments = 0
        /// X12 bytes written.
        public var bytesWritten = 0
    }

    private struct Context {
        var delimiters: Delimiters?
        var suffix: SegmentSuffix = .none
    }

    // Stored state is read and written on every token: one owner, one thread, so without run-time exclusivity
    // checks (`swift_beginAccess` was a quarter of a conversion).
    @exclusivity(unchecked) private var tokens: JSONTokenizer!
    @exclusivity(unchecked) private var summary = Summary()
    // Scratch buffers for one segment.
    @exclusivity(unchecked) private var lead: [UInt8] = []
    @exclusivity(unchecked) private var seg: [UInt8] = []
    @exclusivity(unchecked) private var rawBytes: [UInt8] = []
    @exclusivity(unchecked) private var elementBytes: [UInt8] = []

    /// Creates an importer.
    public init() {}

    /// `true` when the JSON that starts with `prefix` is the structural form (its first key is `format` or
    /// `interchanges`), `false` for anything else (such as model JSON Lines).
    public static func isStructural(_ prefix: [UInt8]) -> Bool {
        var i = 0
        if prefix.count >= 3, prefix[0] == 0xEF, prefix[1] == 0xBB, prefix[2] == 0xBF { i = 3 }
        func skip() { while i < prefix.count, [0x20, 0x09, 0x0A, 0x0D].contains(prefix[i]) { i += 1 } }
        skip()
        guard i < prefix.count, prefix[i] == UInt8(ascii: "{") else { return false }
        i += 1
        skip()
        guard i < prefix.count, prefix[i] == UInt8(ascii: "\"") else { return false }
        let start = i + 1
        guard let end = prefix[start...].firstIndex(of: UInt8(ascii: "\"")) else { return false }
        let key = String(decoding: prefix[start..<end], as: UTF8.self)
        return key == "format" || key == "interchanges"
    }

    /// Reads structural JSON from `source` and writes X12 to `sink` (not closed).
    ///
    /// Throws ``StructuralError`` for bad structure, ``X12IOError`` when reading or writing fails.
    @discardableResult
    public func importX12(from source: ByteSource, to sink: ByteSink) throws -> Summary {
        tokens = JSONTokenizer(source: source)
        summary = Summary()
        let start = sink.count
        guard try tokens.next() == .objectStart else {
            throw tokens.error("a structural JSON document is an object: {\"format\": \"x12gate-structural\", \"interchanges\": [...]}")
        }
        var trailing: [UInt8] = []
        var sawInterchanges = false
        while case .key = try tokens.next() {
            if isKey("format") {
                let e = try tokens.next()
                guard e == .string, tokens.text == Array("x12gate-structural".utf8) else {
                    throw tokens.error("\"format\" must be \"x12gate-structural\"")
                }
            } else if isKey("version") {
                let e = try tokens.next()
                guard e == .number, tokens.text == [UInt8(ascii: "1")] else { throw tokens.error("\"version\" must be 1") }
            } else if isKey("interchanges") {
                sawInterchanges = true
                try items(level: nil, context: nil, out: sink)
            } else if isKey("trailing") {
                trailing.removeAll()
                try readText(into: &trailing, what: "\"trailing\"")
            } else {
                throw tokens.error("unknown key \"\(keyText)\" in the document; expected format, version, interchanges, trailing")
            }
        }
        guard sawInterchanges else { throw tokens.error("the document has no \"interchanges\" list") }
        sink.append(contentsOf: trailing)
        guard try tokens.next() == .end else { throw tokens.error("unexpected content after the document") }
        try sink.maybeFlush()
        summary.bytesWritten = sink.count - start
        return summary
    }

    // MARK: Containers

    private var keyText: String { String(decoding: tokens.text, as: UTF8.self) }

    private func isKey(_ s: StaticString) -> Bool {
        let t = tokens.text
        guard t.count == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        for i in 0..<t.count where t[i] != p[i] { return false }
        return true
    }

    private func isKey(_ s: String) -> Bool { tokens.text.elementsEqual(s.utf8) }

    private func levelName(_ level: StructuralContainer?) -> String {
        guard let level else { return "the document's \"interchanges\" list" }
        return "the \"\(level.listKey)\" list of \(level == .interchange ? "an interchange" : "a \(level.xmlName)")"
    }

    /// A list of items: what may appear depends on the level (`nil`: the document).
    private func items(level: StructuralContainer?, context: Context?, out: ByteSink) throws {
        guard try tokens.next() == .arrayStart else { throw tokens.error("\(levelName(level)) must be an array") }
        while true {
            let e = try tokens.next()
            if e == .arrayEnd { return }
            guard e == .objectStart else {
                throw tokens.error("each item of \(levelName(level)) must be an object, found \(e.description)")
            }
            guard try tokens.next() == .key else { throw tokens.error("an empty object is not an item") }
            if isKey("delimiters") || isKey("suffix") || isKey("isa") {
                guard level == nil else { throw tokens.error("an interchange cannot appear inside \(levelName(level))") }
                try container(.interchange, context: Context(), out: out)
            } else if isKey("gs") {
                guard level == .interchange, let context else {
                    throw tokens.error("a functional group (\"gs\") must be inside an interchange's \"groups\" list")
                }
                try container(.group, context: context, out: out)
            } else if isKey("st") {
                guard level == .interchange || level == .group, let context else {
                    throw tokens.error("a transaction set (\"st\") must be inside a group's \"transactions\" list")
                }
                try container(.transaction, context: context, out: out)
            } else {
                try segment(context: context, out: out)
            }
            try out.maybeFlush()
        }
    }

    /// An interchange, group or transaction object whose first key has been read.
    private func container(_ kind: StructuralContainer, context: Context, out: ByteSink) throws {
        var context = context
        var headerWritten = false
        var trailer: ByteSink?
        repeat {
            if kind == .interchange && isKey("delimiters") {
                guard !headerWritten else { throw tokens.error("\"delimiters\" must come before \"isa\"") }
                context.delimiters = try readDelimiters()
            } else if kind == .interchange && isKey("suffix") {
                guard !headerWritten else { throw tokens.error("\"suffix\" must come before \"isa\"") }
                context.suffix = try readSuffix()
            } else if isKey(kind.headerKey) {
                guard context.delimiters != nil else { throw tokens.error("\"delimiters\" must come before \"isa\"") }
                guard !headerWritten else { throw tokens.error("\"\(kind.headerKey)\" appears twice") }
                guard try tokens.next() == .objectStart else { throw tokens.error("\"\(kind.headerKey)\" must be a segment object") }
                guard try tokens.next() == .key else { throw tokens.error("\"\(kind.headerKey)\" is an empty object") }
                try segment(context: context, out: out)
                headerWritten = true
            } else if isKey(kind.listKey) {
                guard headerWritten else { throw tokens.error("\"\(kind.headerKey)\" must come before \"\(kind.listKey)\"") }
                try items(level: kind, context: context, out: out)
            } else if isKey(kind.trailerKey) {
                guard headerWritten else { throw tokens.error("\"\(kind.headerKey)\" must come before \"\(kind.trailerKey)\"") }
                guard trailer == nil else { throw tokens.error("\"\(kind.trailerKey)\" appears twice") }
                guard try tokens.next() == .objectStart else { throw tokens.error("\"\(kind.trailerKey)\" must be a segment object") }
                guard try tokens.next() == .key else { throw tokens.error("\"\(kind.trailerKey)\" is an empty object") }
                let t = ByteSink()
                try segment(context: context, out: t)
                trailer = t
            } else {
                let extra = kind == .interchange ? "delimiters, suffix, " : ""
                throw tokens.error("unknown key \"\(keyText)\" in \(kind == .interchange ? "an" : "a") \(kind.xmlName); expected \(extra)\(kind.headerKey), \(kind.listKey), \(kind.trailerKey)")
            }
        } while try tokens.next() == .key
        guard headerWritten else {
            throw tokens.error("\(kind == .interchange ? "an" : "a") \(kind.xmlName) needs its \"\(kind.headerKey)\" segment")
        }
        if let trailer { out.append(contentsOf: trailer.bytes) }
    }

    // MARK: Segments

    /// A segment or raw object whose first key has been read; writes it to `out`.
    private func segment(context: Context?, out: ByteSink) throws {
        lead.removeAll(keepingCapacity: true)
        seg.removeAll(keepingCapacity: true)
        rawBytes.removeAll(keepingCapacity: true)
        var suffix = context?.suffix ?? .none
        var terminated = true
        var hasID = false
        var hasElements = false
        var isRaw = false
        var idCount = 0
        elementBytes.removeAll(keepingCapacity: true)
        repeat {
            if isKey("id") {
                guard !hasID else { throw tokens.error("\"id\" appears twice") }
                try readText(into: &seg, what: "\"id\"")
                idCount = seg.count
                hasID = true
            } else if isKey("elements") {
                guard let d = context?.delimiters else {
                    throw tokens.error("a segment must be inside an interchange, which gives the delimiters")
                }
                guard !hasElements else { throw tokens.error("\"elements\" appears twice") }
                try readElements(d, into: &elementBytes)
                hasElements = true
            } else if isKey("leading") {
                try readText(into: &lead, what: "\"leading\"")
            } else if isKey("suffix") {
                suffix = try readSuffix()
            } else if isKey("terminated") {
                guard case .bool(let b) = try tokens.next() else { throw tokens.error("\"terminated\" must be true or false") }
                terminated = b
            } else if isKey("raw") {
                try readText(into: &rawBytes, what: "\"raw\"")
                isRaw = true
            } else if isKey("loop") || isKey("names") {
                try tokens.skipValue(startingWith: try tokens.next())
            } else {
                throw tokens.error("unknown key \"\(keyText)\" in a segment; expected id, elements, leading, suffix, terminated, raw, loop, names")
            }
        } while try tokens.next() == .key
        summary.segments += 1
        if isRaw {
            guard !hasID && !hasElements else { throw tokens.error("a \"raw\" item cannot also have \"id\" or \"elements\"") }
            out.append(contentsOf: rawBytes)
            return
        }
        guard hasID, idCount > 0 else { throw tokens.error("a segment needs a non-empty \"id\" (or use \"raw\")") }
        guard let d = context?.delimiters else {
            throw tokens.error("a segment must be inside an interchange, which gives the delimiters")
        }
        out.append(contentsOf: lead)
        out.append(contentsOf: seg)
        out.append(contentsOf: elementBytes)
        if terminated { out.append(d.segment) }
        out.append(contentsOf: suffix.bytes)
    }

    /// `"elements": [...]`: each element is a string, a composite `["HC", "99213"]`, or repetitions
    /// `[["1"], ["33"]]` (the first item an array).
    private func readElements(_ d: Delimiters, into out: inout [UInt8]) throws {
        guard try tokens.next() == .arrayStart else { throw tokens.error("\"elements\" must be an array") }
        while true {
            let e = try tokens.next()
            if e == .arrayEnd { return }
            out.append(d.element)
            if e != .arrayStart {
                try appendText(e, into: &out, what: "an element")
                continue
            }
            let first = try tokens.next()
            if first == .arrayEnd { continue }
            if first == .arrayStart {
                guard let rep = d.repetition else {
                    throw tokens.error("repetitions need a repetition separator, and this interchange has none")
                }
                try readComponents(d, into: &out)
                while true {
                    let r = try tokens.next()
                    if r == .arrayEnd { break }
                    out.append(rep)
                    if r == .arrayStart { try readComponents(d, into: &out) } else { try appendText(r, into: &out, what: "a repetition") }
                }
            } else {
                try appendText(first, into: &out, what: "a component")
                try readComponentsAfterFirst(d, into: &out)
            }
        }
    }

    /// The components of an array already opened.
    private func readComponents(_ d: Delimiters, into out: inout [UInt8]) throws {
        let first = try tokens.next()
        if first == .arrayEnd { return }
        try appendText(first, into: &out, what: "a component")
        try readComponentsAfterFirst(d, into: &out)
    }

    private func readComponentsAfterFirst(_ d: Delimiters, into out: inout [UInt8]) throws {
        while true {
            let c = try tokens.next()
            if c == .arrayEnd { return }
            out.append(d.component)
            if c == .arrayStart {
                throw tokens.error("a composite holds strings only; for repetitions make every item an array: [[\"1\"], [\"33\"]]")
            }
            try appendText(c, into: &out, what: "a component")
        }
    }

    // MARK: Values

    private func readText(into out: inout [UInt8], what: String) throws {
        try appendText(try tokens.next(), into: &out, what: what)
    }

    /// A string, or `{"hex": "…"}` for bytes that are not UTF-8.
    private func appendText(_ e: JSONTokenizer.Event, into out: inout [UInt8], what: String) throws {
        if e == .string {
            out.append(contentsOf: tokens.text)
            return
        }
        guard e == .objectStart else { throw tokens.error("\(what) must be a string or {\"hex\": \"…\"}, found \(e.description)") }
        guard try tokens.next() == .key, isKey("hex") else { throw tokens.error("expected {\"hex\": \"…\"}") }
        guard try tokens.next() == .string, let bytes = StructuralText.decodeHex(tokens.text) else {
            throw tokens.error("\"hex\" must be a string of hex digit pairs")
        }
        guard try tokens.next() == .objectEnd else { throw tokens.error("{\"hex\": …} has one key only") }
        out.append(contentsOf: bytes)
    }

    private func readSuffix() throws -> SegmentSuffix {
        guard try tokens.next() == .string, let s = SegmentSuffix(rawValue: keyText) else {
            throw tokens.error("\"suffix\" must be one of \"none\", \"lf\", \"crlf\", \"cr\"")
        }
        return s
    }

    private func readDelimiters() throws -> Delimiters {
        guard try tokens.next() == .objectStart else { throw tokens.error("\"delimiters\" must be an object") }
        var element: UInt8?, component: UInt8?, segment: UInt8?
        var repetition: UInt8?
        var one: [UInt8] = []
        while try tokens.next() == .key {
            let name = keyText
            guard ["element", "component", "repetition", "segment"].contains(name) else {
                throw tokens.error("unknown delimiter \"\(name)\"; expected element, component, repetition, segment")
            }
            let e = try tokens.next()
            if e == .null && name == "repetition" { repetition = nil; continue }
            one.removeAll()
            try appendText(e, into: &one, what: "a delimiter")
            guard one.count == 1 else { throw tokens.error("the \(name) delimiter must be exactly one byte") }
            switch name {
            case "element": element = one[0]
            case "component": component = one[0]
            case "repetition": repetition = one[0]
            default: segment = one[0]
            }
        }
        guard let element, let component, let segment else {
            throw tokens.error("\"delimiters\" needs element, component and segment")
        }
        return Delimiters(element: element, component: component, repetition: repetition, segment: segment)
    }
}
