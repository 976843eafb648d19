import ClauseGraph
import EccaXML

/// The control and bidirectional characters in a rules file (`ControlCharacters`), as errors.
///
/// A rules file's text reaches the terminal and every report as it is: a citation holding U+202E
/// reversed the line after it, and a C1 CSI (U+009B) could colour a terminal. A request may hold
/// none of these characters, and a rules file, which may come from a third party as an
/// `--instrument` letter, may hold none either: each attribute or text that holds one is an error
/// at its line, with the provision it is in. The file is still read and checked whole, so that
/// nothing else it says is lost; `check` refuses to run on the error, as on any other.
enum RulesControlCharacters {
    /// An element's own text may hold the file's line breaks and tabs (they are whitespace, read
    /// as one space); an attribute may not, since only a character reference puts one there.
    static let textWhitespace: Set<Unicode.Scalar> = ["\t", "\n", "\r"]

    /// One error for each attribute value and each element's text that holds such a character,
    /// in document order (an element's attributes by name).
    static func diagnostics(in root: XMLElementNode) -> [Diagnostic] {
        var found: [Diagnostic] = []
        visit(root, subject: nil, into: &found)
        return found
    }

    private static func visit(_ element: XMLElementNode, subject: String?, into found: inout [Diagnostic]) {
        let subject = RulesDiagnosticSubject.elements.contains(element.name) ? element["id"] ?? subject : subject
        let line = element.location.line
        for name in element.attributes.keys.sorted() {
            guard let control = ControlCharacters.first(in: element.attributes[name]!) else { continue }
            found.append(Diagnostic(.error, "<\(element.name) \(name)=\"…\">: \(holds(control)); an attribute may not hold line breaks, escapes or other control or bidirectional formatting characters",
                                    at: SourceLocation(file: element.location.file, line: line), subject: subject))
        }
        // The element's own text, the children between: its line is the start tag's end's, and
        // the text after it runs on from there (a rules element holds text or elements, not both).
        var text = String.UnicodeScalarView()
        for child in element.children {
            if case .text(let part) = child { text.append(contentsOf: part.unicodeScalars) }
        }
        if let index = text.firstIndex(where: { ControlCharacters.isControl($0) && !textWhitespace.contains($0) }) {
            let lineBreaks = text[..<index].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            found.append(Diagnostic(.error, "<\(element.name)>…</\(element.name)>: \(holds(text[index])); a rules file's text may not hold escapes or other control or bidirectional formatting characters (only the file's own line breaks and tabs)",
                                    at: SourceLocation(file: element.location.file, line: line + lineBreaks), subject: subject))
        }
        for child in element.elements() { visit(child, subject: subject, into: &found) }
    }

    private static func holds(_ control: Unicode.Scalar) -> String {
        "contains a control character (\(ControlCharacters.name(control)))"
    }
}
