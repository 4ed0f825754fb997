import ArgumentParser
import Gateway

/// `x12gate members import FILE.csv` and `x12gate members benefits FILE.csv`.
struct MembersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "Import members (with their coverage) and plan benefits from CSV.",
        subcommands: [Import.self, Benefits.self])

    /// `members import`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import members.csv (re-importing updates by member_id; coverage by member_id + plan_id + coverage_start).",
            discussion: """
            Columns (header row, any order): member_id, last_name, first_name, birth_date (YYYY-MM-DD), gender (M/F/U), \
            plan_id, plan_name, line_of_business, coverage_start; optional coverage_end (empty = open), pcp_npi, pcp_name, \
            medical_group, subscriber_id and relationship (spouse/child/other) for a dependent. \
            Bad rows are listed with their line numbers (exit 1); the others are imported.
            """)
        @Argument(help: "The CSV file.") var file: String
        @OptionGroup var store: StoreOption
        func run() throws { try runImport(path: file, store: store, what: "members") { try $0.importMembers(text: $1) } }
    }

    /// `members benefits`.
    struct Benefits: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import benefits.csv: the plans' co-pays, co-insurance, deductibles by service type.",
            discussion: """
            Columns: plan_id, service_type (X12 code: 30, 98, UC …), kind (copay, coinsurance, deductible, out_of_pocket, \
            limitation, non_covered); optional coverage_level (IND/FAM/EMP/ESP/CHD), network (in/out/both), time_period \
            (visit, calendar_year, remaining, year_to_date, lifetime, day, service_year), amount, percent (a fraction: 0.2), \
            quantity, auth_required (Y/N), note.
            """)
        @Argument(help: "The CSV file.") var file: String
        @OptionGroup var store: StoreOption
        func run() throws { try runImport(path: file, store: store, what: "benefits") { try $0.importBenefits(text: $1) } }
    }
}
