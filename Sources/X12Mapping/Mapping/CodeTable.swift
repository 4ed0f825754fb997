/// A two-way table between X12 code values and domain values.
struct CodeTable<Value: Hashable & Sendable>: Sendable {
    let name: String
    private let byCode: [String: Value]
    private let byValue: [Value: String]

    init(_ name: String, _ pairs: KeyValuePairs<String, Value>) {
        self.name = name
        var c: [String: Value] = [:]
        var v: [Value: String] = [:]
        for (code, value) in pairs {
            c[code] = value
            if v[value] == nil { v[value] = code }
        }
        byCode = c
        byValue = v
    }

    /// The domain value for `code`; throws when the code is not in the table.
    func value(_ code: String, _ segment: String, _ position: Int) throws(MappingError) -> Value {
        guard let v = byCode[code] else { throw MappingError.unknownCode(segment: segment, position: position, code: code, list: name) }
        return v
    }

    /// The domain value for a code that may be empty.
    func optional(_ code: String, _ segment: String, _ position: Int) throws(MappingError) -> Value? {
        code.isEmpty ? nil : try value(code, segment, position)
    }

    /// The X12 code for a domain value.
    func code(_ value: Value) -> String { byValue[value]! }
}
