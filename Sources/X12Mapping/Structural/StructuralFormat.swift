/// The two lossless structural forms of an X12 file.
public enum StructuralFormat: String, Sendable, CaseIterable {
    /// JSON: `{"format": "x12gate-structural", "interchanges": [...]}`.
    case json
    /// XML: `<x12 format="x12gate-structural">…</x12>`.
    case xml
}
