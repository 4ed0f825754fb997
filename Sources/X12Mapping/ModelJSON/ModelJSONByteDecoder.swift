import AuthModel
import Foundation

/// Reads model JSON values with the generated per-type functions (``ModelJSONCodable``) and a
/// ``ModelJSONReader`` cursor over the bytes, in one pass.
///
/// Strict: anything the fast path does not handle throws ``Failure``, and ``ModelJSON/decode(_:)`` then asks
/// `JSONDecoder` for the answer (and its error text). Reusable: a line that is not already in a padded buffer
/// is copied into one the decoder keeps and grows.
final class ModelJSONByteDecoder {
    /// The fast path gave up.
    typealias Failure = ModelJSONReader.Failure

    /// A copy of the input with ``ModelJSONReader/padding`` zero bytes after it.
    private var scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 1024)
    private var capacity = 1024

    init() {}

    deinit { scratch.deallocate() }

    /// Reads one transaction (a whole model JSON line).
    func decodeTransaction(from input: some Collection<UInt8>) throws(Failure) -> ModelTransaction {
        try decode(ModelTransaction.self, from: input)
    }

    /// Reads one value of `type` that is the whole of `input` (whitespace around it allowed).
    func decode<T: ModelJSONCodable>(_ type: T.Type, from input: some Collection<UInt8>) throws(Failure) -> T {
        let n = input.count
        if capacity < n + ModelJSONReader.padding {
            scratch.deallocate()
            capacity = max(n + ModelJSONReader.padding, capacity * 2)
            scratch = .allocate(capacity: capacity)
        }
        let copied = UnsafeMutableBufferPointer(start: scratch, count: n).initialize(from: input).1
        guard copied == n else { throw Failure() }
        (scratch + n).initialize(repeating: 0, count: ModelJSONReader.padding)
        return try Self.decode(type, at: scratch, count: n)
    }

    /// Reads one value of `type` that is the whole of the `count` bytes at `base`, which must follow the
    /// padding rule of ``ModelJSONReader`` (readable ``ModelJSONReader/padding`` bytes past the end, the first
    /// of them below 0x20).
    static func decode<T: ModelJSONCodable>(_ type: T.Type, at base: UnsafePointer<UInt8>, count: Int) throws(Failure) -> T {
        var r = ModelJSONReader(base, count: count)
        r.space()
        let value = try T.readJSON(&r)
        try r.finish()
        return value
    }
}
