import Foundation

/// The folders of the batch processor. The work folder, where claimed files wait while they are processed, is
/// `<inbox>/.x12gate-work` (inside the inbox, so that claiming is a rename on one file system).
public struct BatchFolders: Sendable, Equatable {
    /// Where partners drop files.
    public var inbox: String
    /// Where acknowledgments and responses go.
    public var outbox: String
    /// Where processed inputs go.
    public var archive: String
    /// Where refused inputs go, each with a `.report.txt` beside it.
    public var errors: String

    /// The folders; `archive` and `errors` default to siblings of the inbox.
    public init(inbox: String, outbox: String, archive: String? = nil, errors: String? = nil) {
        self.inbox = inbox
        self.outbox = outbox
        let parent = URL(fileURLWithPath: inbox).deletingLastPathComponent().path
        self.archive = archive ?? parent + "/archive"
        self.errors = errors ?? parent + "/errors"
    }

    /// Claimed files.
    public var work: String { inbox + "/.x12gate-work" }

    /// The folder of an output.
    func path(_ folder: FileOutput.Folder) -> String { folder == .outbox ? outbox : errors }

    /// Creates every folder that does not exist.
    func create() throws {
        for d in [inbox, outbox, archive, errors, work] {
            try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        }
    }
}
