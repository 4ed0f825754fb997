import X12

/// Converts X12 to the lossless structural form (JSON or XML), streaming: it reads the X12 in chunks and
/// writes each segment as it comes, so memory stays flat whatever the file size.
///
/// Every input byte lands in the output: delimiters, ISA fields as padded, segment suffixes, blank lines
/// and byte-order marks (`leading`), bytes after the last segment (`trailing`), trailing empty elements,
/// and bytes the reader skipped as broken. Converting the result back with ``StructuralJSONImporter`` or
/// ``StructuralXMLImporter`` gives the input byte for byte.
///
/// ```swift
/// let exporter = StructuralExporter(format: .json)
/// let sink = try ByteSink(path: "out.json")
/// let summary = try exporter.export(from: try ByteSource(path: "in.x12"), to: sink)
/// try sink.close()
/// ```
public final class StructuralExporter {
    /// What an export saw.
    public struct Summary: Sendable {
        /// Input bytes read.
        public var bytesRead = 0
        /// Segments written.
        public var segments = 0
        /// Findings the reader reported (the conversion is lossless all the same).
        public var findings = 0
    }

    /// The output form.
    public let format: StructuralFormat
    /// Loop IDs and element names, when set.
    public var annotator: StructuralAnnotator?
    /// Write the element names the annotator gives (loop IDs are always written when known).
    public var writeElementNames: Bool

    /// Creates an exporter.
    public init(format: StructuralFormat, annotator: StructuralAnnotator? = nil, writeElementNames: Bool = true) {
        self.format = format
        self.annotator = annotator
        self.writeElementNames = writeElementNames
    }

    /// A copy of the input not yet written, so that bytes the reader skips are kept too.
    private final class Window {
        var bytes: [UInt8] = []
        var base = 0

        func slice(_ from: Int, _ to: Int) -> ArraySlice<UInt8> { bytes[(from - base)..<(to - base)] }

        func drop(before offset: Int) {
            let n = offset - base
            if n > (1 << 20) && n * 2 > bytes.count {
                bytes.removeFirst(n)
                base = offset
            }
        }
    }

    /// Reads X12 from `source` and writes the structural form to `sink` (not closed).
    ///
    /// Throws ``X12IOError`` when reading or writing fails; problems in the X12 never stop the conversion.
    public func export(from source: ByteSource, to sink: ByteSink) throws -> Summary {
        let emitter: StructuralEmitter = format == .json
            ? JSONStructuralEmitter(sink: sink, writeNames: writeElementNames)
            : XMLStructuralEmitter(sink: sink, writeNames: writeElementNames)
        let window = Window()
        let reader = X12Reader(name: source.name) { (buffer) throws(X12IOError) -> Int in
            let n = try source.read(into: buffer)
            window.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            return n
        }
        var summary = Summary()
        var cursor = 0
        var group: GroupHeader?
        var inTransaction = false

        try emitter.beginDocument()

        func emit(_ role: SegmentRole) throws {
            let view = reader.segment
            let start = reader.location.byteOffset
            let terminated = reader.decoder.segmentTerminated
            let suffix = reader.suffix
            let end = start + view.bytes.count + (terminated ? 1 : 0) + suffix.bytes.count
            precondition(start >= cursor, "segment before the conversion cursor")
            let leading = window.slice(cursor, start)
            summary.segments += 1
            if !StructuralText.isPlainSegmentID(view.idBytes) {
                let all = window.slice(cursor, end)
                try all.withUnsafeBytes { b in try emitter.raw(b) }
            } else {
                let annotation = inTransaction ? annotator?.annotate(view) : nil
                try leading.withUnsafeBytes { lead in
                    try emitter.segment(ExportedSegment(view: view, leading: lead, suffix: suffix, terminated: terminated,
                                                        isISA: view.hasID("ISA"), annotation: annotation), role: role)
                }
            }
            cursor = end
            window.drop(before: cursor)
        }

        // The open containers, outermost first. The reader's events may nest badly in broken input (a GS while
        // a transaction set without GS is open); the form always nests properly, and bytes stay in order.
        var open: [StructuralContainer] = []
        func close(_ c: StructuralContainer) throws {
            if c == .transaction { annotator?.endTransaction() }
            if c == .group { group = nil }
            inTransaction = false
            try emitter.end(c)
        }
        func closeDown(to level: StructuralContainer, including: Bool) throws {
            guard let i = open.lastIndex(of: level) else { return }
            while open.count > i + 1 { try close(open.removeLast()) }
            if including { try close(open.removeLast()) }
        }
        func trailer(_ c: StructuralContainer) throws {
            guard open.contains(c) else {
                if reader.hasSegment { try emit(.body) }
                return
            }
            try closeDown(to: c, including: false)
            if reader.hasSegment { try emit(.trailer) }
            try closeDown(to: c, including: true)
        }

        while let event = try reader.next() {
            switch event {
            case .interchangeStart:
                while let c = open.popLast() { try close(c) }
                try emitter.beginInterchange(delimiters: reader.segment.delimiters, suffix: reader.suffix)
                open.append(.interchange)
                try emit(.header)
            case .groupStart(let gs):
                try closeDown(to: .transaction, including: true)
                try closeDown(to: .group, including: true)
                try emitter.begin(.group)
                open.append(.group)
                group = gs
                try emit(.header)
            case .transactionStart(let st):
                try closeDown(to: .transaction, including: true)
                try emitter.begin(.transaction)
                open.append(.transaction)
                inTransaction = true
                annotator?.beginTransaction(st, group: group)
                try emit(.header)
            case .segment, .interchangeAcknowledgment:
                try emit(.body)
            case .transactionEnd:
                try trailer(.transaction)
            case .groupEnd:
                try trailer(.group)
            case .interchangeEnd:
                try trailer(.interchange)
            case .finding:
                summary.findings += 1
            case .endOfInput:
                while let c = open.popLast() { try close(c) }
                let total = reader.decoder.bytesFed
                precondition(total >= cursor, "conversion cursor past the end of the input")
                try window.slice(cursor, total).withUnsafeBytes { b in try emitter.endDocument(trailing: b) }
                cursor = total
                summary.bytesRead = total
            }
        }
        return summary
    }
}
