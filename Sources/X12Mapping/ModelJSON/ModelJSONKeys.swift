/// The property names of one model type, matched against a JSON object's keys without building `String`s.
final class ModelJSONKeys: @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt8>
    /// Per name: offset in `base` and length.
    private let offsets: UnsafeMutableBufferPointer<Int>
    private let lengths: UnsafeMutableBufferPointer<Int>

    /// The names in property order (immutable; lives as long as the program, like the type's static).
    init(_ names: [StaticString]) {
        let total = names.reduce(0) { $0 + $1.utf8CodeUnitCount }
        base = .allocate(capacity: max(total, 1))
        offsets = .allocate(capacity: names.count)
        lengths = .allocate(capacity: names.count)
        var at = 0
        for (i, n) in names.enumerated() {
            (base + at).initialize(from: n.utf8Start, count: n.utf8CodeUnitCount)
            offsets[i] = at
            lengths[i] = n.utf8CodeUnitCount
            at += n.utf8CodeUnitCount
        }
    }

    deinit {
        base.deallocate()
        offsets.deallocate()
        lengths.deallocate()
    }

    /// The property index of key node `k`, trying `hint` (the property after the last one found) first;
    /// -1 for an unknown key. An escaped key throws (`JSONDecoder` decides).
    @inline(__always)
    func index(_ r: ModelJSONReader, _ k: Int, hint: Int) throws(ModelJSONReader.Failure) -> Int {
        let node = r.nodes[k]
        guard node.kind == .string else { throw ModelJSONReader.Failure() }
        let start = Int(node.start)
        let len = Int(node.end) - start
        let key = r.bytes.baseAddress! + start
        let n = lengths.count
        var f = hint < n ? hint : 0
        for _ in 0..<n {
            if lengths[f] == len && memcmp(key, base + offsets[f], len) == 0 { return f }   // f < n: in bounds
            f += 1
            if f == n { f = 0 }
        }
        return -1
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
