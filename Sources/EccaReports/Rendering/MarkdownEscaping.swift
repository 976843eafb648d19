import Mustache

/// Escapes text for CommonMark/GFM so that a value from a request or a rules file reads as the
/// same characters, never as markup: no emphasis, links, raw HTML, table cells or new blocks.
public enum MarkdownEscaping {
    /// Backslash-escaped wherever they appear (CommonMark lets any ASCII punctuation be escaped).
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&"]

    /// Written after an `@`: WORD JOINER, invisible and never a place to break a line. GFM links an
    /// e-mail address found in the text after escapes are resolved, so `\@` does not stop it; a
    /// character between the `@` and the domain does.
    static let afterAt = "&#8288;"

    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        var ws = 0  // how many of the characters just before are `w` or `W`
        for index in text.indices {
            let character = text[index]
            if character == "\n" || character == "\r" || character == "\r\n" {
                out.append(" ")
            } else if special.contains(character) || startsAutolink(character, in: text, at: index, afterWs: ws) {
                out.append("\\")
                out.append(character)
            } else if character == "@" {
                out.append("@" + afterAt)
            } else {
                out.append(character)
            }
            ws = character == "w" || character == "W" ? ws + 1 : 0
        }
        return escapeLeadingBlockMarker(out)
    }

    /// A link destination written between `<` and `>`: the address exactly, with only what the
    /// brackets would read otherwise escaped (a backslash, an entity's `&`, the brackets). Only
    /// ecca's own links are written so (`LinkView`); the rest of the report is text (`escape`).
    public static func destination(_ url: String) -> String {
        var out = ""
        out.reserveCapacity(url.count)
        for character in url {
            if character == "\\" || character == "&" || character == "<" || character == ">" { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// Whether `character`, at `index` in `text` after `ws` letters w, is one GFM's autolinks
    /// extension needs to make plain text a link by itself: the `:` of `://` (`https://…`) or the
    /// `.` after `www` (`www.example.com`). Escaped, it reads the same and links nothing.
    private static func startsAutolink(_ character: Character, in text: String, at index: String.Index, afterWs ws: Int) -> Bool {
        switch character {
        case ":": text[text.index(after: index)...].hasPrefix("//")
        case ".": ws >= 3
        default: false
        }
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
