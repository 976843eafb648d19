import CLibXML2

/// libxml2's own hard limits, which ecca never lifts (`XML_PARSE_HUGE` is never set), recognised in
/// its error reports so that hitting one reads as what it is: a refused, oversized input
/// (`XMLReadError.Kind.forbidden`), not a vague syntax error that suggests turning the limit off.
enum XMLResourceLimit {
    /// libxml2's longest text node, name or attribute value without `XML_PARSE_HUGE`.
    static let maximumTextBytes = 10_000_000
    /// libxml2's deepest element nesting without `XML_PARSE_HUGE`.
    static let maximumDepth = 256

    static let textLengthExceeded = "a text, name or attribute value is longer than \(maximumTextBytes) bytes, the XML reader's limit"
    static let depthExceeded = "elements are nested deeper than \(maximumDepth) levels, the XML reader's limit"

    /// A clear message when the libxml2 error (`code`, `message`) is a resource limit, else nil.
    static func explanation(code: Int32, message: String) -> String? {
        let text = message.lowercased()
        if text.contains("huge text node") || text.contains("text node too long") || text.contains("huge input lookup")
            || text.contains("length too long") || text.contains("name too long") || text.contains("too long, use xml_parse_huge") {
            return textLengthExceeded
        }
        if text.contains("excessive depth") {
            return depthExceeded
        }
        if code == Int32(XML_ERR_ENTITY_LOOP.rawValue) || text.contains("entity reference loop") || text.contains("amplification") {
            return "entity expansion is refused (entity loop or amplification: \(message))"
        }
        return nil
    }
}
