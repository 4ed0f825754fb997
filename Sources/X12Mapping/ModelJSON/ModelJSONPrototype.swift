/// The bytes of a model value's starting point for the generated readers: a value made of empty lists, `nil`s,
/// empty strings, numbers, dates and enumeration cases only, so it holds no counted reference and a copy of its
/// bytes is a copy of the value. A reader starts each value it builds in place from these bytes (a plain
/// memory copy) instead of initializing through the type's init and copying the result (a retain and a release
/// of every field).
///
/// `Scripts/generate-model-json-coding.py` makes one per type, only from such values.
final class ModelJSONPrototype<Value>: @unchecked Sendable {
    private let value: UnsafeMutablePointer<Value>

    /// Keeps `value` (immutable; lives as long as the program, like the type's static).
    init(_ value: Value) {
        self.value = .allocate(capacity: 1)
        self.value.initialize(to: value)
    }

    deinit {
        value.deinitialize(count: 1)
        value.deallocate()
    }

    /// Initializes the uninitialized memory at `p` with the value's bytes.
    @inline(__always) func initialize(_ p: UnsafeMutablePointer<Value>) {
        UnsafeMutableRawPointer(p).copyMemory(from: UnsafeRawPointer(value), byteCount: MemoryLayout<Value>.size)
    }
}
