/// One file the processing of an input produces: an acknowledgment or response in the outbox, or a report
/// beside a refused input in the errors folder.
public struct FileOutput: Sendable, Equatable {
    /// Where it goes.
    public enum Folder: String, Sendable, Equatable {
        /// The outbox.
        case outbox
        /// The errors folder.
        case errors
    }

    /// The folder.
    public var folder: Folder
    /// The final file name (`<input>.999`, `<input>.271`, `<input>.report.txt` …).
    public var name: String
    /// The content (empty when it was written straight to its temporary file: see ``fileSize``).
    public var bytes: [UInt8]
    /// Set when the content was written straight to its temporary file, fsynced: its size.
    public var fileSize: Int? = nil

    /// The size of the content.
    public var byteCount: Int { fileSize ?? bytes.count }

    /// The journal form: `outbox/NAME`.
    public var journalEntry: String { "\(folder.rawValue)/\(name)" }

    /// The temporary name it is written under before the rename (hidden: starts with a dot).
    public static func temporaryName(_ name: String) -> String { ".\(name).x12gate-tmp" }
}
