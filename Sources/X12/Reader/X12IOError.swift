/// An input or output failure: the file could not be opened, read or written.
///
/// Problems *in* the X12 are never thrown: they are ``Finding``s.
public struct X12IOError: Error, Sendable, CustomStringConvertible {
    /// The path, or `-` for standard input / output.
    public var path: String
    /// The `errno` value, when the system gave one.
    public var errno: Int32?
    /// What went wrong.
    public var message: String

    /// Creates an I/O error.
    public init(path: String, errno: Int32? = nil, message: String) {
        self.path = path
        self.errno = errno
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
