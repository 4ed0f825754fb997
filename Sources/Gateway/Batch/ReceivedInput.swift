import Foundation
import X12
import X12Schema

/// A received file to process: where its bytes are (a path, read in chunks, or bytes in memory), its size and
/// SHA-256, and what the guide validation found in it (in a spool file read by one thread: the input is not
/// `Sendable`).
public struct ReceivedInput {
    /// Where the bytes are.
    public enum Source: Sendable {
        /// A file, read from the disk in chunks each time the input is read.
        case path(String)
        /// Bytes in memory.
        case bytes([UInt8])
    }

    /// The file name (outputs are named after it).
    public var name: String
    /// The bytes.
    public var source: Source
    /// Size in bytes.
    public var size: Int
    /// SHA-256 of the content.
    public var contentHash: String
    /// The validation's findings, once ``validate(with:)`` ran.
    var validation: ValidationFindings?

    /// The file at `path`; `contentHash` is computed (in chunks) when not given.
    public init(name: String, path: String, contentHash: String? = nil) throws {
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        self.name = name
        source = .path(path)
        self.size = size
        self.contentHash = try contentHash ?? SHA256.hex(path: path)
    }

    /// Bytes held in memory.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        source = .bytes(bytes)
        size = bytes.count
        contentHash = SHA256.hex(bytes)
    }

    /// A reader over the content, from its start.
    func reader() throws -> X12Reader {
        switch source {
        case .path(let p): return try X12Reader(path: p)
        case .bytes(let b): return X12Reader(bytes: b, name: name)
        }
    }

    /// Validates the content against the guides (a first reading) and writes the findings of the sets that have
    /// some to a spool file in `spoolDirectory` (default: the system's temporary folder; the file is unlinked at
    /// once), read back set by set when the input is processed; give a validator made with
    /// ``Validator/Options/keepTransactions`` off (``validator(for:)``) so that its report keeps counts only.
    public mutating func validate(with validator: Validator, spoolDirectory: String? = nil) throws {
        validation = try ValidationFindings(validating: reader(), with: validator, spoolDirectory: spoolDirectory)
    }

    /// A validator for ``validate(with:)``: it keeps only the sets that have findings.
    public static func validator(for library: SpecLibrary) -> Validator {
        Validator(library: library, options: Validator.Options(keepTransactions: false))
    }
}
