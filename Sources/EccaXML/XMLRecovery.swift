import CLibXML2

/// What libxml2's recovering parse can still see in a document that is not well-formed. Used only
/// to explain what the broken file would have declared (its ids), never to read its content: a
/// file that is not well-formed stays unusable.
///
/// The same safety policy as the readers: a document with a DOCTYPE, or whose prolog cannot be
/// scanned to its root element, is not parsed at all; no entity is substituted, no DTD loaded, no network touched, and
/// libxml2's size and depth limits are kept.
public enum XMLRecovery {
    /// The values of `attribute` on every element named in `names` (local names, any namespace),
    /// in document order, as far as the recovering parse reaches. Empty when the document is
    /// refused or nothing can be recovered.
    public static func attributeValues(in bytes: [UInt8], name: String, elements names: Set<String>,
                                       attribute: String) -> [(element: String, value: String)] {
        LibXML2.initializeOnce()
        // Only a document whose root element is found before any DOCTYPE (a prolog too long to
        // scan is not parsed either: no DTD can reach the recovering parser).
        let prolog = bytes.withUnsafeBytes { XMLProlog.scan($0, complete: true) }
        guard prolog == .none, bytes.count <= Int(Int32.max) else { return [] }
        let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
        let document = bytes.withUnsafeBytes { raw in
            xmlReadMemory(raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), name, nil, options)
        }
        guard let document else { return [] }
        defer { xmlFreeDoc(document) }
        var found: [(element: String, value: String)] = []
        // Depth-first, in document order, without recursion (a deep document cannot exhaust the stack).
        var node = xmlDocGetRootElement(document)
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE, let cName = current.pointee.name {
                let element = String(cString: cName)
                if names.contains(element), let value = xmlGetProp(current, attribute) {
                    found.append((element, String(cString: value)))
                    ecca_xml_free(value)
                }
                if let child = current.pointee.children {
                    node = child
                    continue
                }
            }
            var next: xmlNodePtr? = current
            while let here = next, here.pointee.next == nil {
                next = here.pointee.parent
                if next == nil || next?.pointee.type == XML_DOCUMENT_NODE { next = nil; break }
            }
            node = next?.pointee.next
        }
        return found
    }
}
