/// What an input holds, told from its first bytes.
public enum ConversionInputKind: String, Sendable {
    /// X12: starts with `ISA`.
    case x12
    /// JSON: starts with `{` or `[` (structural JSON or model JSON Lines; see ``StructuralJSONImporter/isStructural(_:)``).
    case json
    /// XML: starts with `<`.
    case xml

    /// Tells the kind from the first bytes, skipping a byte-order mark and white space; `nil` when it cannot.
    ///
    /// ```swift
    /// ConversionInputKind.detect(Array("\nISA*00*".utf8))   // .x12
    /// ```
    public static func detect(_ prefix: [UInt8]) -> ConversionInputKind? {
        var i = 0
        if prefix.count >= 3, prefix[0] == 0xEF, prefix[1] == 0xBB, prefix[2] == 0xBF { i = 3 }
        while i < prefix.count, [0x20, 0x09, 0x0A, 0x0D].contains(prefix[i]) { i += 1 }
        guard i < prefix.count else { return nil }
        switch prefix[i] {
        case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
        case UInt8(ascii: "<"): return .xml
        case UInt8(ascii: "I") where i + 2 < prefix.count && prefix[i + 1] == UInt8(ascii: "S") && prefix[i + 2] == UInt8(ascii: "A"):
            return .x12
        default: return nil
        }
    }
}
