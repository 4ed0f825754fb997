import AuthModel
import Foundation

/// A streaming `Encoder` that writes compact JSON bytes straight into a buffer, with the same text as
/// `JSONEncoder` with `.withoutEscapingSlashes` (numbers, `Decimal` as its `description`, string escapes),
/// keys in the order the value encodes them (`JSONEncoder` on Linux writes them in hash order).
///
/// One instance serves every nesting level (no allocation per value); containers are closed when the value
/// that opened them returns, or when their parent writes its next entry.
final class ModelJSONByteEncoder: Encoder {
    /// The bytes written so far.
    var out: [UInt8] = []
    /// Open containers: whether an entry was written, and the closing byte.
    private var stack: [(hasEntry: Bool, closer: UInt8)] = []
    /// The stack depth at which the value being encoded started.
    private var base = 0

    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init() { out.reserveCapacity(4096) }

    /// Encodes one top-level value.
    func encodeTop<T: Encodable>(_ value: T) throws {
        out.removeAll(keepingCapacity: true)
        stack.removeAll(keepingCapacity: true)
        base = 0
        try encodeValue(value)
    }

    // MARK: Container management

    /// Closes containers deeper than `depth`.
    @inline(__always)
    func close(to depth: Int) {
        while stack.count > depth { out.append(stack.removeLast().closer) }
    }

    /// Starts an entry in the container at `depth` (1-based): closes deeper containers, writes the comma.
    @inline(__always)
    func beginEntry(_ depth: Int) {
        close(to: depth)
        if stack[depth - 1].hasEntry { out.append(0x2C) } else { stack[depth - 1].hasEntry = true }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        close(to: base)
        out.append(0x7B)
        stack.append((false, 0x7D))
        return KeyedEncodingContainer(Keyed<Key>(encoder: self, depth: stack.count))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        close(to: base)
        out.append(0x5B)
        stack.append((false, 0x5D))
        return Unkeyed(encoder: self, depth: stack.count)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { Single(encoder: self) }

    // MARK: Values

    /// Writes one value (at the current position, after any key and comma).
    func encodeValue<T: Encodable>(_ value: T) throws {
        if T.self == String.self { writeString(value as! String); return }
        if T.self == Decimal.self { writeDecimal(value as! Decimal); return }
        if T.self == Int.self { writeInt(value as! Int); return }
        if T.self == Bool.self { writeBool(value as! Bool); return }
        if T.self == CalendarDate.self { writeDate(value as! CalendarDate); return }
        let savedBase = base
        let start = out.count
        base = stack.count
        try value.encode(to: self)
        if out.count == start {   // encoded nothing: JSONEncoder writes an empty object
            out.append(0x7B); out.append(0x7D)
        }
        close(to: base)
        base = savedBase
    }

    @inline(__always)
    func writeBool(_ b: Bool) {
        if b { out.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) } else { out.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65]) }
    }

    func writeNull() { out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    func writeInt(_ v: Int) {
        if v < 0 { out.append(0x2D) }
        writeUInt(UInt64(v.magnitude))
    }

    func writeUInt(_ v: UInt64) {
        var m = v
        if m == 0 { out.append(0x30); return }
        let start = out.count
        while m > 0 {
            out.append(0x30 &+ UInt8(truncatingIfNeeded: m % 10))
            m /= 10
        }
        out[start...].reverse()
    }

    func writeDate(_ d: CalendarDate) {
        if d.year >= 0 && d.year <= 9999 && d.month >= 1 && d.month <= 99 && d.day >= 1 && d.day <= 99 {
            out.append(0x22)
            let y = d.year
            out.append(0x30 &+ UInt8(y / 1000)); out.append(0x30 &+ UInt8(y / 100 % 10))
            out.append(0x30 &+ UInt8(y / 10 % 10)); out.append(0x30 &+ UInt8(y % 10))
            out.append(0x2D)
            out.append(0x30 &+ UInt8(d.month / 10)); out.append(0x30 &+ UInt8(d.month % 10))
            out.append(0x2D)
            out.append(0x30 &+ UInt8(d.day / 10)); out.append(0x30 &+ UInt8(d.day % 10))
            out.append(0x22)
        } else {
            writeString(d.description)
        }
    }

    func writeDecimal(_ d: Decimal) {
        out.append(contentsOf: d.description.utf8)   // what JSONEncoder writes for a Decimal
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    func writeString(_ s: String) {
        out.append(0x22)
        var s = s
        s.withUTF8 { p in
            var runStart = 0
            var i = 0
            let n = p.count
            while i < n {
                let c = p[i]
                if c >= 0x20 && c != 0x22 && c != 0x5C { i += 1; continue }
                if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
                out.append(0x5C)
                switch c {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x08: out.append(0x62)
                case 0x0C: out.append(0x66)
                case 0x0A: out.append(0x6E)
                case 0x0D: out.append(0x72)
                case 0x09: out.append(0x74)
                default:
                    out.append(0x75); out.append(0x30); out.append(0x30)
                    out.append(Self.hex[Int(c >> 4)]); out.append(Self.hex[Int(c & 0xF)])
                }
                i += 1
                runStart = i
            }
            if n > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<n])) }
        }
        out.append(0x22)
    }

    @inline(__always)
    func writeKey(_ key: some CodingKey) {
        writeString(key.stringValue)
        out.append(0x3A)
    }

    // MARK: Containers

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: ModelJSONByteEncoder
        let depth: Int
        var codingPath: [CodingKey] { [] }

        @inline(__always) private func key(_ k: Key) {
            encoder.beginEntry(depth)
            encoder.writeKey(k)
        }

        mutating func encodeNil(forKey k: Key) throws { key(k); encoder.writeNull() }
        mutating func encode(_ v: Bool, forKey k: Key) throws { key(k); encoder.writeBool(v) }
        mutating func encode(_ v: String, forKey k: Key) throws { key(k); encoder.writeString(v) }
        mutating func encode(_ v: Double, forKey k: Key) throws { key(k); try encoder.encodeFloat(v) }
        mutating func encode(_ v: Float, forKey k: Key) throws { key(k); try encoder.encodeFloat(Double(v)) }
        mutating func encode(_ v: Int, forKey k: Key) throws { key(k); encoder.writeInt(v) }
        mutating func encode(_ v: Int8, forKey k: Key) throws { key(k); encoder.writeInt(Int(v)) }
        mutating func encode(_ v: Int16, forKey k: Key) throws { key(k); encoder.writeInt(Int(v)) }
        mutating func encode(_ v: Int32, forKey k: Key) throws { key(k); encoder.writeInt(Int(v)) }
        mutating func encode(_ v: Int64, forKey k: Key) throws { key(k); encoder.writeInt(Int(v)) }
        mutating func encode(_ v: UInt, forKey k: Key) throws { key(k); encoder.writeUInt(UInt64(v)) }
        mutating func encode(_ v: UInt8, forKey k: Key) throws { key(k); encoder.writeUInt(UInt64(v)) }
        mutating func encode(_ v: UInt16, forKey k: Key) throws { key(k); encoder.writeUInt(UInt64(v)) }
        mutating func encode(_ v: UInt32, forKey k: Key) throws { key(k); encoder.writeUInt(UInt64(v)) }
        mutating func encode(_ v: UInt64, forKey k: Key) throws { key(k); encoder.writeUInt(v) }
        mutating func encode<T: Encodable>(_ v: T, forKey k: Key) throws { key(k); try encoder.encodeValue(v) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey k: Key) -> KeyedEncodingContainer<NestedKey> {
            key(k)
            encoder.out.append(0x7B)
            encoder.stack.append((false, 0x7D))
            return KeyedEncodingContainer(Keyed<NestedKey>(encoder: encoder, depth: encoder.stack.count))
        }

        mutating func nestedUnkeyedContainer(forKey k: Key) -> UnkeyedEncodingContainer {
            key(k)
            encoder.out.append(0x5B)
            encoder.stack.append((false, 0x5D))
            return Unkeyed(encoder: encoder, depth: encoder.stack.count)
        }

        mutating func superEncoder() -> Encoder { fatalError("ModelJSON: superEncoder is not supported") }
        mutating func superEncoder(forKey key: Key) -> Encoder { fatalError("ModelJSON: superEncoder is not supported") }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: ModelJSONByteEncoder
        let depth: Int
        var count = 0
        var codingPath: [CodingKey] { [] }

        init(encoder: ModelJSONByteEncoder, depth: Int) { self.encoder = encoder; self.depth = depth }

        @inline(__always) private mutating func entry() { encoder.beginEntry(depth); count += 1 }

        mutating func encodeNil() throws { entry(); encoder.writeNull() }
        mutating func encode(_ v: Bool) throws { entry(); encoder.writeBool(v) }
        mutating func encode(_ v: String) throws { entry(); encoder.writeString(v) }
        mutating func encode(_ v: Double) throws { entry(); try encoder.encodeFloat(v) }
        mutating func encode(_ v: Float) throws { entry(); try encoder.encodeFloat(Double(v)) }
        mutating func encode(_ v: Int) throws { entry(); encoder.writeInt(v) }
        mutating func encode(_ v: Int8) throws { entry(); encoder.writeInt(Int(v)) }
        mutating func encode(_ v: Int16) throws { entry(); encoder.writeInt(Int(v)) }
        mutating func encode(_ v: Int32) throws { entry(); encoder.writeInt(Int(v)) }
        mutating func encode(_ v: Int64) throws { entry(); encoder.writeInt(Int(v)) }
        mutating func encode(_ v: UInt) throws { entry(); encoder.writeUInt(UInt64(v)) }
        mutating func encode(_ v: UInt8) throws { entry(); encoder.writeUInt(UInt64(v)) }
        mutating func encode(_ v: UInt16) throws { entry(); encoder.writeUInt(UInt64(v)) }
        mutating func encode(_ v: UInt32) throws { entry(); encoder.writeUInt(UInt64(v)) }
        mutating func encode(_ v: UInt64) throws { entry(); encoder.writeUInt(v) }
        mutating func encode<T: Encodable>(_ v: T) throws { entry(); try encoder.encodeValue(v) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            entry()
            encoder.out.append(0x7B)
            encoder.stack.append((false, 0x7D))
            return KeyedEncodingContainer(Keyed<NestedKey>(encoder: encoder, depth: encoder.stack.count))
        }

        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            entry()
            encoder.out.append(0x5B)
            encoder.stack.append((false, 0x5D))
            return Unkeyed(encoder: encoder, depth: encoder.stack.count)
        }

        mutating func superEncoder() -> Encoder { fatalError("ModelJSON: superEncoder is not supported") }
    }

    struct Single: SingleValueEncodingContainer {
        let encoder: ModelJSONByteEncoder
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil() throws { encoder.writeNull() }
        mutating func encode(_ v: Bool) throws { encoder.writeBool(v) }
        mutating func encode(_ v: String) throws { encoder.writeString(v) }
        mutating func encode(_ v: Double) throws { try encoder.encodeFloat(v) }
        mutating func encode(_ v: Float) throws { try encoder.encodeFloat(Double(v)) }
        mutating func encode(_ v: Int) throws { encoder.writeInt(v) }
        mutating func encode(_ v: Int8) throws { encoder.writeInt(Int(v)) }
        mutating func encode(_ v: Int16) throws { encoder.writeInt(Int(v)) }
        mutating func encode(_ v: Int32) throws { encoder.writeInt(Int(v)) }
        mutating func encode(_ v: Int64) throws { encoder.writeInt(Int(v)) }
        mutating func encode(_ v: UInt) throws { encoder.writeUInt(UInt64(v)) }
        mutating func encode(_ v: UInt8) throws { encoder.writeUInt(UInt64(v)) }
        mutating func encode(_ v: UInt16) throws { encoder.writeUInt(UInt64(v)) }
        mutating func encode(_ v: UInt32) throws { encoder.writeUInt(UInt64(v)) }
        mutating func encode(_ v: UInt64) throws { encoder.writeUInt(v) }
        mutating func encode<T: Encodable>(_ v: T) throws { try encoder.encodeValue(v) }
    }

    /// Floating point (not used by the model): the text `JSONEncoder` writes.
    func encodeFloat(_ v: Double) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes]
        out.append(contentsOf: try e.encode(v))
    }
}
