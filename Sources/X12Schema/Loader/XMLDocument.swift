import CLibXML2

/// A parsed XML file (libxml2), freed when released; optionally checked against an XSD.
final class XMLDocument {
    let path: String
    let doc: xmlDocPtr

    /// Parses `path` (no network, no entity expansion); throws ``SpecError`` when it is not well-formed.
    init(path: String) throws(SpecError) {
        xmlInitParser()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let d = xmlReadFile(path, nil, options) else {
            let e = xmlGetLastError()
            let message = e.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "cannot be read or is not well-formed XML"
            throw SpecError(path: path, message: message.trimmingTrailingNewlines)
        }
        self.path = path
        self.doc = d
    }

    deinit { xmlFreeDoc(doc) }

    /// The root element.
    var root: XMLNode? { xmlDocGetRootElement(doc).map { XMLNode(node: $0) } }

    /// Validates the document against `schema`; returns the problems (empty when valid).
    func problems(against schema: XMLSchema) -> [String] {
        guard let ctx = xmlSchemaNewValidCtxt(schema.schema) else { return ["cannot create a schema validation context"] }
        defer { xmlSchemaFreeValidCtxt(ctx) }
        let box = MessageBox()
        let unmanaged = Unmanaged.passRetained(box)
        defer { unmanaged.release() }
        xmlSchemaSetValidStructuredErrors(ctx, { userData, error in
            guard let userData, let error else { return }
            let box = Unmanaged<MessageBox>.fromOpaque(userData).takeUnretainedValue()
            let message = error.pointee.message.map { String(cString: $0) } ?? "invalid"
            box.messages.append("line \(error.pointee.line): \(message.trimmingTrailingNewlines)")
        }, unmanaged.toOpaque())
        let rc = xmlSchemaValidateDoc(ctx, doc)
        if rc != 0 && box.messages.isEmpty { box.messages.append("not valid against the schema (code \(rc))") }
        return box.messages
    }
}

/// Collects libxml2 error messages through a C callback.
final class MessageBox {
    var messages: [String] = []
}

extension String {
    var trimmingTrailingNewlines: String {
        var s = Substring(self)
        while let l = s.last, l == "\n" || l == "\r" || l == " " { s = s.dropLast() }
        return String(s)
    }
}
