import CLibXML2

/// Whether a string is a URI reference as libxml2 reads one: the test behind the `anyURI` type
/// that schema validation applies (which first replaces spaces, quotes, angle brackets and the
/// like, and non-ASCII bytes, so a string that holds none of those passes validation exactly when
/// it passes this).
public enum URIReference {
    public static func isValid(_ text: String) -> Bool {
        LibXML2.initializeOnce()
        guard let uri = xmlParseURI(text) else { return false }
        xmlFreeURI(uri)
        return true
    }
}
