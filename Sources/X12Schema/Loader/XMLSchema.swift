import CLibXML2

/// A compiled XSD (libxml2), used to check spec files.
final class XMLSchema {
    let schema: xmlSchemaPtr

    /// Compiles the schema at `path`.
    init(path: String) throws(SpecError) {
        xmlInitParser()
        guard let parser = xmlSchemaNewParserCtxt(path) else { throw SpecError(path: path, message: "cannot read the schema") }
        defer { xmlSchemaFreeParserCtxt(parser) }
        let box = MessageBox()
        let unmanaged = Unmanaged.passRetained(box)
        defer { unmanaged.release() }
        xmlSchemaSetParserStructuredErrors(parser, { userData, error in
            guard let userData, let error else { return }
            let box = Unmanaged<MessageBox>.fromOpaque(userData).takeUnretainedValue()
            box.messages.append(error.pointee.message.map { String(cString: $0) }?.trimmingTrailingNewlines ?? "invalid schema")
        }, unmanaged.toOpaque())
        guard let s = xmlSchemaParse(parser) else {
            throw SpecError(path: path, message: box.messages.first ?? "not a valid XML schema")
        }
        schema = s
    }

    deinit { xmlSchemaFree(schema) }
}
