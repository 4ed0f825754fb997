/// A set of code values that answers "is this value in the list?" on raw bytes, without making a `String`.
///
/// Codes of up to seven bytes are packed into a `UInt64` (bytes plus length); longer ones are compared as bytes.
public struct CodeSet: Sendable, Hashable {
    private final class Storage: @unchecked Sendable {
        let packed: Set<UInt64>
        let long: [[UInt8]]
        let values: [String]
        /// The packed codes, sorted, in memory owned by this storage (immutable after init): the validator's lookup.
        let sorted: UnsafeMutablePointer<UInt64>
        let sortedCount: Int
        /// The long codes, concatenated, and each one's end offset in `longBytes`.
        let longBytes: UnsafeMutablePointer<UInt8>
        let longEnds: UnsafeMutablePointer<Int>
        init(packed: Set<UInt64>, long: [[UInt8]], values: [String]) {
            self.packed = packed
            self.long = long
            self.values = values
            let keys = packed.sorted()
            sortedCount = keys.count
            sorted = UnsafeMutablePointer<UInt64>.allocate(capacity: max(keys.count, 1))
            for (i, k) in keys.enumerated() { sorted[i] = k }
            let flat = long.flatMap { $0 }
            longBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(flat.count, 1))
            longBytes.initialize(from: flat, count: flat.count)
            longEnds = UnsafeMutablePointer<Int>.allocate(capacity: max(long.count, 1))
            var end = 0
            for (i, c) in long.enumerated() { end += c.count; longEnds[i] = end }
        }
        deinit {
            sorted.deallocate()
            longBytes.deallocate()
            longEnds.deallocate()
        }
    }
    private let storage: Storage
    private var packed: Set<UInt64> { storage.packed }
    private var long: [[UInt8]] { storage.long }
    /// The codes, in the order written in the spec.
    public var values: [String] { storage.values }

    public static func == (a: CodeSet, b: CodeSet) -> Bool { a.storage === b.storage || a.values == b.values }
    public func hash(into h: inout Hasher) { h.combine(values) }

    /// Creates a set from code values.
    public init<S: Sequence>(_ codes: S) where S.Element == String {
        var packed = Set<UInt64>()
        var long: [[UInt8]] = []
        var values: [String] = []
        for c in codes {
            values.append(c)
            let u = Array(c.utf8)
            if let k = CodeSet.pack(u) { packed.insert(k) } else { long.append(u) }
        }
        storage = Storage(packed: packed, long: long, values: values)
    }

    /// The number of codes.
    public var count: Int { values.count }

    /// `true` when `bytes` is one of the codes.
    @inlinable
    public func contains(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if bytes.count <= 7 {
            var k = UInt64(bytes.count) << 56
            for i in 0..<bytes.count { k |= UInt64(bytes[i]) << (8 * UInt64(i)) }
            return containsPacked(k)
        }
        return containsLong(bytes)
    }

    /// `true` when `value` is one of the codes.
    public func contains(_ value: String) -> Bool {
        var v = value
        return v.withUTF8 { contains(UnsafeRawBufferPointer($0)) }
    }

    @usableFromInline
    func containsPacked(_ k: UInt64) -> Bool { storage.packed.contains(k) }

    @usableFromInline
    func containsLong(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for c in long where c.count == bytes.count {
            var same = true
            for i in 0..<c.count where c[i] != bytes[i] { same = false; break }
            if same { return true }
        }
        return false
    }

    /// A reference-free view of the packed codes for the validator's hot loop (valid while this set lives).
    var lookup: CodeLookup {
        CodeLookup(base: UnsafePointer(storage.sorted), count: storage.sortedCount, longBytes: UnsafePointer(storage.longBytes),
                   longEnds: UnsafePointer(storage.longEnds), longCount: storage.long.count)
    }

    private static func pack(_ u: [UInt8]) -> UInt64? {
        guard u.count <= 7 else { return nil }
        var k = UInt64(u.count) << 56
        for (i, b) in u.enumerated() { k |= UInt64(b) << (8 * UInt64(i)) }
        return k
    }
}
