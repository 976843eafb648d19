import ClauseGraph
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
/// - Spans (`colspan`, `rowspan`, GPO's `A="1"` straddle and `EXPSTB` stub, a `CHED`'s level) are
///   not expanded: a cell is written once, where the markup has it. Where that shifts cells off
///   their columns it is reported (`Span`): a body row whose spanning cell has cells after it, and
///   a header with levels or spans.
/// - A footnote mark (`Cuba<SU>1</SU>`) whose note is kept (a `TNOTE` or paragraph opening with
///   `<SU>1</SU>`) is written ` [1]`, and so is the note's number (`[1] See part 746 …`).
enum TableText {
    static let cellSeparator = " | "
    static let rowSeparator = " ¶ "

    /// A row that spans, for the reader to report (`TextFinding`): spans are not expanded, so the
    /// cells after a spanning cell stand left of their columns.
    struct Span: Sendable, Hashable {
        /// The markup that spans, as written: `colspan="2"`, `rowspan="2"`, `A="L01"`, `EXPSTB="02"`, `H="2"`.
        var markup: String
        /// Extra columns (or rows, for `rowspan`) the cell takes, after its own: `colspan="3"` is 2.
        var extra: Int
        var byRows: Bool
        /// Cells after the spanning one in its row.
        var after: Int
        /// A header row (`BOXHD`, a `THEAD`'s row): its cells do not line up with the columns.
        var isHeader: Bool

        func message(subject: String) -> String {
            if isHeader {
                return "\(subject): a table's header has levels or spanning cells (\(markup)), which are not expanded: it is written as one row per header row, so its cells do not line up with the columns below it"
            }
            return "\(subject): a table cell spans \(extra + 1) \(byRows ? "rows" : "columns") (\(markup)), which is not expanded: \(consequence)"
        }

        /// What not expanding the span does to the row's positions.
        private var consequence: String {
            if byRows {
                return "it is written once, in the first of them, so in the \(CountedNoun("row")(extra)) below it the cells from its column on stand one position left of their columns"
            }
            let positions = extra == 1 ? "one position" : "\(extra) positions"
            return "it is written once, in the first of them, " + (after == 0 ? "so the row has fewer positions than the table has columns"
                : after == 1 ? "and the cell after it in its row stands \(positions) left of its column"
                : "and the \(after) cells after it in its row stand \(positions) left of their columns")
        }

        var note: Note {
            let text: String
            if isHeader {
                text = "A table here has a header of two or more levels or with cells spanning columns or rows; it is written one header row at a time, so its headings do not line up with the columns of the rows below. Check the official text for which column each cell is in."
            } else {
                text = "A table here has a cell spanning \(extra + 1) \(byRows ? "rows" : "columns"); \(consequence). Check the official text for which column each cell is in."
            }
            return Note(kind: .unresolved, text: text)
        }

        /// The span a row's cells make, from their attributes (`attribute(cell, name)`), if any
        /// shifts a cell: `stub` is the `EXPSTB` in force (the row's own, or the last row's that
        /// set one). In a header, the first spanning or levelled cell; in a body row of two or more
        /// cells, the first spanning cell (a row of one cell across the table, a heading within it,
        /// misplaces nothing).
        static func of(cells count: Int, attribute: (Int, String) -> String?, header: Bool, stub: Int, stubMarkup: @autoclosure () -> String) -> Span? {
            if !header, stub > 0, count > 1 {
                return Span(markup: stubMarkup(), extra: stub, byRows: false, after: count - 1, isHeader: false)
            }
            for cell in 0..<count {
                var extra = 0, byRows = false, markup = ""
                if let value = attribute(cell, "colspan"), let n = Int(value), n > 1 {
                    (extra, markup) = (n - 1, "colspan=\"\(value)\"")
                } else if let value = attribute(cell, "A"), let n = straddle(value), n > 0 {
                    (extra, markup) = (n, "A=\"\(value)\"")
                } else if let value = attribute(cell, "rowspan"), let n = Int(value), n > 1 {
                    (extra, markup, byRows) = (n - 1, "rowspan=\"\(value)\"", true)
                } else if header, let value = attribute(cell, "H"), let n = Int(value), n > 1 {
                    (extra, markup) = (n - 1, "CHED H=\"\(value)\"")
                }
                guard extra > 0, header || count > 1 else { continue }
                return Span(markup: markup, extra: extra, byRows: byRows, after: count - 1 - cell, isHeader: header)
            }
            return nil
        }

        /// GPO's straddle: the columns an `ENT` takes beyond its own, after an optional alignment
        /// letter (`A="1"`, `A="L01"`, `A="R2"`; `A="0"`, `A="L0"` only align).
        static func straddle(_ value: String) -> Int? {
            var digits = Substring(value)
            if let first = digits.first, first.isLetter { digits = digits.dropFirst() }
            return Int(digits)
        }
    }

    /// The `EXPSTB` a GPO row sets (`<ROW EXPSTB="02">`: its stub takes two more columns, until a
    /// row sets `00`); nil when it sets none.
    static func expandedStub(_ value: String?) -> Int? { value.flatMap { Int($0) } }

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

    /// The marks of the notes a unit keeps: each block that is no table cell, is not left out, and
    /// opens (after blank text) with an unsigned numeric superscript or a one-character mark
    /// (`<TNOTE><SU>1</SU> See …`, `<P><SU>2</SU> See § 744.21 …`, `<TNOTE><SU>a</SU> In kilograms.`).
    /// A kept note's mark is written ` [1]`, so a superscript read as one stays seen; a note left
    /// out (`FTNT`) is known by its reference's `<FTREF/>` instead (`Superscript.reading`).
    static func noteMarks(in root: OfficialElement, flattening: TextFlattening) -> Set<String> {
        var marks: Set<String> = []
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
                    if opens, blank, flattening.isSuperscript(inner) {
                        let mark = TextNormalizer.collapse(inner.rawText)
                        if Superscript.content(mark) == .unsigned || Superscript.isOneCharacterMark(mark) { marks.insert(mark) }
                    }
                    blank = false
                    visit(inner)
                }
            }
        }
        visit(root)
        return marks
    }

    /// `noteMarks(in:flattening:)` for a section's subtree (the section reader's, whose
    /// roles are the GPO rule's): the subtree is made a tree only at a section's first footnote
    /// mark, so the rule has one statement.
    static func noteMarks(in tree: XMLSubtree) -> Set<String> {
        noteMarks(in: OfficialElement(tree, at: 0, file: ""), flattening: .gpo)
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
