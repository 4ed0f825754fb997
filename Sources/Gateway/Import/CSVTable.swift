/// A small RFC 4180 CSV reader: a header row that names the columns, quoted fields (with `""` for a quote,
/// commas and line breaks inside), LF or CRLF line ends, an optional UTF-8 byte order mark.
///
/// ```swift
/// let table = try CSVTable(text: "npi,name\n1234567893,\"Smith, Ann\"\n")
/// table.rows[0].value("name")   // "Smith, Ann"
/// ```
public struct CSVTable: Sendable {
    /// One data row, with the line of the file where it starts.
    public struct Row: Sendable {
        /// The 1-based line where the row starts (the header is line 1).
        public var line: Int
        /// The fields, in file order.
        public var fields: [String]
        /// The header, lower-cased and trimmed, in file order.
        public var header: [String]

        /// The field under `column` (matched without case), trimmed; `nil` when the column is absent or the field empty.
        public func value(_ column: String) -> String? {
            guard let i = header.firstIndex(of: column.lowercased()), i < fields.count else { return nil }
            let v = fields[i].trimmingSpaces
            return v.isEmpty ? nil : v
        }
    }

    /// Why a CSV text could not be read at all.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        /// The 1-based line.
        public var line: Int
        /// What is wrong.
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The column names, lower-cased and trimmed.
    public var header: [String]
    /// The data rows (blank lines skipped).
    public var rows: [Row]

    /// Parses `text`; throws when there is no header or a quote is never closed.
    public init(text: String) throws(ReadError) {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 1
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var i = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].trimmingSpaces.isEmpty) { records.append((recordLine, fields)) }
            fields.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(b)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if b == UInt8(ascii: "\n") { line += 1 }
                    field.append(b)
                }
            } else if b == UInt8(ascii: "\"") && field.allSatisfy({ $0 == UInt8(ascii: " ") }) {
                field.removeAll()
                inQuotes = true
                quoteLine = line
            } else if b == UInt8(ascii: ",") {
                endField()
            } else if b == UInt8(ascii: "\r") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n") {
                // CR LF: the LF ends the record.
            } else if b == UInt8(ascii: "\n") {
                endRecord()
                line += 1
                recordLine = line
            } else {
                field.append(b)
            }
            i += 1
        }
        if inQuotes { throw ReadError(line: quoteLine, message: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = records.first else { throw ReadError(line: 1, message: "the file is empty; a header row naming the columns is required") }
        header = first.fields.map { $0.trimmingSpaces.lowercased() }
        let h = header
        rows = records.dropFirst().map { Row(line: $0.line, fields: $0.fields, header: h) }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }
}
