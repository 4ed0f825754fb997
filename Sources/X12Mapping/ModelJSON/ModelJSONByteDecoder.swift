import AuthModel
import Foundation

/// A `Decoder` over one JSON text, parsed first into a flat node table (no tree of objects, no `Data`).
///
/// Strict: anything it does not understand (invalid JSON, a number that is not plain for an `Int`, a wrong
/// type) throws ``Failure``, and ``ModelJSON/decode(_:)`` then asks `JSONDecoder` for the answer (and its error
/// text). So it never accepts what `JSONDecoder` rejects and gives the same values for what both accept.
final class ModelJSONByteDecoder: Decoder {
    /// The fast path gave up.
    struct Failure: Error {}

    enum Kind: UInt8 { case null, bool, number, string, escapedString, array, object }

    /// One JSON value: for strings and numbers the byte range (strings without the quotes); for `true`/`false`
    /// `start` is 1/0; for containers `end` is the index of the node after the subtree and `count` the
    /// number of entries (objects store key, value node pairs).
    struct Node {
        var kind: Kind
        var start: Int32
        var end: Int32
        var count: Int32
    }

    var bytes: [UInt8] = []
    /// The node table: allocated once and grown, never initialized as a whole (only the slots the parser
    /// fills are read), so a decoder made for one line costs no more than a reused one.
    private(set) var nodes = UnsafeMutableBufferPointer<Node>(start: nil, count: 0)
    /// The node being decoded.
    var current = 0
    /// Per object depth: the object last searched and the child index after the last key found.
    private var hintObject: [Int] = []
    private var hintNext: [Int] = []
    private var depth = 0

    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init() {}

    deinit { nodes.deallocate() }

    /// Parses `input` and decodes a `T`.
    func decode<T: Decodable>(_ type: T.Type, from input: some Collection<UInt8>) throws -> T {
        try parse(input)
        return try decodeNode(type, 0)
    }

    /// Reads one transaction with the per-type functions of ``ModelJSONCodable`` (no `Codable` containers).
    /// Throws ``Failure`` for anything they do not handle (the caller then asks `JSONDecoder`).
    func decodeTransaction(from input: some Collection<UInt8>) throws(Failure) -> ModelTransaction {
        try parse(input)
        return try withReader { (r) throws(Failure) in try ModelTransaction.readJSON(r, 0) }
    }

    /// Copies `input` and parses it into the node table (grown, never shrunk: a node takes at least one byte,
    /// so `bytes.count` slots always suffice and parsing writes them without per-node checks).
    private func parse(_ input: some Collection<UInt8>) throws(Failure) {
        // Node positions are `Int32`: a larger input is left to `JSONDecoder` (model JSON lines are capped far below).
        guard input.count < Int(Int32.max) - 2 else { throw Failure() }
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: input)
        hintObject.removeAll(keepingCapacity: true)
        hintNext.removeAll(keepingCapacity: true)
        depth = 0
        let needed = bytes.count + 2
        if nodes.count < needed {
            nodes.deallocate()
            nodes = .allocate(capacity: max(needed, nodes.count * 2, 1024))
        }
        var table = NodeBuffer(p: nodes.baseAddress!)
        try bytes.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(Failure) in
            var parser = Parser(p: p)
            parser.skipSpace()
            try parser.value(into: &table, depth: 0)
            parser.skipSpace()
            if parser.i != p.count { throw Failure() }
        }
    }

    /// The node slots being filled by the parser.
    struct NodeBuffer {
        let p: UnsafeMutablePointer<Node>
        var count = 0

        @inline(__always) mutating func append(_ n: Node) {
            p[count] = n
            count += 1
        }

        @inline(__always) subscript(i: Int) -> Node {
            get { p[i] }
            nonmutating set { p[i] = newValue }
        }
    }

    // MARK: Parsing

    struct Parser {
        let p: UnsafeBufferPointer<UInt8>
        var i = 0

        @inline(__always) mutating func skipSpace() {
            while i < p.count {
                let c = p[i]
                if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { break }
            }
        }

        @inline(__always) mutating func literal(_ s: StaticString) throws(Failure) {
            let n = s.utf8CodeUnitCount
            guard i + n <= p.count else { throw Failure() }
            let u = s.utf8Start
            for k in 0..<n where p[i + k] != u[k] { throw Failure() }
            i += n
        }

        mutating func value(into nodes: inout NodeBuffer, depth: Int) throws(Failure) {
            guard i < p.count, depth < 512 else { throw Failure() }
            switch p[i] {
            case 0x22: try string(into: &nodes)
            case 0x7B:
                let me = nodes.count
                nodes.append(Node(kind: .object, start: Int32(i), end: 0, count: 0))
                i += 1
                skipSpace()
                var count: Int32 = 0
                if i < p.count && p[i] == 0x7D {
                    i += 1
                } else {
                    while true {
                        guard i < p.count, p[i] == 0x22 else { throw Failure() }
                        try string(into: &nodes)
                        skipSpace()
                        guard i < p.count, p[i] == 0x3A else { throw Failure() }
                        i += 1
                        skipSpace()
                        try value(into: &nodes, depth: depth + 1)
                        count += 1
                        skipSpace()
                        guard i < p.count else { throw Failure() }
                        if p[i] == 0x2C { i += 1; skipSpace(); continue }
                        if p[i] == 0x7D { i += 1; break }
                        throw Failure()
                    }
                }
                nodes[me].end = Int32(nodes.count)
                nodes[me].count = count
            case 0x5B:
                let me = nodes.count
                nodes.append(Node(kind: .array, start: Int32(i), end: 0, count: 0))
                i += 1
                skipSpace()
                var count: Int32 = 0
                if i < p.count && p[i] == 0x5D {
                    i += 1
                } else {
                    while true {
                        try value(into: &nodes, depth: depth + 1)
                        count += 1
                        skipSpace()
                        guard i < p.count else { throw Failure() }
                        if p[i] == 0x2C { i += 1; skipSpace(); continue }
                        if p[i] == 0x5D { i += 1; break }
                        throw Failure()
                    }
                }
                nodes[me].end = Int32(nodes.count)
                nodes[me].count = count
            case 0x74:
                try literal("true")
                nodes.append(Node(kind: .bool, start: 1, end: 0, count: 0))
            case 0x66:
                try literal("false")
                nodes.append(Node(kind: .bool, start: 0, end: 0, count: 0))
            case 0x6E:
                try literal("null")
                nodes.append(Node(kind: .null, start: 0, end: 0, count: 0))
            default:
                try number(into: &nodes)
            }
        }

        /// A string; its node's `count` is 1 when every byte is ASCII (``ModelJSONReader/string(_:)`` then
        /// skips UTF-8 validation), 0 otherwise.
        @inline(__always) mutating func string(into nodes: inout NodeBuffer) throws(Failure) {
            i += 1
            let start = i
            var escaped = false
            var high: UInt64 = 0
            let base = UnsafeRawPointer(p.baseAddress!)
            while true {
                // Eight bytes at a time while none is a quote, a backslash or a control character.
                while i + 8 <= p.count {
                    let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    high |= w
                    let m = Self.special(w)
                    if m != 0 {
                        i += m.trailingZeroBitCount >> 3   // the first special byte
                        break
                    }
                    i += 8
                }
                guard i < p.count else { throw Failure() }
                let c = p[i]
                if c == 0x22 { break }
                if c < 0x20 { throw Failure() }
                high |= UInt64(c)
                if c == 0x5C {
                    escaped = true
                    i += 1
                    guard i < p.count else { throw Failure() }
                }
                i += 1
            }
            let ascii: Int32 = high & 0x8080_8080_8080_8080 == 0 ? 1 : 0
            nodes.append(Node(kind: escaped ? .escapedString : .string, start: Int32(start), end: Int32(i), count: ascii))
            i += 1
        }

        /// The high bit of each of the eight bytes of `w` (first byte lowest) that is `"`, `\\` or below 0x20;
        /// exact, no false positives.
        @inline(__always) static func special(_ w: UInt64) -> UInt64 {
            let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            let highs: UInt64 = 0x8080_8080_8080_8080
            let ones: UInt64 = 0x0101_0101_0101_0101
            @inline(__always) func zeroBytes(_ v: UInt64) -> UInt64 { ~(((v & lows) &+ lows) | v) & highs }
            return zeroBytes(w ^ (ones &* 0x22)) | zeroBytes(w ^ (ones &* 0x5C)) | zeroBytes(w & (ones &* 0xE0))
        }

        mutating func number(into nodes: inout NodeBuffer) throws(Failure) {
            let start = i
            @inline(__always) func digits(_ s: inout Parser) -> Int {
                let b = s.i
                while s.i < s.p.count, s.p[s.i] >= 0x30, s.p[s.i] <= 0x39 { s.i += 1 }
                return s.i - b
            }
            if i < p.count && p[i] == 0x2D { i += 1 }
            guard i < p.count else { throw Failure() }
            if p[i] == 0x30 { i += 1 } else if digits(&self) == 0 { throw Failure() }
            if i < p.count && p[i] == 0x2E {
                i += 1
                if digits(&self) == 0 { throw Failure() }
            }
            if i < p.count && (p[i] == 0x65 || p[i] == 0x45) {
                i += 1
                if i < p.count && (p[i] == 0x2B || p[i] == 0x2D) { i += 1 }
                if digits(&self) == 0 { throw Failure() }
            }
            nodes.append(Node(kind: .number, start: Int32(start), end: Int32(i), count: 0))
        }
    }

    // MARK: Values

    @inline(__always) func next(after n: Int) -> Int {
        let k = nodes[n].kind
        return k == .object || k == .array ? Int(nodes[n].end) : n + 1
    }

    /// Runs `body` with a ``ModelJSONReader`` over the parsed line.
    @inline(__always) private func withReader<T>(_ body: (ModelJSONReader) throws(Failure) -> T) throws(Failure) -> T {
        try bytes.withUnsafeBufferPointer { (b: UnsafeBufferPointer<UInt8>) throws(Failure) -> T in
            try body(ModelJSONReader(bytes: b, nodes: UnsafeBufferPointer(nodes)))
        }
    }

    func string(_ n: Int) throws -> String { try withReader { (r) throws(Failure) in try r.string(n) } }

    private static func hexValue(_ c: UInt8) throws(Failure) -> UInt32 {
        switch c {
        case 0x30...0x39: return UInt32(c - 0x30)
        case 0x41...0x46: return UInt32(c - 0x41 + 10)
        case 0x61...0x66: return UInt32(c - 0x61 + 10)
        default: throw Failure()
        }
    }

    static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) throws(Failure) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        func u4(_ at: Int) throws(Failure) -> UInt32 {
            guard at + 4 <= end else { throw Failure() }
            return try Self.hexValue(bytes[at]) << 12 | Self.hexValue(bytes[at + 1]) << 8 | Self.hexValue(bytes[at + 2]) << 4 | Self.hexValue(bytes[at + 3])
        }
        while i < end {
            let c = bytes[i]
            if c != 0x5C { out.append(c); i += 1; continue }
            i += 1
            guard i < end else { throw Failure() }
            switch bytes[i] {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x2F: out.append(0x2F)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try u4(i + 1)
                i += 4
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    guard i + 2 < end, bytes[i + 1] == 0x5C, bytes[i + 2] == 0x75 else { throw Failure() }
                    let low = try u4(i + 3)
                    guard low >= 0xDC00 && low < 0xE000 else { throw Failure() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    throw Failure()
                }
                guard let u = Unicode.Scalar(scalar) else { throw Failure() }
                out.append(contentsOf: String(Character(u)).utf8)
            default: throw Failure()
            }
            i += 1
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw Failure() }
        return s
    }

    private func unescape(_ start: Int, _ end: Int) throws(Failure) -> String {
        try bytes.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(Failure) -> String in try Self.unescape(p, start, end) }
    }

    func int(_ n: Int) throws -> Int { try withReader { (r) throws(Failure) in try r.int(n) } }

    func decimal(_ n: Int) throws -> Decimal { try withReader { (r) throws(Failure) in try r.decimal(n) } }

    func bool(_ n: Int) throws -> Bool { try withReader { (r) throws(Failure) in try r.bool(n) } }

    func decodeNode<T: Decodable>(_ type: T.Type, _ n: Int) throws -> T {
        if T.self == String.self { return try string(n) as! T }
        if T.self == Decimal.self { return try decimal(n) as! T }
        if T.self == Int.self { return try int(n) as! T }
        if T.self == Bool.self { return try bool(n) as! T }
        if T.self == CalendarDate.self {
            guard let d = CalendarDate(try string(n)) else { throw Failure() }
            return d as! T
        }
        if T.self == Double.self || T.self == Float.self { throw Failure() }   // not in the model
        let saved = current
        current = n
        defer { current = saved }
        return try T(from: self)
    }

    /// Finds `key` among the children of object `obj` (at object depth `d`), starting after the last key found.
    func find(_ key: some CodingKey, in obj: Int, depth d: Int) -> Int? {
        let node = nodes[obj]
        if node.count == 0 { return nil }
        while hintObject.count <= d { hintObject.append(-1); hintNext.append(0) }
        var name = key.stringValue
        return name.withUTF8 { k -> Int? in
            let first = obj + 1
            let stop = Int(node.end)
            var start = hintObject[d] == obj ? hintNext[d] : first
            if start >= stop { start = first }
            var i = start
            var wrapped = false
            while true {
                if i >= stop {
                    if wrapped || start == first { return nil }
                    wrapped = true
                    i = first
                }
                if wrapped && i >= start { return nil }
                let keyNode = nodes[i]
                let value = i + 1
                let after = next(after: value)
                if matches(keyNode, k) {
                    hintObject[d] = obj
                    hintNext[d] = after
                    return value
                }
                i = after
            }
        }
    }

    @inline(__always) private func matches(_ keyNode: Node, _ k: UnsafeBufferPointer<UInt8>) -> Bool {
        if keyNode.kind == .escapedString {
            guard let s = try? unescape(Int(keyNode.start), Int(keyNode.end)) else { return false }
            return s.utf8.elementsEqual(k)
        }
        let s = Int(keyNode.start)
        let len = Int(keyNode.end) - s
        guard len == k.count else { return false }
        return bytes.withUnsafeBufferPointer { p in
            memcmp(p.baseAddress! + s, k.baseAddress!, len) == 0
        }
    }

    // MARK: Decoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard nodes[current].kind == .object else { throw Failure() }
        return KeyedDecodingContainer(Keyed<Key>(decoder: self, object: current, depth: depth))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard nodes[current].kind == .array else { throw Failure() }
        return Unkeyed(decoder: self, array: current)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { Single(decoder: self, node: current) }

    /// Decodes a child value one object level deeper (for the key hints).
    @inline(__always) func decodeChild<T: Decodable>(_ type: T.Type, _ n: Int) throws -> T {
        depth += 1
        defer { depth -= 1 }
        return try decodeNode(type, n)
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: ModelJSONByteDecoder
        let object: Int
        let depth: Int
        var codingPath: [CodingKey] { [] }

        var allKeys: [Key] {
            var keys: [Key] = []
            var i = object + 1
            let stop = Int(decoder.nodes[object].end)
            while i < stop {
                if let s = try? decoder.string(i), let k = Key(stringValue: s) { keys.append(k) }
                i = decoder.next(after: i + 1)
            }
            return keys
        }

        func contains(_ key: Key) -> Bool { decoder.find(key, in: object, depth: depth) != nil }

        private func value(_ key: Key) throws -> Int {
            guard let v = decoder.find(key, in: object, depth: depth) else { throw Failure() }
            return v
        }

        private func present(_ key: Key) -> Int? {
            guard let v = decoder.find(key, in: object, depth: depth), decoder.nodes[v].kind != .null else { return nil }
            return v
        }

        func decodeNil(forKey key: Key) throws -> Bool { decoder.nodes[try value(key)].kind == .null }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.bool(try value(key)) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.string(try value(key)) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.int(try value(key)) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder.decodeChild(type, try value(key)) }

        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
            guard let v = present(key) else { return nil }
            return try decoder.bool(v)
        }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
            guard let v = present(key) else { return nil }
            return try decoder.string(v)
        }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
            guard let v = present(key) else { return nil }
            return try decoder.int(v)
        }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard let v = present(key) else { return nil }
            return try decoder.decodeChild(type, v)
        }

        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { throw Failure() }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw Failure() }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { throw Failure() }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { throw Failure() }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { throw Failure() }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { throw Failure() }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { throw Failure() }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { throw Failure() }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { throw Failure() }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { throw Failure() }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { throw Failure() }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            let v = try value(key)
            guard decoder.nodes[v].kind == .object else { throw Failure() }
            return KeyedDecodingContainer(Keyed<NestedKey>(decoder: decoder, object: v, depth: depth + 1))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
            let v = try value(key)
            guard decoder.nodes[v].kind == .array else { throw Failure() }
            return Unkeyed(decoder: decoder, array: v)
        }

        func superDecoder() throws -> Decoder { throw Failure() }
        func superDecoder(forKey key: Key) throws -> Decoder { throw Failure() }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let decoder: ModelJSONByteDecoder
        let array: Int
        let stop: Int
        var position: Int
        var currentIndex = 0
        var codingPath: [CodingKey] { [] }
        var count: Int? { Int(decoder.nodes[array].count) }
        var isAtEnd: Bool { position >= stop }

        init(decoder: ModelJSONByteDecoder, array: Int) {
            self.decoder = decoder
            self.array = array
            stop = Int(decoder.nodes[array].end)
            position = array + 1
        }

        private mutating func take() throws -> Int {
            guard position < stop else { throw Failure() }
            let n = position
            position = decoder.next(after: n)
            currentIndex += 1
            return n
        }

        mutating func decodeNil() throws -> Bool {
            guard position < stop else { throw Failure() }
            if decoder.nodes[position].kind == .null { _ = try take(); return true }
            return false
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool(try take()) }
        mutating func decode(_ type: String.Type) throws -> String { try decoder.string(try take()) }
        mutating func decode(_ type: Int.Type) throws -> Int { try decoder.int(try take()) }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeChild(type, try take()) }
        mutating func decode(_ type: Double.Type) throws -> Double { throw Failure() }
        mutating func decode(_ type: Float.Type) throws -> Float { throw Failure() }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { throw Failure() }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { throw Failure() }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { throw Failure() }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { throw Failure() }
        mutating func decode(_ type: UInt.Type) throws -> UInt { throw Failure() }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { throw Failure() }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { throw Failure() }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { throw Failure() }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { throw Failure() }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            let n = try take()
            guard decoder.nodes[n].kind == .object else { throw Failure() }
            return KeyedDecodingContainer(Keyed<NestedKey>(decoder: decoder, object: n, depth: decoder.depth + 1))
        }

        mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
            let n = try take()
            guard decoder.nodes[n].kind == .array else { throw Failure() }
            return Unkeyed(decoder: decoder, array: n)
        }

        mutating func superDecoder() throws -> Decoder { throw Failure() }
    }

    struct Single: SingleValueDecodingContainer {
        let decoder: ModelJSONByteDecoder
        let node: Int
        var codingPath: [CodingKey] { [] }

        func decodeNil() -> Bool { decoder.nodes[node].kind == .null }
        func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool(node) }
        func decode(_ type: String.Type) throws -> String { try decoder.string(node) }
        func decode(_ type: Int.Type) throws -> Int { try decoder.int(node) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeNode(type, node) }
        func decode(_ type: Double.Type) throws -> Double { throw Failure() }
        func decode(_ type: Float.Type) throws -> Float { throw Failure() }
        func decode(_ type: Int8.Type) throws -> Int8 { throw Failure() }
        func decode(_ type: Int16.Type) throws -> Int16 { throw Failure() }
        func decode(_ type: Int32.Type) throws -> Int32 { throw Failure() }
        func decode(_ type: Int64.Type) throws -> Int64 { throw Failure() }
        func decode(_ type: UInt.Type) throws -> UInt { throw Failure() }
        func decode(_ type: UInt8.Type) throws -> UInt8 { throw Failure() }
        func decode(_ type: UInt16.Type) throws -> UInt16 { throw Failure() }
        func decode(_ type: UInt32.Type) throws -> UInt32 { throw Failure() }
        func decode(_ type: UInt64.Type) throws -> UInt64 { throw Failure() }
    }
}
