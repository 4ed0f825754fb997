import X12

/// A two-way table between X12 code values and domain values.
struct CodeTable<Value: Hashable & Sendable>: Sendable {
    let name: String
    private let byCode: [String: Value]
    /// Each value once with its first code, for ``code(_:)``: a short scan comparing values, where a dictionary
    /// would hash a `String`-backed enumeration through its raw value.
    private let values: [Value]
    private let codes: [String]
    /// Codes of up to 7 bytes packed into integers (``pack(_:)``), sorted, with their values: found by binary
    /// search without hashing a `String`.
    private let packedCodes: [UInt64]
    private let packedValues: [Value]
    /// The code of each value by its one-byte representation, for writing (``packed(_:)``); empty where unused.
    let packedByTag: [PackedCode]

    init(_ name: String, _ pairs: KeyValuePairs<String, Value>) {
        self.name = name
        var c: [String: Value] = [:]
        var values: [Value] = []
        var codes: [String] = []
        for (code, value) in pairs {
            c[code] = value
            if !values.contains(value) {
                values.append(value)
                codes.append(code)
            }
        }
        byCode = c
        self.values = values
        self.codes = codes
        let packed = c.compactMap { code, value in Self.pack(code).map { ($0, value) } }.sorted { $0.0 < $1.0 }
        packedCodes = packed.map(\.0)
        packedValues = packed.map(\.1)
        packedByTag = Self.packedTable(values, codes)
    }

    /// A code of 1 to 7 bytes as one integer (bytes in order, length in the top byte); `nil` otherwise.
    @inline(__always) static func pack(_ code: String) -> UInt64? {
        var key: UInt64 = 0
        var n: UInt64 = 0
        for b in code.utf8 {
            guard n < 7 else { return nil }
            key = key << 8 | UInt64(b)
            n += 1
        }
        return n == 0 ? nil : key | n << 56
    }

    @inline(__always) private func lookup(_ code: String) -> Value? {
        guard let key = Self.pack(code) else { return byCode[code] }
        return lookup(packed: key)
    }

    /// The value of a packed code (``pack(_:)``), by binary search.
    @inline(__always) func lookup(packed key: UInt64) -> Value? {
        var lo = 0
        var hi = packedCodes.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            let k = packedCodes[mid]
            if k == key { return packedValues[mid] }
            if k < key { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// The domain value for `code`; throws when the code is not in the table.
    func value(_ code: String, _ segment: String, _ position: Int) throws(MappingError) -> Value {
        guard let v = lookup(code) else { throw MappingError.unknownCode(segment: segment, position: position, code: code, list: name) }
        return v
    }

    /// The domain value for a code that may be empty.
    func optional(_ code: String, _ segment: String, _ position: Int) throws(MappingError) -> Value? {
        code.isEmpty ? nil : try value(code, segment, position)
    }

    /// The X12 code for a domain value.
    func code(_ value: Value) -> String {
        for i in values.indices where values[i] == value { return codes[i] }
        preconditionFailure("\(value) has no code in \(name)")
    }
}
