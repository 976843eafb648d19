import Mustache

/// Escapes text for CommonMark/GFM so that a value from a request or a rules file reads as the
/// same characters, never as markup: no emphasis, links, raw HTML, table cells or new blocks.
public enum MarkdownEscaping {
    /// Backslash-escaped wherever they appear (CommonMark lets any ASCII punctuation be escaped).
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&"]

    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            if character == "\n" || character == "\r" || character == "\r\n" {
                out.append(" ")
            } else if special.contains(character) {
                out.append("\\")
                out.append(character)
            } else {
                out.append(character)
            }
        }
        return escapeLeadingBlockMarker(out)
    }

    /// A value may start a line ("- {{value}}"): a leading "# ", "- ", "+ ", "1. " or "1) " would
    /// start a heading or a list, and a run of "=" or "-" a setext underline or a rule.
    private static func escapeLeadingBlockMarker(_ text: String) -> String {
        guard let first = text.first else { return text }
        let second = text.dropFirst().first
        let endsMarker = second == nil || second == " " || second == "\t"
        if first == "#", endsMarker || second == "#" { return "\\" + text }
        if first == "-" || first == "+", endsMarker { return "\\" + text }
        if first == "=" || first == "-", text.allSatisfy({ $0 == first || $0 == " " }) { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = text.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")" {
                let after = rest.dropFirst().first
                if after == nil || after == " " || after == "\t" { return digits + "\\" + rest }
            }
        }
        return text
    }
}

/// The `{{% CONTENT_TYPE: MARKDOWN }}` pragma of the Markdown templates.
struct MarkdownContentType: MustacheContentType {
    static let name = "MARKDOWN"
    func escapeText(_ text: String) -> String { MarkdownEscaping.escape(text) }
}
