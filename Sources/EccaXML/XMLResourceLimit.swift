import CLibXML2

/// libxml2's own hard limits, which ecca never lifts (`XML_PARSE_HUGE` is never set), recognised in
/// its error reports so that hitting one reads as what it is: a refused, oversized input
/// (`XMLReadError.Kind.forbidden`), not a vague syntax error that suggests turning the limit off.
enum XMLResourceLimit {
    /// libxml2's longest text node, name or attribute value without `XML_PARSE_HUGE`.
    static let maximumTextBytes = 10_000_000
    /// libxml2's deepest element nesting without `XML_PARSE_HUGE`.
    static let maximumDepth = 256
    /// ecca's most attributes on one start tag. libxml2 2.9 checks a start tag's attributes for
    /// duplicates pair by pair, in time that grows with their number squared (500,000 attributes,
    /// a 5.6 MB file, ran past two minutes); no official format uses more than a handful.
    public static let maximumAttributes = 1_000

    static let textLengthExceeded = "a text, name or attribute value is longer than \(maximumTextBytes) bytes, the XML reader's limit"
    /// libxml2's "Huge input lookup": it looked more than its limit ahead for the end of one piece
    /// of markup, which it holds whole (text it hands over in pieces).
    static let markupLengthExceeded = "a start tag, comment or other markup is longer than \(maximumTextBytes) bytes, the XML reader's limit"
    static let depthExceeded = "elements are nested deeper than \(maximumDepth) levels, the XML reader's limit"

    /// A clear message when the libxml2 error (`code`, `message`) is a resource limit, else nil.
    static func explanation(code: Int32, message: String) -> String? {
        let text = message.lowercased()
        if text.contains("huge input lookup") {
            return markupLengthExceeded
        }
        if text.contains("huge text node") || text.contains("text node too long")
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
