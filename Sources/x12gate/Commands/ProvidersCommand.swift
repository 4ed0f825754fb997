import ArgumentParser
import Gateway

/// `x12gate providers import FILE.csv`.
struct ProvidersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "providers",
        abstract: "Import providers from CSV.",
        subcommands: [Import.self])

    /// `providers import`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import providers.csv (re-importing updates by npi).",
            discussion: """
            Columns (header row, any order): npi (10 digits with a valid check digit), name, specialty (matched against the \
            referral rules), contracted (Y/N), tertiary (Y/N). Bad rows are listed with their line numbers (exit 1).
            """)
        @Argument(help: "The CSV file.") var file: String
        @OptionGroup var store: StoreOption
        func run() throws { try runImport(path: file, store: store, what: "providers") { try $0.importProviders(text: $1) } }
    }
}
