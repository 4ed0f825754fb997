/// Visiting list elements where they are, for the writers: `for x in list` (or passing `list[i]`) copies each element
/// first, which for the model's large values (a `Benefit`, a `Provider`, a `ServiceLine`) retains every string and
/// list inside it and releases them again.
extension Array {
    /// Calls `body` with a pointer to each element in order; the pointer is valid only during the call.
    @inline(__always) func forEachInPlace(_ body: (UnsafePointer<Element>) -> Void) {
        withUnsafeBufferPointer { b in
            guard let p = b.baseAddress else { return }
            for k in 0..<b.count { body(p + k) }
        }
    }
}
