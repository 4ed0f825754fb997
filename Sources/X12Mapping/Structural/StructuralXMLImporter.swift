#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibXML2
import X12

/// Converts the structural XML form back to X12, byte for byte, streaming with libxml2's `xmlTextReader`.
///
/// `<interchange>` carries the delimiters; `<group>` and `<transaction>` only nest; `<segment>` children are
/// written in document order. Annotations (`loop`, `name`) are ignored. Bad structure throws a
/// ``StructuralError`` with the line and column.
///
/// ```swift
/// let sink = try ByteSink(path: "out.x12")
/// try StructuralXMLImporter().importX12(from: try ByteSource(path: "in.xml"), to: sink)
/// try sink.close()
/// ```
public final class StructuralXMLImporter {
    /// What an import wrote.
    public struct Summary: Sendable {
        /// Segments written (raw items included).
        public var segments = 0
        /// X12 bytes written.
        public var bytesWritten = 0
    }

    /// Carries the source and the first problem through libxml2's C callbacks.
    private final class Box {
        let source: ByteSource
        var ioError: Error?
        var parseMessage: String?
        var parseLine: Int?
        init(source: ByteSource) { self.source = source }
    }

    private enum NodeType: Int32 {
        case element = 1, text = 3, cdata = 4, comment = 8, whitespace = 13, significantWhitespace = 14, endElement = 15
    }

    // Stored state is read and written on every token: one owner, one thread, so without run-time exclusivity
    // checks (`swift_beginAccess` was a quarter of a conversion).
    @exclusivity(unchecked) private var reader: xmlTextReaderPtr?
    @exclusivity(unchecked) private var box: Box!
    @exclusivity(unchecked) private var name = "input"
    @exclusivity(unchecked) private var summary = Summary()
    @exclusivity(unchecked) private var seg: [UInt8] = []
    @exclusivity(unchecked) private var text: [UInt8] = []

    /// Creates an importer.
    public init() {}

    /// Reads structural XML from `source` and writes X12 to `sink` (not closed).
    ///
    /// Throws ``StructuralError`` for bad structure or XML that is not well formed, ``X12IOError`` when reading or
    /// writing fails.
    @discardableResult
    public func importX12(from source: ByteSource, to sink: ByteSink) throws -> Summary {
        name = source.name
        summary = Summary()
        let box = Box(source: source)
        self.box = box
        let context = Unmanaged.passUnretained(box).toOpaque()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue)
        guard let r = xmlReaderForIO({ ctx, buffer, length in
            let box = Unmanaged<Box>.fromOpaque(ctx!).takeUnretainedValue()
            do {
                return Int32(try box.source.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
            } catch {
                box.ioError = error
                return -1
            }
        }, nil, context, source.name, nil, options) else {
            throw StructuralError(input: name, message: "libxml2 could not create a reader")
        }
        reader = r
        defer { xmlFreeTextReader(r); reader = nil; self.box = nil }
        xmlTextReaderSetErrorHandler(r, { arg, message, severity, locator in
            let box = Unmanaged<Box>.fromOpaque(arg!).takeUnretainedValue()
            guard box.parseMessage == nil, severity.rawValue == 2 || severity.rawValue == 4 else { return }
            var m = message.map { String(cString: $0) } ?? "not well-formed XML"
            while m.last == "\n" || m.last == " " { m.removeLast() }
            box.parseMessage = m
            if let locator { box.parseLine = Int(xmlTextReaderLocatorLineNumber(locator)) }
        }, context)

        let start = sink.count
        guard try nextNode() == .element, nameIs("x12") else { throw error("the root element must be <x12>") }
        if !isEmpty {
            try children(of: "x12") { tag in
                switch tag {
                case "interchange": try self.interchange(out: sink)
                case "raw", "trailing": try self.textElement(into: sink)
                default: throw self.error("<\(tag)> cannot appear in <x12>; expected <interchange>, <raw> or <trailing>")
                }
            }
        }
        // Drain to the end so that errors after the root are reported.
        while try nextNode() != nil {}
        try sink.maybeFlush()
        summary.bytesWritten = sink.count - start
        return summary
    }

    // MARK: Nodes

    /// Advances to the next node that matters (comments and white space between elements are skipped by
    /// callers); `nil` at the end of the document.
    private func nextNode() throws -> NodeType? {
        while true {
            let status = xmlTextReaderRead(reader)
            if status < 0 {
                if let e = box.ioError { throw e }
                throw StructuralError(input: name, line: box.parseLine ?? Int(xmlTextReaderGetParserLineNumber(reader)),
                                      column: Int(xmlTextReaderGetParserColumnNumber(reader)),
                                      message: box.parseMessage ?? "the XML is not well formed")
            }
            if status == 0 { return nil }
            if let t = NodeType(rawValue: xmlTextReaderNodeType(reader)) { return t }
        }
    }

    private func error(_ message: String) -> StructuralError {
        StructuralError(input: name, line: Int(xmlTextReaderGetParserLineNumber(reader)),
                        column: Int(xmlTextReaderGetParserColumnNumber(reader)), message: message)
    }

    private var isEmpty: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    private var localName: String {
        guard let p = xmlTextReaderConstLocalName(reader) else { return "" }
        return String(cString: p)
    }

    private func nameIs(_ s: StaticString) -> Bool {
        guard let p = xmlTextReaderConstLocalName(reader) else { return false }
        let q = s.utf8Start
        var i = 0
        while i < s.utf8CodeUnitCount {
            if p[i] != q[i] { return false }
            i += 1
        }
        return p[i] == 0
    }

    private func appendValue(into out: inout [UInt8]) {
        guard let v = xmlTextReaderConstValue(reader) else { return }
        out.append(contentsOf: UnsafeBufferPointer(start: v, count: strlen(UnsafeRawPointer(v).assumingMemoryBound(to: CChar.self))))
    }

    private func isBlank(_ bytes: [UInt8]) -> Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } }

    /// Calls `body` with the name of each child element of the current (non-empty) element, up to its end.
    /// Text other than white space between children is an error.
    private func children(of parent: String, _ body: (String) throws -> Void) throws {
        while let t = try nextNode() {
            switch t {
            case .element: try body(localName)
            case .endElement: return
            case .whitespace, .significantWhitespace, .comment: continue
            case .text, .cdata:
                var v: [UInt8] = []
                appendValue(into: &v)
                if !isBlank(v) { throw error("text is not allowed directly inside <\(parent)>") }
            }
        }
        throw error("the document ends inside <\(parent)>")
    }

    /// The attributes of the current element, as (name, value bytes).
    private func attributes() -> [(String, [UInt8])] {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return [] }
        var out: [(String, [UInt8])] = []
        var ok = xmlTextReaderMoveToFirstAttribute(reader)
        while ok == 1 {
            var v: [UInt8] = []
            appendValue(into: &v)
            out.append((localName, v))
            ok = xmlTextReaderMoveToNextAttribute(reader)
        }
        xmlTextReaderMoveToElement(reader)
        return out
    }

    /// The value of `key`, or of `key-hex` decoded.
    private func attribute(_ key: String, in attrs: [(String, [UInt8])]) throws -> [UInt8]? {
        for (k, v) in attrs {
            if k == key { return v }
            if k == key + "-hex" {
                guard let b = StructuralText.decodeHex(v) else { throw error("\(k) must be hex digit pairs") }
                return b
            }
        }
        return nil
    }

    /// The attributes a `<e>` may have, and those of `<c>`, `<raw>` and `<trailing>` (made once).
    private static let hexOrName = ["hex", "name"]
    private static let hexOnly = ["hex"]

    private func checkKnown(_ attrs: [(String, [UInt8])], _ allowed: [String], on tag: String) throws {
        for (k, _) in attrs where !allowed.contains(k) && !(k.hasSuffix("-hex") && allowed.contains(String(k.dropLast(4)))) {
            throw error("unknown attribute \(k)=\"…\" on <\(tag)>; expected \(allowed.joined(separator: ", "))")
        }
    }

    // MARK: Structure

    private func interchange(out: ByteSink) throws {
        let attrs = attributes()
        try checkKnown(attrs, ["element", "component", "repetition", "segment", "suffix"], on: "interchange")
        func one(_ k: String, required: Bool) throws -> UInt8? {
            guard let v = try attribute(k, in: attrs) else {
                if required { throw error("<interchange> needs the \(k)=\"…\" delimiter attribute") }
                return nil
            }
            guard v.count == 1 else { throw error("the \(k) delimiter must be exactly one byte") }
            return v[0]
        }
        let d = Delimiters(element: try one("element", required: true)!, component: try one("component", required: true)!,
                           repetition: try one("repetition", required: false), segment: try one("segment", required: true)!)
        let suffix = try suffixValue(attrs) ?? .none
        guard !isEmpty else { return }
        try children(of: "interchange") { tag in
            switch tag {
            case "segment": try self.segment(d, suffix, out: out)
            case "raw": try self.textElement(into: out)
            case "group": try self.nested(.group, d, suffix, out: out)
            case "transaction": try self.nested(.transaction, d, suffix, out: out)
            default: throw self.error("<\(tag)> cannot appear in <interchange>; expected <segment>, <group>, <transaction> or <raw>")
            }
            try out.maybeFlush()
        }
    }

    private func nested(_ kind: StructuralContainer, _ d: Delimiters, _ suffix: SegmentSuffix, out: ByteSink) throws {
        try checkKnown(attributes(), [], on: kind.xmlName)
        guard !isEmpty else { return }
        try children(of: kind.xmlName) { tag in
            switch tag {
            case "segment": try self.segment(d, suffix, out: out)
            case "raw": try self.textElement(into: out)
            case "transaction" where kind == .group: try self.nested(.transaction, d, suffix, out: out)
            default:
                throw self.error("<\(tag)> cannot appear in <\(kind.xmlName)>; expected <segment>\(kind == .group ? ", <transaction>" : "") or <raw>")
            }
            try out.maybeFlush()
        }
    }

    private func suffixValue(_ attrs: [(String, [UInt8])]) throws -> SegmentSuffix? {
        guard let v = try attribute("suffix", in: attrs) else { return nil }
        guard let s = SegmentSuffix(rawValue: String(decoding: v, as: UTF8.self)) else {
            throw error("suffix must be one of none, lf, crlf, cr")
        }
        return s
    }

    /// `<segment id="NM1" [leading=…] [suffix=…] [terminated="false"]><e>…</e>…</segment>`.
    private func segment(_ d: Delimiters, _ defaultSuffix: SegmentSuffix, out: ByteSink) throws {
        let attrs = attributes()
        try checkKnown(attrs, ["id", "loop", "leading", "suffix", "terminated"], on: "segment")
        guard let id = try attribute("id", in: attrs), !id.isEmpty else { throw error("<segment> needs a non-empty id=\"…\"") }
        let suffix = try suffixValue(attrs) ?? defaultSuffix
        var terminated = true
        if let t = try attribute("terminated", in: attrs) {
            switch String(decoding: t, as: UTF8.self) {
            case "true": terminated = true
            case "false": terminated = false
            default: throw error("terminated must be true or false")
            }
        }
        if let lead = try attribute("leading", in: attrs) { out.append(contentsOf: lead) }
        seg.removeAll(keepingCapacity: true)
        seg.append(contentsOf: id)
        if !isEmpty {
            try children(of: "segment") { tag in
                guard tag == "e" else { throw self.error("<\(tag)> cannot appear in <segment>; expected <e>") }
                self.seg.append(d.element)
                try self.element(d)
            }
        }
        out.append(contentsOf: seg)
        if terminated { out.append(d.segment) }
        out.append(contentsOf: suffix.bytes)
        summary.segments += 1
    }

    /// `<e>` holding text, `<c>` components, or `<r>` repetitions (each text or `<c>` components).
    private func element(_ d: Delimiters) throws {
        try valueContainer("e", allowRepetitions: true, d)
    }

    private func valueContainer(_ tag: String, allowRepetitions: Bool, _ d: Delimiters) throws {
        if try hexContent(tag, allowed: Self.hexOrName, into: &seg) { return }
        text.removeAll(keepingCapacity: true)
        var childCount = 0
        var childKind = ""
        while let t = try nextNode() {
            switch t {
            case .text, .cdata, .whitespace, .significantWhitespace:
                if childCount == 0 { appendValue(into: &text) } else {
                    var v: [UInt8] = []
                    appendValue(into: &v)
                    if !isBlank(v) { throw error("<\(tag)> holds either text or child elements, not both") }
                }
            case .comment: continue
            case .endElement:
                if childCount == 0 { seg.append(contentsOf: text) }
                return
            case .element:
                // Compared as bytes: no `String` or array per child on the usual path.
                let child = nameIs("c") ? "c" : allowRepetitions && nameIs("r") ? "r" : localName
                guard child == "c" || (allowRepetitions && child == "r") else {
                    let allowed = allowRepetitions ? ["c", "r"] : ["c"]
                    throw error("<\(child)> cannot appear in <\(tag)>; expected text or \(allowed.map { "<\($0)>" }.joined(separator: " / "))")
                }
                if childCount == 0 {
                    guard isBlank(text) else { throw error("<\(tag)> holds either text or child elements, not both") }
                    childKind = child
                } else {
                    guard child == childKind else { throw error("<\(tag)> cannot mix <c> and <r>") }
                    if child == "r" {
                        guard let rep = d.repetition else {
                            throw error("repetitions need a repetition separator, and this interchange has none")
                        }
                        seg.append(rep)
                    } else {
                        seg.append(d.component)
                    }
                }
                childCount += 1
                if child == "r" {
                    guard d.repetition != nil else { throw error("repetitions need a repetition separator, and this interchange has none") }
                    try valueContainer("r", allowRepetitions: false, d)
                } else {
                    try leafText("c")
                }
            }
        }
        throw error("the document ends inside <\(tag)>")
    }

    /// A `<c>` component: text only.
    private func leafText(_ tag: String) throws {
        if try hexContent(tag, allowed: Self.hexOnly, into: &seg) { return }
        try collectText(tag, into: &seg)
    }

    /// Handles `hex="…"` and empty elements; `true` when the element is done.
    private func hexContent(_ tag: String, allowed: [String], into out: inout [UInt8]) throws -> Bool {
        // Most elements have no attribute: nothing to collect, check or decode (no array, no `String`).
        guard xmlTextReaderHasAttributes(reader) == 1 else { return isEmpty }
        let attrs = attributes()
        try checkKnown(attrs, allowed, on: tag)
        if let hex = try attribute("hex", in: attrs) {
            guard let b = StructuralText.decodeHex(hex) else { throw error("hex must be hex digit pairs") }
            out.append(contentsOf: b)
            if !isEmpty { try expectNoContent(tag) }
            return true
        }
        return isEmpty
    }

    /// Appends the text of the current element up to its end; child elements are an error.
    private func collectText(_ tag: String, into out: inout [UInt8]) throws {
        while let t = try nextNode() {
            switch t {
            case .text, .cdata, .whitespace, .significantWhitespace: appendValue(into: &out)
            case .comment: continue
            case .endElement: return
            case .element: throw error("<\(localName)> cannot appear in <\(tag)>, which holds text only")
            }
        }
        throw error("the document ends inside <\(tag)>")
    }

    private func expectNoContent(_ tag: String) throws {
        while let t = try nextNode() {
            switch t {
            case .endElement: return
            case .comment, .whitespace, .significantWhitespace: continue
            default: throw error("<\(tag) hex=\"…\"> must be empty")
            }
        }
    }

    /// `<raw>` or `<trailing>`: bytes written as they are.
    private func textElement(into out: ByteSink) throws {
        let tag = localName
        text.removeAll(keepingCapacity: true)
        if try !hexContent(tag, allowed: Self.hexOnly, into: &text) { try collectText(tag, into: &text) }
        out.append(contentsOf: text)
    }
}
