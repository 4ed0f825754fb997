import AuthModel
import Foundation

/// Reads values from the node table ``ModelJSONByteDecoder`` parsed one line into (valid only while the
/// decoder's buffers are pinned). Strict: anything it does not handle throws ``Failure``.
struct ModelJSONReader {
    /// The fast path gave up; `JSONDecoder` decides.
    typealias Failure = ModelJSONByteDecoder.Failure
    typealias Node = ModelJSONByteDecoder.Node

    let bytes: UnsafeBufferPointer<UInt8>
    let nodes: UnsafeBufferPointer<Node>

    /// The node after `n` and its subtree.
    @inline(__always) func next(after n: Int) -> Int {
        let k = nodes[n].kind
        return k == .object || k == .array ? Int(nodes[n].end) : n + 1
    }

    @inline(__always) func isNull(_ n: Int) -> Bool { nodes[n].kind == .null }

    /// The first key node of object `n`.
    @inline(__always) func firstEntry(_ n: Int) throws(Failure) -> Int {
        guard nodes[n].kind == .object else { throw Failure() }
        return n + 1
    }

    /// The node after object or array `n`.
    @inline(__always) func end(_ n: Int) -> Int { Int(nodes[n].end) }

    func string(_ n: Int) throws(Failure) -> String {
        let node = nodes[n]
        switch node.kind {
        case .string:
            let text = UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.end)])
            if node.count == 1 { return String(decoding: text, as: UTF8.self) }   // ASCII: nothing to validate
            guard let s = String(validating: text, as: UTF8.self) else {
                throw Failure()
            }
            return s
        case .escapedString: return try ModelJSONByteDecoder.unescape(bytes, Int(node.start), Int(node.end))
        default: throw Failure()
        }
    }

    /// A plain `"YYYY-MM-DD"` string node as a date without building a `String`, or `nil` (then the caller
    /// goes the long way).
    func date(_ n: Int) -> CalendarDate? {
        let node = nodes[n]
        let s = Int(node.start)
        guard node.kind == .string, Int(node.end) - s == 10, bytes[s + 4] == 0x2D, bytes[s + 7] == 0x2D else { return nil }
        @inline(__always) func d(_ i: Int) -> Int { Int(bytes[s + i]) &- 0x30 }
        let digits = (d(0), d(1), d(2), d(3), d(5), d(6), d(8), d(9))
        guard (0...9).contains(digits.0), (0...9).contains(digits.1), (0...9).contains(digits.2), (0...9).contains(digits.3),
              (0...9).contains(digits.4), (0...9).contains(digits.5), (0...9).contains(digits.6), (0...9).contains(digits.7) else { return nil }
        return CalendarDate(validYear: digits.0 * 1000 + digits.1 * 100 + digits.2 * 10 + digits.3,
                            month: digits.4 * 10 + digits.5, day: digits.6 * 10 + digits.7)
    }

    func int(_ n: Int) throws(Failure) -> Int {
        let node = nodes[n]
        guard node.kind == .number else { throw Failure() }
        var i = Int(node.start)
        let end = Int(node.end)
        var neg = false
        if bytes[i] == 0x2D { neg = true; i += 1 }
        guard end - i <= 18 else { throw Failure() }
        var v = 0
        while i < end {
            let c = bytes[i]
            guard c >= 0x30 && c <= 0x39 else { throw Failure() }   // fraction or exponent: JSONDecoder decides
            v = v * 10 + Int(c - 0x30)
            i += 1
        }
        return neg ? -v : v
    }

    func decimal(_ n: Int) throws(Failure) -> Decimal {
        let node = nodes[n]
        guard node.kind == .number else { throw Failure() }
        var i = Int(node.start)
        let end = Int(node.end)
        var neg = false
        if bytes[i] == 0x2D { neg = true; i += 1 }
        var m: UInt64 = 0
        var scale = 0
        var digits = 0
        var dot = false
        while i < end {
            let c = bytes[i]
            if c == 0x2E { dot = true; i += 1; continue }
            guard c >= 0x30 && c <= 0x39, digits < 18 else {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<end]), as: UTF8.self)
                guard let d = Decimal(string: text) else { throw Failure() }
                return d
            }
            m = m * 10 + UInt64(c - 0x30)
            digits += 1
            if dot { scale += 1 }
            i += 1
        }
        return Decimal(sign: neg ? .minus : .plus, exponent: -scale, significand: Decimal(m))
    }

    func bool(_ n: Int) throws(Failure) -> Bool {
        guard nodes[n].kind == .bool else { throw Failure() }
        return nodes[n].start == 1
    }
}
