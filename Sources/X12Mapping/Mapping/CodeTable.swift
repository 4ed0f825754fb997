import X12

/// A two-way table between X12 code values and domain values.
struct CodeTable<Value: Hashable & Sendable>: Sendable {
    let name: String
    private let byCode: [String: Value]
    /// Each value once with its first code, for ``code(_:)``: a short scan comparing values, where a dictionary
    /// would hash a `String`-backed enumeration through its raw value.
    private let values: [Value]
    private let codes: [String]
    /// Codes of up to 7 bytes packed into integers (``pack(_:)``), sorted, with their values: found without
    /// hashing a `String` (through the hash table below).
    private let packedCodes: [UInt64]
    private let packedValues: [Value]
    /// The packed codes again in an open-addressing table at most a quarter full (0 = free; a packed code is
    /// never 0), with the index of each code's value: a lookup is one multiply and, nearly always, one compare.
    private let hashKeys: [UInt64]
    private let hashIndexes: [Int32]
    private let hashShift: UInt64
    /// `hashKeys.count - 1` (the table size is a power of two), kept: `Array.count` was a call per lookup here.
    private let hashMask: Int
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
        var size = 8
        var bits: UInt64 = 3
        while size < packed.count * 4 {
            size *= 2
            bits += 1
        }
        var keys = [UInt64](repeating: 0, count: size)
        var indexes = [Int32](repeating: -1, count: size)
        for (i, (key, _)) in packed.enumerated() {
            var h = Int(truncatingIfNeeded: (key &* Self.hashMultiplier) >> (64 - bits))
            while keys[h] != 0 { h = (h + 1) & (size - 1) }
            keys[h] = key
            indexes[h] = Int32(i)
        }
        hashKeys = keys
        hashIndexes = indexes
        hashShift = 64 - bits
        hashMask = size - 1
        packedByTag = Self.packedTable(values, codes)
    }

    private static var hashMultiplier: UInt64 { 0x9E37_79B9_7F4A_7C15 }

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

    /// The value of a packed code (``pack(_:)``), from the hash table.
    @inline(__always) func lookup(packed key: UInt64) -> Value? {
        let mask = hashMask
        var h = Int(truncatingIfNeeded: (key &* Self.hashMultiplier) >> hashShift)
        while true {
            let k = hashKeys[h]
            if k == key { return packedValues[Int(hashIndexes[h])] }
            if k == 0 { return nil }
            h = (h + 1) & mask
        }
    }

    /// The value of a packed code by binary search over the sorted codes (what the hash table must agree with).
    func searchSorted(packed key: UInt64) -> Value? {
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

    /// Every code in the table (for tests).
    var allCodes: [String] { Array(byCode.keys) }

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
