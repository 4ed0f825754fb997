import CLibXML2

/// A thin, read-only view of a libxml2 element node, used while the loader walks a document.
struct XMLNode {
    let node: xmlNodePtr

    /// The element name.
    var name: String { String(cString: node.pointee.name) }

    /// The child elements (text and comments skipped).
    var children: [XMLNode] {
        var out: [XMLNode] = []
        var c = node.pointee.children
        while let n = c {
            if n.pointee.type == XML_ELEMENT_NODE { out.append(XMLNode(node: n)) }
            c = n.pointee.next
        }
        return out
    }

    /// The child elements named `name`.
    func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// The value of attribute `name`, or `nil`.
    subscript(_ attribute: String) -> String? {
        var a = node.pointee.properties
        while let attr = a {
            if String(cString: attr.pointee.name) == attribute {
                var text = ""
                var t = attr.pointee.children
                while let tn = t {
                    if let content = tn.pointee.content { text += String(cString: content) }
                    t = tn.pointee.next
                }
                return text
            }
            a = attr.pointee.next
        }
        return nil
    }

    /// The text content of the element (its text children joined).
    var text: String {
        var text = ""
        var t = node.pointee.children
        while let tn = t {
            if tn.pointee.type == XML_TEXT_NODE || tn.pointee.type == XML_CDATA_SECTION_NODE, let content = tn.pointee.content {
                text += String(cString: content)
            }
            t = tn.pointee.next
        }
        return text
    }

    /// The line of the element in its file.
    var line: Int { Int(xmlGetLineNo(node)) }
}
