import EccaXML

/// How a table in GPO text (eCFR, annual CFR, Federal Register: `GPOTABLE` with `BOXHD`/`CHED`/
/// `ROW`/`ENT`, and the versioner's HTML `TABLE` with `TR`/`TH`/`TD`) is written into one line of
/// wording, so that which column a cell is in survives: in the Commerce Country Chart an "X" is
/// a licence requirement only by its column (15 CFR 738.4).
///
/// - A row's cells are joined by ` | `; an empty cell is an empty position, so `Canada | X | | `
///   and `Canada | | X | ` differ.
/// - Each row is set apart by ` ¶ ` before and after it (one between two rows), so row boundaries
///   survive whitespace collapsing. No CFR or Federal Register text in the corpus uses the pilcrow,
///   which keeps a row boundary from being read as text; square brackets would not (`[Reserved]`).
/// - Spans (`colspan`, `rowspan`, a `CHED`'s level) are not expanded: a cell is written once,
///   where the markup has it.
/// - A footnote mark (`Cuba<SU>1</SU>`) whose note is kept (a `TNOTE` or paragraph opening with
///   `<SU>1</SU>`) is written ` [1]`, and so is the note's number (`[1] See part 746 …`).
enum TableText {
    static let cellSeparator = " | "
    static let rowSeparator = " ¶ "

    /// The pilcrow's UTF-8 bytes.
    private static let pilcrow: (UInt8, UInt8) = (0xC2, 0xB6)

    /// Sets a row apart from what comes before it, unless a row ended right there.
    static func openRow(_ output: inout String) {
        let last = output.unicodeScalars.last { $0 != " " && $0 != "\n" && $0 != "\t" && $0 != "\r" }
        if last != "¶" { output += rowSeparator }
    }

    /// `openRow` for the section reader's bytes.
    static func openRow(_ bytes: inout [UInt8]) {
        var end = bytes.count
        while end > 0, MarkedParagraph.isSpace(bytes[end - 1]) { end -= 1 }
        if end >= 2, bytes[end - 2] == pilcrow.0, bytes[end - 1] == pilcrow.1 { return }
        bytes.append(contentsOf: rowSeparator.utf8)
    }

    /// A footnote mark or a note's number as written: ` [1]`.
    static func mark(_ number: String) -> String { " [" + number + "]" }

    /// The numbers of the notes a unit keeps: each block that is no table cell, is not left out,
    /// and opens (after blank text) with an unsigned numeric superscript (`<TNOTE><SU>1</SU> See …`,
    /// `<P><SU>2</SU> See § 744.21 …`).
    static func footnoteNumbers(in root: OfficialElement, flattening: TextFlattening) -> Set<String> {
        var numbers: Set<String> = []
        func visit(_ node: OfficialElement) {
            let opens = flattening.blocks.contains(node.name) && !flattening.cells.contains(node.name)
            var blank = true
            for child in node.children {
                switch child {
                case .text(let text):
                    if blank, !text.allSatisfy(\.isWhitespace) { blank = false }
                case .instruction:
                    break
                case .element(let inner):
                    if flattening.dropped.contains(inner.name) { continue }
                    if opens, blank, flattening.isSuperscript(inner), Superscript.content(inner.rawText) == .unsigned {
                        numbers.insert(TextNormalizer.collapse(inner.rawText))
                    }
                    blank = false
                    visit(inner)
                }
            }
        }
        visit(root)
        return numbers
    }

    /// `footnoteNumbers(in:flattening:)` for a section's subtree (the section reader's, whose
    /// roles are the GPO rule's): the subtree is made a tree only at a section's first footnote
    /// mark, so the rule has one statement.
    static func footnoteNumbers(in tree: XMLSubtree) -> Set<String> {
        footnoteNumbers(in: OfficialElement(tree, at: 0, file: ""), flattening: .gpo)
    }

    /// The tables of an appendix and their body rows (header rows, `BOXHD` and `THEAD`, left out).
    static func count(in element: OfficialElement) -> (tables: Int, rows: Int) {
        let tables = element.all(where: { $0.name == "GPOTABLE" || $0.name == "TABLE" }).count
        guard tables > 0 else { return (0, 0) }
        let rows = element.all(where: { $0.name == "ROW" || $0.name == "TR" }, barriers: ["THEAD"]).count
        return (tables, rows)
    }

    /// For the import summary: an appendix whose tables are one provision, its rows not
    /// addressable (`1 table of 6 rows imported as one provision (Supp. No. 4 to Part 744)`);
    /// nil for an appendix without tables.
    static func remark(on element: OfficialElement, name n: String) -> String? {
        let (tables, rows) = count(in: element)
        guard tables > 0 else { return nil }
        let name = SupplementCitation.numbers(ofSupplement: n).map { "Supp. No. \($0.supplement) to Part \($0.part)" } ?? n
        return "\(CountedNoun("table")(tables)) of \(CountedNoun("row")(rows)) imported as one provision (\(name))"
    }
}
