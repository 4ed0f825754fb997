/// What follows a segment terminator on the same "line": kept so that a file can be written back byte for byte.
public enum SegmentSuffix: String, Sendable, Hashable, Codable, CaseIterable {
    /// Nothing: the next segment starts right after the terminator.
    case none
    /// A line feed.
    case lf
    /// A carriage return and a line feed.
    case crlf
    /// A lone carriage return.
    case cr

    /// The bytes this suffix stands for.
    public var bytes: [UInt8] {
        switch self {
        case .none: return []
        case .lf: return [0x0A]
        case .crlf: return [0x0D, 0x0A]
        case .cr: return [0x0D]
        }
    }
}
