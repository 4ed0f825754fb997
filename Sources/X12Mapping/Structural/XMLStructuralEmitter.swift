import X12

/// Writes the structural XML form incrementally, one segment per line (escaping by hand: it is faster than
/// `xmlTextWriter` and the form is small).
final class XMLStructuralEmitter: StructuralEmitter {
    private let sink: ByteSink
    private let writeNames: Bool
    // Stored state is read and written on every token: one owner, one thread, so without run-time exclusivity
    // checks (`swift_beginAccess` was a quarter of a conversion).
    @exclusivity(unchecked) private var depth = 0
    @exclusivity(unchecked) private var suffixes: [SegmentSuffix] = [.none]

    init(sink: ByteSink, writeNames: Bool) {
        self.sink = sink
        self.writeNames = writeNames
    }

    private func line() {
        sink.buffer.append(0x0A)
        for _ in 0..<(2 * depth) { sink.buffer.append(0x20) }
    }

    private func append(_ s: StaticString) {
        sink.buffer.append(contentsOf: UnsafeRawBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    func beginDocument() throws(X12IOError) {
        append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<x12 format=\"x12gate-structural\" version=\"1\">")
        depth = 1
    }

    func beginInterchange(delimiters d: Delimiters, suffix: SegmentSuffix) throws(X12IOError) {
        line()
        append("<interchange")
        byteAttribute("element", d.element)
        byteAttribute("component", d.component)
        if let r = d.repetition { byteAttribute("repetition", r) }
        byteAttribute("segment", d.segment)
        if suffix != .none { attribute("suffix", suffix.rawValue) }
        append(">")
        depth += 1
        suffixes.append(suffix)
    }

    func begin(_ container: StructuralContainer) throws(X12IOError) {
        line()
        sink.buffer.append(0x3C)
        sink.buffer.append(contentsOf: container.xmlName.utf8)
        sink.buffer.append(0x3E)
        depth += 1
        suffixes.append(suffixes[suffixes.count - 1])
    }

    func end(_ container: StructuralContainer) throws(X12IOError) {
        depth -= 1
        suffixes.removeLast()
        line()
        append("</")
        sink.buffer.append(contentsOf: container.xmlName.utf8)
        sink.buffer.append(0x3E)
        try sink.maybeFlush()
    }

    func raw(_ bytes: UnsafeRawBufferPointer) throws(X12IOError) {
        line()
        textElement("raw", bytes, name: nil)
        try sink.maybeFlush()
    }

    func endDocument(trailing: UnsafeRawBufferPointer) throws(X12IOError) {
        if trailing.count > 0 {
            line()
            textElement("trailing", trailing, name: nil)
        }
        append("\n</x12>\n")
        try sink.maybeFlush()
    }

    func segment(_ s: ExportedSegment, role: SegmentRole) throws(X12IOError) {
        line()
        append("<segment")
        rawAttribute("id", s.view.idBytes)
        if let loop = s.annotation?.loopID { attribute("loop", loop) }
        if s.leading.count > 0 { rawAttribute("leading", s.leading) }
        if s.suffix != suffixes[suffixes.count - 1] { attribute("suffix", s.suffix.rawValue) }
        if !s.terminated { append(" terminated=\"false\"") }
        append(">")
        let d = s.view.delimiters
        let names = writeNames ? s.annotation?.elementNames ?? [] : []
        s.view.forEachElement { n, e in
            let name = n <= names.count ? names[n - 1] : nil
            ElementShape.visit(e.bytes, d, whole: s.isISA,
                simple: { textElement("e", $0, name: name) },
                composite: { parts in
                    open("e", name: name)
                    for p in parts { textElement("c", p, name: nil) }
                    append("</e>")
                },
                repeated: { reps in
                    open("e", name: name)
                    for r in reps {
                        if r.count == 1 {
                            textElement("r", r[0], name: nil)
                        } else {
                            append("<r>")
                            for p in r { textElement("c", p, name: nil) }
                            append("</r>")
                        }
                    }
                    append("</e>")
                })
        }
        append("</segment>")
        try sink.maybeFlush()
    }

    // MARK: Pieces

    private func open(_ tag: String, name: String?) {
        sink.buffer.append(0x3C)
        sink.buffer.append(contentsOf: tag.utf8)
        if let name { attribute("name", name) }
        sink.buffer.append(0x3E)
    }

    /// `<tag>text</tag>`, `<tag/>` when empty, or `<tag hex="…"/>` when the bytes cannot be XML text.
    private func textElement(_ tag: String, _ bytes: UnsafeRawBufferPointer, name: String?) {
        sink.buffer.append(0x3C)
        sink.buffer.append(contentsOf: tag.utf8)
        if let name { attribute("name", name) }
        if bytes.count == 0 {
            append("/>")
            return
        }
        if !plain(bytes) && !StructuralText.isText(bytes, xml: true) {
            append(" hex=\"")
            StructuralText.appendHex(bytes, to: &sink.buffer)
            append("\"/>")
            return
        }
        sink.buffer.append(0x3E)
        escape(bytes, attribute: false)
        append("</")
        sink.buffer.append(contentsOf: tag.utf8)
        sink.buffer.append(0x3E)
    }

    private func attribute(_ key: String, _ value: String) {
        var v = value
        v.withUTF8 { rawAttribute(key, UnsafeRawBufferPointer($0)) }
    }

    private func byteAttribute(_ key: String, _ b: UInt8) {
        withUnsafeBytes(of: b) { rawAttribute(key, $0) }
    }

    /// ` key="value"`, or ` key-hex="…"` when the bytes cannot be XML text.
    private func rawAttribute(_ key: String, _ bytes: UnsafeRawBufferPointer) {
        sink.buffer.append(0x20)
        sink.buffer.append(contentsOf: key.utf8)
        if !plain(bytes) && !StructuralText.isText(bytes, xml: true) {
            append("-hex=\"")
            StructuralText.appendHex(bytes, to: &sink.buffer)
        } else {
            append("=\"")
            escape(bytes, attribute: true)
        }
        sink.buffer.append(0x22)
    }

    @inline(__always)
    private func plain(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for b in bytes where b < 0x20 || b >= 0x80 { return false }
        return true
    }

    private func escape(_ bytes: UnsafeRawBufferPointer, attribute: Bool) {
        var clean = true
        for b in bytes where b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b < 0x20 || b == 0xEF { clean = false; break }
        if clean {
            sink.buffer.append(contentsOf: bytes)
            return
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            switch b {
            case 0xEF where i + 1 < bytes.count && bytes[i] == 0xBB && bytes[i + 1] == 0xBF:
                append("&#xFEFF;")
                i += 2
            case 0x26: append("&amp;")
            case 0x3C: append("&lt;")
            case 0x3E: append("&gt;")
            case 0x22 where attribute: append("&quot;")
            case 0x0D: append("&#13;")
            case 0x0A where attribute: append("&#10;")
            case 0x09 where attribute: append("&#9;")
            default: sink.buffer.append(b)
            }
        }
    }
}
