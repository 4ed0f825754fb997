import X12

/// Immutable shared `Element`s for the one- and two-character values writers use over and over (qualifiers and
/// codes: `D8`, `IL`, `1`, `XX` …), so that building a segment does not allocate them each time.
enum SharedElements {
    /// Digits and upper-case letters; index 0 stands for "no character".
    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
    private static let width = 37

    /// `table[a * 37 + b]`: the element of the one- or two-character value with alphabet indexes a (1…36)
    /// and b (0 for none, 1…36).
    private static let table: [Element] = {
        var out = [Element](repeating: .empty, count: width * width)
        for (i, a) in alphabet.enumerated() {
            out[(i + 1) * width] = Element(String(decoding: [a], as: UTF8.self))
            for (j, b) in alphabet.enumerated() {
                out[(i + 1) * width + j + 1] = Element(String(decoding: [a, b], as: UTF8.self))
            }
        }
        return out
    }()

    @inline(__always) private static func index(_ c: UInt8) -> Int? {
        switch c {
        case 0x30...0x39: return Int(c - 0x30) + 1
        case 0x41...0x5A: return Int(c - 0x41) + 11
        default: return nil
        }
    }

    /// The element of a simple value: shared for `""` and one or two digits / capitals, new otherwise.
    static func element(_ value: String) -> Element {
        let u = value.utf8
        switch u.count {
        case 0: return .empty
        case 1:
            if let a = index(u[u.startIndex]) { return table[a * width] }
        case 2:
            if let a = index(u[u.startIndex]), let b = index(u[u.index(after: u.startIndex)]) { return table[a * width + b] }
        default: break
        }
        return Element(value)
    }
}
