/// Lookups straight from an element's bytes: the code is packed into an integer as ``CodeTable/pack(_:)``
/// packs a `String`, and no `String` is made unless the code is unknown or longer than 7 bytes.
extension CodeTable {
    /// A code of 1 to 7 bytes as ``pack(_:)`` packs it; `nil` otherwise.
    @inline(__always) static func pack(bytes b: UnsafeRawBufferPointer) -> UInt64? {
        guard b.count >= 1, b.count <= 7 else { return nil }
        var key: UInt64 = 0
        for i in 0..<b.count { key = key << 8 | UInt64(b[i]) }
        return key | UInt64(b.count) << 56
    }

    /// The domain value for the element's value; throws when the code is not in the table.
    @inline(__always) func value(_ e: RawElement, _ segment: String, _ position: Int) throws(MappingError) -> Value {
        try value(bytes: e.valueBytes, segment, position)
    }

    /// The domain value for a code given as bytes; throws when the code is not in the table.
    @inline(__always) func value(bytes b: UnsafeRawBufferPointer, _ segment: String, _ position: Int) throws(MappingError) -> Value {
        if let key = Self.pack(bytes: b), let v = lookup(packed: key) { return v }
        return try value(String(decoding: b, as: UTF8.self), segment, position)
    }

    /// The domain value for an element that may be empty.
    @inline(__always) func optional(_ e: RawElement, _ segment: String, _ position: Int) throws(MappingError) -> Value? {
        let b = e.valueBytes
        return b.isEmpty ? nil : try value(bytes: b, segment, position)
    }
}
