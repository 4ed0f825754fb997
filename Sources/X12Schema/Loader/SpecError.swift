/// Why the specs could not be loaded: a file that is missing, not well-formed, not valid against the XSD, or
/// that refers to something that does not exist.
public struct SpecError: Error, Sendable, CustomStringConvertible {
    /// The file concerned.
    public var path: String
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}
