/// A structural JSON or XML input that cannot be turned back into X12, with where it went wrong.
///
/// ```
/// in.json: line 14, column 9 (byte 512): "elements" must be an array, found a number
/// ```
public struct StructuralError: Error, Sendable, CustomStringConvertible {
    /// The input's name.
    public var input: String
    /// Line of the problem (1-based), when known.
    public var line: Int?
    /// Column of the problem (1-based, in bytes), when known.
    public var column: Int?
    /// Byte offset of the problem (0-based), when known.
    public var byteOffset: Int?
    /// What is wrong, in a sentence.
    public var message: String

    /// Creates an error.
    public init(input: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil, message: String) {
        self.input = input
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.message = message
    }

    public var description: String {
        var where_: [String] = []
        if let line { where_.append("line \(line)") }
        if let column { where_.append("column \(column)") }
        var s = input + ": " + where_.joined(separator: ", ")
        if let byteOffset { s += where_.isEmpty ? "byte \(byteOffset)" : " (byte \(byteOffset))" }
        return s + ": " + message
    }
}
