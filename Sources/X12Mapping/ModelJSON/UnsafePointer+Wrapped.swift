extension UnsafePointer {
    /// The value inside the optional at this address, in place (nil when the optional is nil): the generated JSON
    /// writers reach an optional field's string or struct through it, with no copy (and no retain and release) of
    /// the value. An `Optional` holds its payload at offset 0 (a single-payload enumeration's layout in the Swift
    /// ABI); the tag, if any, follows it.
    @inline(__always) func wrapped<Wrapped>() -> UnsafePointer<Wrapped>? where Pointee == Wrapped? {
        pointee == nil ? nil : UnsafeRawPointer(self).assumingMemoryBound(to: Wrapped.self)
    }
}
