import X12

/// Codes for writing without comparing or hashing values: a value of a payload-free enumeration is one byte (its
/// case), and that byte indexes a table of the codes packed as ``PackedCode``s, written with one store.
extension CodeTable {
    /// The one-byte representation of `value` (0 for a type of size 0).
    @inline(__always) static func tag(_ value: Value) -> Int {
        MemoryLayout<Value>.size == 0 ? 0 : withUnsafeBytes(of: value) { Int($0[0]) }
    }

    /// The table indexed by ``tag(_:)``: used when `Value` is a plain one-byte value (equal bytes, equal values), each
    /// value has a code of at most 8 bytes, and no two values share a byte; empty otherwise.
    static func packedTable(_ values: [Value], _ codes: [String]) -> [PackedCode] {
        guard _isPOD(Value.self), MemoryLayout<Value>.size <= 1 else { return [] }
        var table = [PackedCode](repeating: PackedCode(bits: 0, count: 0), count: 256)
        for (v, c) in zip(values, codes) {
            guard let p = PackedCode(c), p.count > 0, table[tag(v)].count == 0 else { return [] }
            table[tag(v)] = p
        }
        return table
    }

    /// The code of `value` packed; a code with ``PackedCode/count`` 0 when the table has none (then ``code(_:)``).
    @inline(__always) func packed(_ value: Value) -> PackedCode {
        if packedByTag.count == 256 { return packedByTag[Self.tag(value)] }
        return PackedCode(bits: 0, count: 0)
    }

    /// The code of `value` packed, from ``code(_:)`` when the table has no packed form (codes longer than 8 bytes
    /// stop the program: no code list here has one).
    @inline(__always) func packedCode(_ value: Value) -> PackedCode {
        let p = packed(value)
        if p.count > 0 { return p }
        guard let c = PackedCode(code(value)) else { preconditionFailure("\(value) has a code longer than 8 bytes in \(name)") }
        return c
    }
}
