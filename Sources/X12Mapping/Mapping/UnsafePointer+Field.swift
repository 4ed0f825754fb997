/// Pointers to stored properties of a value the writers read in place (see `Array.forEachInPlace`), so that a
/// `Member` or `Provider` inside a list element is written without copying it out first.
extension UnsafePointer {
    /// A pointer to the stored property `key` of the pointee.
    @inline(__always) func field<T>(_ key: KeyPath<Pointee, T>) -> UnsafePointer<T> {
        guard let offset = MemoryLayout<Pointee>.offset(of: key) else { preconditionFailure("\(key) is not a stored property") }
        return (UnsafeRawPointer(self) + offset).assumingMemoryBound(to: T.self)
    }

    /// A pointer to the value inside the optional stored property `key` of the pointee; `nil` when it is `nil`.
    ///
    /// An optional keeps its value at offset zero (the Swift ABI's single-payload enum layout; a `nil` is told by
    /// extra inhabitants or a tag byte after it).
    @inline(__always) func wrapped<T>(_ key: KeyPath<Pointee, T?>) -> UnsafePointer<T>? {
        let optional = field(key)
        if case .none = optional.pointee { return nil }
        return UnsafeRawPointer(optional).assumingMemoryBound(to: T.self)
    }
}
