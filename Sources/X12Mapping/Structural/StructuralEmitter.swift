import X12

/// The envelope levels of the structural form.
enum StructuralContainer {
    case interchange, group, transaction

    /// The key of the header segment in JSON (`isa`, `gs`, `st`).
    var headerKey: String {
        switch self {
        case .interchange: return "isa"
        case .group: return "gs"
        case .transaction: return "st"
        }
    }

    /// The key of the list of contents in JSON (`groups`, `transactions`, `segments`).
    var listKey: String {
        switch self {
        case .interchange: return "groups"
        case .group: return "transactions"
        case .transaction: return "segments"
        }
    }

    /// The key of the trailer segment in JSON (`iea`, `ge`, `se`).
    var trailerKey: String {
        switch self {
        case .interchange: return "iea"
        case .group: return "ge"
        case .transaction: return "se"
        }
    }

    /// The XML element name.
    var xmlName: String {
        switch self {
        case .interchange: return "interchange"
        case .group: return "group"
        case .transaction: return "transaction"
        }
    }
}

/// Where a segment sits in its container.
enum SegmentRole { case header, body, trailer }

/// One segment as the exporter hands it to an emitter (views valid for the call only).
struct ExportedSegment {
    /// The segment's bytes without terminator.
    var view: SegmentView
    /// The bytes between the previous segment and this one.
    var leading: UnsafeRawBufferPointer
    /// What followed the terminator.
    var suffix: SegmentSuffix
    /// `false` for a last segment cut off before its terminator.
    var terminated: Bool
    /// ISA elements are written whole (ISA11 and ISA16 are delimiters, not separators).
    var isISA: Bool
    /// Loop and names, when an annotator knows them.
    var annotation: SegmentAnnotation?
}

/// Writes the structural form (JSON or XML) from the exporter's calls, incrementally.
protocol StructuralEmitter: AnyObject {
    func beginDocument() throws(X12IOError)
    func beginInterchange(delimiters: Delimiters, suffix: SegmentSuffix) throws(X12IOError)
    func begin(_ container: StructuralContainer) throws(X12IOError)
    func segment(_ segment: ExportedSegment, role: SegmentRole) throws(X12IOError)
    /// Bytes kept verbatim as one item (a segment whose ID cannot be shown, with its leading bytes and terminator).
    func raw(_ bytes: UnsafeRawBufferPointer) throws(X12IOError)
    func end(_ container: StructuralContainer) throws(X12IOError)
    func endDocument(trailing: UnsafeRawBufferPointer) throws(X12IOError)
}

/// How an element splits: shared by both emitters.
enum ElementShape {
    /// Calls `simple`, `composite` or `repeated` for the element's parts. Splits on the repetition separator
    /// first, then on the component separator; joining back with the same bytes gives the element again.
    @inline(__always)
    static func visit(_ e: UnsafeRawBufferPointer, _ d: Delimiters, whole: Bool,
                      simple: (UnsafeRawBufferPointer) -> Void,
                      composite: ([UnsafeRawBufferPointer]) -> Void,
                      repeated: ([[UnsafeRawBufferPointer]]) -> Void) {
        if whole { simple(e); return }
        let rep = d.repetition
        let comp = d.component
        var hasRep = false
        var hasComp = false
        for b in e {
            if b == comp { hasComp = true } else if let rep, b == rep { hasRep = true }
        }
        if !hasRep && !hasComp { simple(e); return }
        let view = ElementView(bytes: e, delimiters: d)
        if !hasRep { composite(view.components.map(\.bytes)); return }
        repeated(view.repetitions.map { $0.components.map(\.bytes) })
    }
}
