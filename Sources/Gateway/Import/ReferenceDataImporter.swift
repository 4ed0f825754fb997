import AuthModel

/// Imports members (with their coverage), providers and plan benefits from CSV files into a ``GatewayStore``.
///
/// A header row names the columns (any order, any case; unknown columns are ignored). Each bad row is reported
/// with its line number and skipped; the others are stored in one transaction. Importing again updates rows by
/// their key: members by `member_id`, coverage by `member_id` + `plan_id` + `coverage_start`, providers by `npi`,
/// benefits by `plan_id` + `service_type` + `kind` + `coverage_level` + `network` + `time_period`.
public struct ReferenceDataImporter: Sendable {
    /// The columns of `members.csv`, required first.
    public static let memberColumns = (
        required: ["member_id", "last_name", "first_name", "birth_date", "gender", "plan_id", "plan_name",
                   "line_of_business", "coverage_start"],
        optional: ["coverage_end", "pcp_npi", "pcp_name", "medical_group", "subscriber_id", "relationship"])
    /// The columns of `providers.csv`.
    public static let providerColumns = (required: ["npi", "name", "specialty", "contracted", "tertiary"], optional: [String]())
    /// The columns of `benefits.csv`.
    public static let benefitColumns = (
        required: ["plan_id", "service_type", "kind"],
        optional: ["coverage_level", "network", "time_period", "amount", "percent", "quantity", "auth_required", "note"])

    /// Benefit kinds accepted in `benefits.csv`.
    public static let benefitKinds: Set<String> = ["copay", "coinsurance", "deductible", "out_of_pocket", "limitation", "non_covered"]
    /// Time periods accepted in `benefits.csv`.
    public static let timePeriods: Set<String> = ["", "visit", "calendar_year", "remaining", "year_to_date", "lifetime", "day", "service_year"]

    /// The store written to.
    public let store: any GatewayStore

    /// An importer into `store`.
    public init(store: any GatewayStore) { self.store = store }

    /// Imports `members.csv` text.
    public func importMembers(text: String) throws -> ImportReport {
        try importRows(text: text, columns: Self.memberColumns.required) { row, s in
            let id = try Self.identifier(row, "member_id")
            let birth = try Self.day(row, "birth_date")
            let gender = (row.value("gender") ?? "").uppercased()
            guard ["M", "F", "U"].contains(gender) else { throw RowProblem("gender must be M, F or U") }
            let start = try Self.day(row, "coverage_start")
            let end = try row.value("coverage_end").map { _ in try Self.day(row, "coverage_end") }
            if let end, end < start { throw RowProblem("coverage_end is before coverage_start") }
            let pcp = row.value("pcp_npi")
            if let pcp, !NPI.isValid(pcp) { throw RowProblem("pcp_npi is not a valid NPI (10 digits with a check digit)") }
            let relationship = row.value("relationship")?.lowercased()
            if let r = relationship, !["self", "spouse", "child", "other"].contains(r) {
                throw RowProblem("relationship must be self, spouse, child or other")
            }
            try s.save(MemberRecord(memberID: id, lastName: try Self.text(row, "last_name"), firstName: try Self.text(row, "first_name"),
                                    birthDate: birth.description, gender: gender, pcpNPI: pcp, pcpName: row.value("pcp_name"),
                                    medicalGroup: row.value("medical_group"), subscriberID: row.value("subscriber_id"),
                                    relationship: relationship == "self" ? nil : relationship))
            try s.save(CoverageRecord(memberID: id, planID: try Self.identifier(row, "plan_id"), planName: try Self.text(row, "plan_name"),
                                      lineOfBusiness: try Self.text(row, "line_of_business").uppercased(),
                                      start: start.description, end: end?.description))
        }
    }

    /// Imports `providers.csv` text.
    public func importProviders(text: String) throws -> ImportReport {
        try importRows(text: text, columns: Self.providerColumns.required) { row, s in
            let npi = row.value("npi") ?? ""
            guard NPI.isValid(npi) else { throw RowProblem("npi is not a valid NPI (10 digits with a check digit)") }
            try s.save(ProviderRecord(npi: npi, name: try Self.text(row, "name"), specialty: try Self.text(row, "specialty"),
                                      contracted: try Self.flag(row, "contracted"), tertiary: try Self.flag(row, "tertiary")))
        }
    }

    /// Imports `benefits.csv` text.
    public func importBenefits(text: String) throws -> ImportReport {
        try importRows(text: text, columns: Self.benefitColumns.required) { row, s in
            let kind = (row.value("kind") ?? "").lowercased()
            guard Self.benefitKinds.contains(kind) else {
                throw RowProblem("kind must be one of \(Self.benefitKinds.sorted().joined(separator: ", "))")
            }
            let level = (row.value("coverage_level") ?? "").uppercased()
            guard ["", "IND", "FAM", "EMP", "ESP", "CHD"].contains(level) else { throw RowProblem("coverage_level must be IND, FAM, EMP, ESP, CHD or empty") }
            let network = (row.value("network") ?? "both").lowercased()
            guard ["in", "out", "both"].contains(network) else { throw RowProblem("network must be in, out or both") }
            let period = (row.value("time_period") ?? "").lowercased()
            guard Self.timePeriods.contains(period) else {
                throw RowProblem("time_period must be one of \(Self.timePeriods.sorted().filter { !$0.isEmpty }.joined(separator: ", ")) or empty")
            }
            let amount = try Self.decimal(row, "amount"), percent = try Self.decimal(row, "percent"), quantity = try Self.decimal(row, "quantity")
            if let p = percent, let v = Double(p), v > 1 { throw RowProblem("percent is a fraction: write 0.2 for 20 %") }
            let auth = row.value("auth_required") == nil ? false : try Self.flag(row, "auth_required")
            try s.save(BenefitRecord(planID: try Self.identifier(row, "plan_id"), serviceType: try Self.identifier(row, "service_type").uppercased(),
                                     kind: kind, coverageLevel: level, network: network, timePeriod: period, amount: amount,
                                     percent: percent, quantity: quantity, authorizationRequired: auth, note: row.value("note")))
        }
    }

    // MARK: Rows

    private struct RowProblem: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    private func importRows(text: String, columns: [String],
                            _ store1: (CSVTable.Row, any GatewaySession) throws -> Void) throws -> ImportReport {
        let table: CSVTable
        do { table = try CSVTable(text: text) } catch { throw ImportError(error.description) }
        let missing = columns.filter { !table.header.contains($0) }
        guard missing.isEmpty else {
            throw ImportError("the header row lacks the column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", "))")
        }
        return try store.write { s in
            var report = ImportReport()
            for row in table.rows {
                if row.fields.count != table.header.count {
                    report.errors.append(.init(line: row.line, message: "\(row.fields.count) fields where the header names \(table.header.count)"))
                    continue
                }
                do {
                    try store1(row, s)
                    report.imported += 1
                } catch let p as RowProblem {
                    report.errors.append(.init(line: row.line, message: p.message))
                }
            }
            return report
        }
    }

    private static func text(_ row: CSVTable.Row, _ column: String) throws -> String {
        guard let v = row.value(column) else { throw RowProblem("\(column) is empty") }
        guard !v.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw RowProblem("\(column) contains a line break or another control character")
        }
        return v
    }

    private static func identifier(_ row: CSVTable.Row, _ column: String) throws -> String {
        let v = try text(row, column)
        guard v.utf8.count <= 80, v.utf8.allSatisfy({ $0 > 32 && $0 < 127 && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "~")
                                                      && $0 != UInt8(ascii: "^") && $0 != UInt8(ascii: ":") }) else {
            throw RowProblem("\(column) must be printable ASCII without spaces or X12 delimiters, at most 80 characters")
        }
        return v
    }

    private static func day(_ row: CSVTable.Row, _ column: String) throws -> CalendarDate {
        guard let v = row.value(column) else { throw RowProblem("\(column) is empty") }
        guard let d = CalendarDate(v), v.utf8.count == 10 else { throw RowProblem("\(column) is not a day written YYYY-MM-DD") }
        return d
    }

    private static func flag(_ row: CSVTable.Row, _ column: String) throws -> Bool {
        switch (row.value(column) ?? "").uppercased() {
        case "Y", "YES", "TRUE", "1": return true
        case "N", "NO", "FALSE", "0": return false
        default: throw RowProblem("\(column) must be Y or N")
        }
    }

    private static func decimal(_ row: CSVTable.Row, _ column: String) throws -> String? {
        guard let v = row.value(column) else { return nil }
        let ok = !v.isEmpty && v.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }
            && v.utf8.filter { $0 == UInt8(ascii: ".") }.count <= 1 && v != "."
        guard ok else { throw RowProblem("\(column) must be a number without sign or currency") }
        return v
    }
}
