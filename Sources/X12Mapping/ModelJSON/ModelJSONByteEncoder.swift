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

    /// Runs `body` with a ``ModelJSONWriter`` that appends to ``out``.
    @inline(__always) private func withWriter(_ body: (inout ModelJSONWriter) -> Void) {
        var w = ModelJSONWriter(capacity: 64)
        body(&w)
        out.append(contentsOf: w.bytes)
    }

    func writeBool(_ b: Bool) { withWriter { $0.bool(b) } }
    func writeNull() { out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }
    func writeInt(_ v: Int) { withWriter { $0.int(v) } }
    func writeUInt(_ v: UInt64) { withWriter { $0.uint(v) } }
    func writeDate(_ d: CalendarDate) { withWriter { $0.date(d) } }
    func writeDecimal(_ d: Decimal) { withWriter { $0.decimal(d) } }
    func writeString(_ s: String) { withWriter { $0.string(s) } }

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
