/// The four delimiters of an interchange, taken from its ISA segment by position.
///
/// ```swift
/// let d = Delimiters.standard          // * : ^ ~
/// d.element == UInt8(ascii: "*")
/// ```
public struct Delimiters: Sendable, Hashable, Codable {
    /// Separates the elements of a segment (ISA byte 3).
    public var element: UInt8
    /// Separates the components of a composite (ISA16).
    public var component: UInt8
    /// Separates repetitions of a repeatable element (ISA11, 00501 and later); `nil` when there is none.
    public var repetition: UInt8?
    /// Ends a segment (the byte after ISA16).
    public var segment: UInt8

    /// Creates a delimiter set.
    public init(element: UInt8, component: UInt8, repetition: UInt8?, segment: UInt8) {
        self.element = element
        self.component = component
        self.repetition = repetition
        self.segment = segment
    }

    /// `*`, `:`, `^`, `~`: the set most partners use.
    public static let standard = Delimiters(
        element: UInt8(ascii: "*"), component: UInt8(ascii: ":"),
        repetition: UInt8(ascii: "^"), segment: UInt8(ascii: "~"))

    /// Parses four characters in the order element, component, repetition, terminator (e.g. `"|>!~"`).
    ///
    /// Escapes `\n`, `\r` are accepted for the terminator. Returns `nil` unless there are exactly four
    /// pairwise different ASCII characters, none a letter or digit.
    public init?(spec: String) {
        var bytes: [UInt8] = []
        var raw = Array(spec.utf8)[...]
        while let b = raw.popFirst() {
            if b == UInt8(ascii: "\\"), let n = raw.first, n == UInt8(ascii: "n") || n == UInt8(ascii: "r") {
                raw.removeFirst()
                bytes.append(n == UInt8(ascii: "n") ? 0x0A : 0x0D)
            } else {
                bytes.append(b)
            }
        }
        guard bytes.count == 4, Set(bytes).count == 4, bytes.allSatisfy({ $0 < 0x80 && !$0.isAlphanumericASCII })
        else { return nil }
        self.init(element: bytes[0], component: bytes[1], repetition: bytes[2], segment: bytes[3])
    }

    /// A printable form, e.g. `* : ^ ~` (the terminator `\n` is shown escaped).
    public var description: String {
        func show(_ b: UInt8?) -> String {
            guard let b else { return "none" }
            switch b {
            case UInt8(ascii: "\n"): return "\\n"
            case UInt8(ascii: "\r"): return "\\r"
            default: return String(UnicodeScalar(b))
            }
        }
        return "\(show(element)) \(show(component)) \(show(repetition)) \(show(segment))"
    }
}

extension UInt8 {
    /// `true` for `A`–`Z`, `a`–`z` and `0`–`9`.
    @inlinable
    public var isAlphanumericASCII: Bool {
        (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A)
    }

    /// `true` for `0`–`9`.
    @inlinable
    public var isDigitASCII: Bool { self >= 0x30 && self <= 0x39 }
}
