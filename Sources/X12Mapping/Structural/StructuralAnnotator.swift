import X12

/// A hook the structural exporter calls for every segment of a transaction set to learn its loop ID and
/// element names (from `Specs/`, through the schema's loop tracker).
///
/// The exporter calls ``beginTransaction(_:group:)`` at each ST, ``annotate(_:)`` for every segment from ST
/// to SE included, and ``endTransaction()`` when the set closes (even without an SE).
///
/// ```swift
/// final class NamesOnly: StructuralAnnotator {
///     func beginTransaction(_ header: TransactionHeader, group: GroupHeader?) {}
///     func annotate(_ segment: SegmentView) -> SegmentAnnotation? {
///         segment.hasID("NM1") ? SegmentAnnotation(elementNames: ["Entity Identifier Code"]) : nil
///     }
///     func endTransaction() {}
/// }
/// ```
public protocol StructuralAnnotator: AnyObject {
    /// A transaction set starts (its ST is passed to ``annotate(_:)`` next).
    func beginTransaction(_ header: TransactionHeader, group: GroupHeader?)
    /// The loop and element names of a segment of the open transaction set, or `nil` when unknown.
    func annotate(_ segment: SegmentView) -> SegmentAnnotation?
    /// The transaction set closed.
    func endTransaction()
}
