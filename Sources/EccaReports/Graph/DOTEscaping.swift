/// Text inside a Graphviz DOT string literal ("…"), so that a value from a rules file or a request
/// reads as the same characters and never ends the literal: a citation such as `15 CFR 772.1,
/// "technology"` left unescaped makes `dot` refuse the whole graph ("syntax error in line …").
/// Both DOT writers (the clause graph and a request's conflict graph) use it for every label,
/// title and identifier they quote.
public enum DOTEscaping {
    /// Backslashes and quotes escaped, `&` written as an entity (Graphviz reads entities in
    /// labels, so a bare "&amp;" in a title would show as "&"), line breaks turned to spaces
    /// (a label's own line breaks are DOT's `\n`, which the writers add after escaping).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "&": out += "&amp;"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
