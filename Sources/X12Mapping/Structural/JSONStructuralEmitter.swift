import X12

/// Writes the structural JSON form incrementally, one segment per line.
final class JSONStructuralEmitter: StructuralEmitter {
    private struct Frame {
        var container: StructuralContainer?
        var keys = 0
        var listOpen = false
        var items = 0
        var suffix: SegmentSuffix = .none
    }

    private let sink: ByteSink
    @exclusivity(unchecked) private var frames: [Frame] = []   // one owner, one thread: no run-time access check
    private let writeNames: Bool

    init(sink: ByteSink, writeNames: Bool) {
        self.sink = sink
        self.writeNames = writeNames
    }

    // MARK: Layout

    private func indent(_ n: Int) {
        sink.buffer.append(0x0A)
        for _ in 0..<n { sink.buffer.append(0x20) }
    }

    /// Indentation of the keys of the frame at `depth` (the document is depth 0).
    private func keyIndent(_ depth: Int) -> Int { 4 * depth + 2 }

    private func key(_ name: String) {
        let d = frames.count - 1
        if frames[d].keys > 0 { sink.buffer.append(UInt8(ascii: ",")) }
        frames[d].keys += 1
        indent(keyIndent(d))
        sink.buffer.append(UInt8(ascii: "\""))
        sink.buffer.append(contentsOf: name.utf8)
        literal("\": ")
    }

    private func openList(_ name: String) {
        key(name)
        sink.buffer.append(UInt8(ascii: "["))
        frames[frames.count - 1].listOpen = true
        frames[frames.count - 1].items = 0
    }

    private func closeList() {
        let d = frames.count - 1
        guard frames[d].listOpen else { return }
        if frames[d].items > 0 { indent(keyIndent(d)) }
        sink.buffer.append(UInt8(ascii: "]"))
        frames[d].listOpen = false
    }

    private func itemPrefix() {
        let d = frames.count - 1
        if !frames[d].listOpen, let c = frames[d].container { openList(c.listKey) }
        if frames[d].items > 0 { sink.buffer.append(UInt8(ascii: ",")) }
        frames[d].items += 1
        indent(keyIndent(d) + 2)
    }

    // MARK: Emitter

    func beginDocument() throws(X12IOError) {
        literal("{\n  \"format\": \"x12gate-structural\",\n  \"version\": 1")
        frames = [Frame(container: nil, keys: 2)]
        openList("interchanges")
    }

    func beginInterchange(delimiters d: Delimiters, suffix: SegmentSuffix) throws(X12IOError) {
        itemPrefix()
        sink.buffer.append(UInt8(ascii: "{"))
        frames.append(Frame(container: .interchange, suffix: suffix))
        key("delimiters")
        literal("{\"element\": ")
        byteString(d.element)
        literal(", \"component\": ")
        byteString(d.component)
        literal(", \"repetition\": ")
        if let r = d.repetition { byteString(r) } else { literal("null") }
        literal(", \"segment\": ")
        byteString(d.segment)
        sink.buffer.append(UInt8(ascii: "}"))
        if suffix != .none {
            key("suffix")
            string(suffix.rawValue)
        }
    }

    func begin(_ container: StructuralContainer) throws(X12IOError) {
        itemPrefix()
        sink.buffer.append(UInt8(ascii: "{"))
        frames.append(Frame(container: container, suffix: frames.last?.suffix ?? .none))
    }

    func segment(_ s: ExportedSegment, role: SegmentRole) throws(X12IOError) {
        let c = frames[frames.count - 1].container ?? .interchange
        switch role {
        case .header:
            key(c.headerKey)
            segmentObject(s)
            openList(c.listKey)
        case .body:
            itemPrefix()
            segmentObject(s)
        case .trailer:
            closeList()
            key(c.trailerKey)
            segmentObject(s)
        }
        try sink.maybeFlush()
    }

    func raw(_ bytes: UnsafeRawBufferPointer) throws(X12IOError) {
        itemPrefix()
        literal("{\"raw\": ")
        text(bytes)
        sink.buffer.append(UInt8(ascii: "}"))
        try sink.maybeFlush()
    }

    func end(_ container: StructuralContainer) throws(X12IOError) {
        closeList()
        frames.removeLast()
        indent(keyIndent(frames.count - 1) + 2)
        sink.buffer.append(UInt8(ascii: "}"))
        try sink.maybeFlush()
    }

    func endDocument(trailing: UnsafeRawBufferPointer) throws(X12IOError) {
        closeList()
        if trailing.count > 0 {
            key("trailing")
            text(trailing)
        }
        literal("\n}\n")
        try sink.maybeFlush()
    }

    // MARK: Segments

    private func segmentObject(_ s: ExportedSegment) {
        let out = sink
        literal("{\"id\": ")
        text(s.view.idBytes)
        if let loop = s.annotation?.loopID {
            literal(", \"loop\": ")
            string(loop)
        }
        literal(", \"elements\": [")
        let d = s.view.delimiters
        var first = true
        s.view.forEachElement { _, e in
            if !first { literal(", ") }
            first = false
            ElementShape.visit(e.bytes, d, whole: s.isISA,
                simple: { text($0) },
                composite: { parts in components(parts) },
                repeated: { reps in
                    out.buffer.append(UInt8(ascii: "["))
                    for (i, r) in reps.enumerated() {
                        if i > 0 { literal(", ") }
                        components(r)
                    }
                    out.buffer.append(UInt8(ascii: "]"))
                })
        }
        out.buffer.append(UInt8(ascii: "]"))
        if writeNames, let names = s.annotation?.elementNames, !names.isEmpty {
            literal(", \"names\": [")
            for (i, n) in names.enumerated() {
                if i > 0 { literal(", ") }
                string(n)
            }
            out.buffer.append(UInt8(ascii: "]"))
        }
        if s.leading.count > 0 {
            literal(", \"leading\": ")
            text(s.leading)
        }
        if s.suffix != frames[frames.count - 1].suffix {
            literal(", \"suffix\": ")
            string(s.suffix.rawValue)
        }
        if !s.terminated { literal(", \"terminated\": false") }
        out.buffer.append(UInt8(ascii: "}"))
    }

    private func components(_ parts: [UnsafeRawBufferPointer]) {
        sink.buffer.append(UInt8(ascii: "["))
        for (i, p) in parts.enumerated() {
            if i > 0 { literal(", ") }
            text(p)
        }
        sink.buffer.append(UInt8(ascii: "]"))
    }

    // MARK: Strings

    /// Appends a literal run (punctuation and key names) as one copy of its bytes.
    private func literal(_ s: StaticString) {
        sink.buffer.append(contentsOf: UnsafeRawBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    private func string(_ s: String) {
        var s = s
        s.withUTF8 { text(UnsafeRawBufferPointer($0)) }
    }

    private func byteString(_ b: UInt8) {
        withUnsafeBytes(of: b) { text($0) }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string, or `{"hex": "…"}` when the bytes are not UTF-8.
    private func text(_ bytes: UnsafeRawBufferPointer) {
        var plain = true
        for b in bytes where b < 0x20 || b >= 0x7F || b == 0x22 || b == 0x5C { plain = false; break }
        if plain {
            sink.buffer.append(0x22)
            sink.buffer.append(contentsOf: bytes)
            sink.buffer.append(0x22)
            return
        }
        guard StructuralText.isText(bytes, xml: false) else {
            literal("{\"hex\": \"")
            StructuralText.appendHex(bytes, to: &sink.buffer)
            literal("\"}")
            return
        }
        sink.buffer.append(0x22)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x22: sink.buffer.append(contentsOf: [0x5C, 0x22])
            case 0x5C: sink.buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: sink.buffer.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: sink.buffer.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: sink.buffer.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20, 0x7F:
                literal("\\u00")
                sink.buffer.append(Self.hex[Int(b >> 4)])
                sink.buffer.append(Self.hex[Int(b & 0xF)])
            case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF:
                literal("\\ufeff")
                i += 2
            default: sink.buffer.append(b)
            }
            i += 1
        }
        sink.buffer.append(0x22)
    }
}
