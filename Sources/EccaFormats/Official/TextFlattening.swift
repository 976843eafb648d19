import EccaXML

/// How one dialect turns mixed content into one line of wording: which elements are blocks (a
/// space on each side, so words of adjacent blocks never fuse), which are dropped (footnotes),
/// which are superscripts (written `^25`, so `10<HT TYPE="SUP">25</HT>` reads 10^25), and which
/// are milestones that stand for a character (Formex quotation marks).
public struct TextFlattening: Sendable {
    public var blocks: Set<String>
    public var dropped: Set<String>
    public var isSuperscript: @Sendable (OfficialElement) -> Bool
    /// Subscripts, written `_c` closed up to what they stand under (`Subscript`).
    public var isSubscript: @Sendable (OfficialElement) -> Bool
    public var milestone: @Sendable (OfficialElement) -> String?
    /// When true, a superscript is a power or a footnote mark by where it stands
    /// (`Superscript.reading`: `10<SU>26</SU>` a power, `requirements <SU>1</SU>` a mark); when false,
    /// always a power (Formex's `HT TYPE="SUP"`).
    public var powersFollowDigits: Bool
    /// Table rows (`ROW`, `TR`, a GPO table's header `BOXHD`) and their cells (`ENT`, `TD`, `TH`,
    /// `CHED`), written by the table convention (`TableText`): a row's cells joined by ` | `, an
    /// empty cell kept as an empty position, rows set apart by ` ¶ `. Empty: tables read as blocks.
    public var rows: Set<String>
    public var cells: Set<String>
    /// Elements that hold an image's file id (GPO `MID` in `MATH`, `GID` in `GPH`): the id is not
    /// text, so it is left out, and reported as a formula or picture not carried (`OmittedImage`).
    public var images: Set<String>

    public init(blocks: Set<String>, dropped: Set<String> = [],
                isSuperscript: @escaping @Sendable (OfficialElement) -> Bool = { _ in false },
                isSubscript: @escaping @Sendable (OfficialElement) -> Bool = { _ in false },
                milestone: @escaping @Sendable (OfficialElement) -> String? = { _ in nil },
                powersFollowDigits: Bool = false, rows: Set<String> = [], cells: Set<String> = [], images: Set<String> = []) {
        self.blocks = blocks
        self.dropped = dropped
        self.isSuperscript = isSuperscript
        self.isSubscript = isSubscript
        self.milestone = milestone
        self.powersFollowDigits = powersFollowDigits
        self.rows = rows
        self.cells = cells
        self.images = images
    }

    /// The flattened text of `element`'s content, leaving out elements named in `skipping` (at any
    /// depth) and, when `omitting` names one, replacing each such subtree by `replacement`.
    /// `dropped` hears of each numeric superscript after a number that is left out as a footnote
    /// mark (`10 <SU>26</SU>`), for the reader to report. A footnote mark whose note is kept (a
    /// block that opens with the same mark: `TableText.noteMarks`) is written ` [1]`, as
    /// the note's own number is; `footnotes` gives those numbers when the note is outside
    /// `element` (a CCL entry's table and the supplement's notes), else they are looked up in it.
    func flatten(_ element: OfficialElement, skipping skip: Set<String> = [], omitting omitted: Set<String> = [],
                 replacement: String = " … ", footnotes given: Set<String>? = nil, dropped droppedMark: ((TextFinding) -> Void)?) -> String {
        var output = ""
        var footnotes = given
        // The last power written: its `^`'s UTF-8 offset and where it ends, so that a digit right
        // after it marks its end (`Superscript.powerOpen`).
        var power = (caret: -1, end: -1)
        /// The mark written ` [n]` when a kept note has its number; nil when it is to be left out.
        /// A note's own number (`opening` its block) is set apart from its text (`[1] Under …`).
        func linked(_ superscript: OfficialElement, opening: Bool = false) -> String? {
            let number = TextNormalizer.collapse(superscript.rawText)
            return notes().contains(number) ? TableText.mark(number) + (opening ? " " : "") : nil
        }
        /// The marks of the notes the element keeps, found at its first superscript.
        func notes() -> Set<String> {
            if footnotes == nil { footnotes = TableText.noteMarks(in: element, flattening: self) }
            return footnotes!
        }
        func walk(_ node: OfficialElement) {
            // A row's cells, counted for their separators (`TableText`).
            let inRow = !rows.isEmpty && rows.contains(node.name)
            var cellCount = 0
            // The `EXPSTB` in force among a GPO table's rows (`TableText.Span`).
            var stub = 0
            for (position, child) in node.children.enumerated() {
                switch child {
                case .text(let text):
                    if power.end == output.utf8.count, let first = text.utf8.first, Superscript.isDigit(first) {
                        output.insert("{", at: output.utf8.index(output.utf8.startIndex, offsetBy: power.caret + 1))
                        output += "}"
                    }
                    output += text
                case .instruction: break
                case .element(let inner):
                    // A GPO footnote is carried as a note on the provision (`CFRFootnote`), and counted.
                    if inner.name == "FTNT", powersFollowDigits, !skip.contains(inner.name), let droppedMark {
                        droppedMark(TextFinding(kind: .footnote(CFRFootnote(text: TextNormalizer.trim(TextNormalizer.collapse(flatten(inner, dropped: nil))),
                                                                             line: inner.span.firstLine)), line: inner.span.firstLine))
                        continue
                    }
                    if dropped.contains(inner.name) || skip.contains(inner.name) { continue }
                    if images.contains(inner.name) {
                        droppedMark?(.image(named: inner.name, id: inner.rawText, line: inner.span.firstLine))
                        output += " "
                        continue
                    }
                    if omitted.contains(inner.name) {
                        output += replacement
                        continue
                    }
                    if let character = milestone(inner) {
                        output += character
                        continue
                    }
                    if isSuperscript(inner) {
                        // `10<HT TYPE="SUP">2</HT><HT TYPE="SUP">5</HT>`, printed 10²⁵: one power set in
                        // two runs goes on, not `10^2^5`; a note's mark right after a power is that
                        // mark (`10<SU>26</SU><SU>1</SU>` with a note 1 is not 10^261, QA verify N1).
                        // GPO tags a footnote reference `<SU>1</SU><FTREF/>` (white space may come
                        // between, as the corpus has it): a footnote's mark, never a power.
                        if powersFollowDigits, Self.referencesNote(node.children[(position + 1)...]) {
                            if let mark = linked(inner) { output += mark }
                            continue
                        }
                        if let printed = Superscript.printedText(TextNormalizer.collapse(inner.rawText), after: output.suffix(2)) {
                            output += printed
                            continue
                        }
                        if power.end == output.utf8.count {
                            if powersFollowDigits, notes().contains(TextNormalizer.collapse(inner.rawText)) {
                                if let mark = linked(inner) { output += mark }
                                continue
                            }
                            let caret = power.caret
                            power = (-1, -1)
                            walk(inner)
                            power = (caret, output.utf8.count)
                            continue
                        }
                        if powersFollowDigits {
                            let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || Self.isLineBreak($0) }
                            let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
                            let text = inner.rawText
                            // One that opens a block (`<TNOTE><SU>1</SU>…`) follows no number of its block.
                            let opensBlock = blocks.contains(node.name) && node.children[..<position].allSatisfy {
                                if case .text(let text) = $0 { text.allSatisfy(isSpace) } else { false }
                            }
                            let placement = opensBlock ? .mark : Superscript.placement(after: output, isSpace: isSpace, isLineBreak: Self.isLineBreak, isDigit: isDigit)
                            let reading = Superscript.reading(of: TextNormalizer.collapse(text), at: placement, closedUp: Superscript.closesUp(output.last),
                                                              hasNote: notes().contains(TextNormalizer.collapse(text))) {
                                var following: Substring = ""
                                if position + 1 < node.children.count, case .text(let text) = node.children[position + 1] { following = text.prefix(3) }
                                return Superscript.isPartOfText(after: output.suffix(12), before: following)
                            }
                            switch reading {
                            case .power(let spaces): output.removeLast(spaces)
                            case .markAfterNumber:
                                // Reported whether it is linked to a kept note or left out (`Superscript.Dropped`).
                                let number = String(Superscript.Dropped.number(before: output, isSpace: isSpace, isDigit: isDigit))
                                let mark = linked(inner)
                                if let mark { output += mark }
                                droppedMark?(.superscript(number: number, superscript: inner.plainText, line: inner.span.firstLine, linked: mark != nil))
                                continue
                            case .mark:
                                if let mark = linked(inner, opening: opensBlock) { output += mark }
                                continue
                            case .text:
                                walk(inner)
                                continue
                            }
                        }
                        let caret = output.utf8.count
                        output += "^"
                        walk(inner)
                        power = (caret, output.utf8.count)
                        continue
                    }
                    if isSubscript(inner) {
                        output.removeLast(Subscript.spaces(before: output, isSpace: { $0 == " " || $0 == "\t" || Self.isLineBreak($0) },
                                                           isLineBreak: Self.isLineBreak, isWordCharacter: { $0.isLetter || $0.isNumber }))
                        output += "_"
                        walk(inner)
                        continue
                    }
                    if inRow, cells.contains(inner.name) {
                        if cellCount > 0 { output += TableText.cellSeparator }
                        cellCount += 1
                    }
                    let row = !rows.isEmpty && rows.contains(inner.name)
                    if row {
                        TableText.openRow(&output)
                        if let droppedMark { reportSpan(of: inner, in: node, stub: &stub, to: droppedMark) }
                    }
                    let block = blocks.contains(inner.name)
                    if block { output += " " }
                    walk(inner)
                    if block { output += " " }
                    if row { output += TableText.rowSeparator }
                }
            }
        }
        walk(element)
        return TextNormalizer.collapse(output)
    }

    /// Reports the span of a table row (`TableText.Span`) whose cells it shifts off their columns.
    private func reportSpan(of row: OfficialElement, in parent: OfficialElement, stub: inout Int,
                            to report: (TextFinding) -> Void) {
        if let set = TableText.expandedStub(row["EXPSTB"]) { stub = set }
        var cells: [OfficialElement] = []
        for case .element(let cell) in row.children where self.cells.contains(cell.name) { cells.append(cell) }
        let span = TableText.Span.of(cells: cells.count, attribute: { cells[$0][$1] }, header: parent.name == "THEAD" || row.name == "BOXHD",
                                     stub: stub, stubMarkup: "EXPSTB=\"\(row["EXPSTB"] ?? String(stub))\"")
        if let span { report(TextFinding(kind: .span(span), line: row.span.firstLine)) }
    }

    /// `flatten(_:skipping:omitting:replacement:dropped:)` for text whose dropped superscripts
    /// nobody reports (headings, titles, dialects without them).
    public func flatten(_ element: OfficialElement, skipping skip: Set<String> = [],
                        omitting omitted: Set<String> = [], replacement: String = " … ") -> String {
        flatten(element, skipping: skip, omitting: omitted, replacement: replacement, footnotes: nil, dropped: nil)
    }

    /// `flatten(_:)` with the notes of a larger text (a CCL entry's, in its supplement).
    func flatten(_ element: OfficialElement, footnotes: Set<String>) -> String {
        flatten(element, footnotes: footnotes, dropped: nil)
    }

    /// Whether the nodes after a superscript open, past white space, with GPO's footnote
    /// reference tag (`<FTREF/>`).
    private static func referencesNote(_ following: ArraySlice<OfficialElement.Child>) -> Bool {
        for child in following {
            switch child {
            case .text(let text) where text.allSatisfy(\.isWhitespace): continue
            case .element(let element): return element.name == Superscript.footnoteReference
            default: return false
            }
        }
        return false
    }

    private static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r" || character == "\r\n"
    }

    /// The flattened text of the element at `index` of a captured subtree. An element holding one
    /// text and nothing else (a section's heading, its history) is collapsed as it is; any other is
    /// read as a tree first.
    public func flatten(_ tree: XMLSubtree, at index: Int, file: String) -> String {
        let node = tree.nodes[index]
        if node.end == index + 2, tree.nodes[index + 1].kind == .text {
            return TextNormalizer.collapse(utf8: tree.content(of: index + 1))
        }
        return flatten(OfficialElement(tree, at: index, file: file))
    }

    /// Formex 4: the rule `FormexText` uses for the shipped wording, so imports and `cite-check`
    /// agree with it to the character.
    public static let formex = TextFlattening(
        blocks: FormexText.blockElements,
        dropped: ["NOTE"],
        isSuperscript: { $0.name == "HT" && $0["TYPE"] == "SUP" },
        isSubscript: { $0.name == "HT" && $0["TYPE"] == "SUB" },
        milestone: { element in
            guard element.name == "QUOT.START" || element.name == "QUOT.END" else { return nil }
            guard let code = element["CODE"], let value = UInt32(code, radix: 16), let scalar = Unicode.Scalar(value) else { return "" }
            return String(Character(scalar))
        })

    /// eCFR, annual CFR and Federal Register text: footnotes and page markers dropped, `<SU>`,
    /// `<sup>` (versioner tables) and `<E T="51">` superscripts written as powers (`Superscript`).
    public static let gpo = TextFlattening(
        blocks: ["P", "FP", "FP-1", "FP-2", "FP1", "FP2", "FRP", "HD", "HD1", "HD2", "HD3", "HED", "PSPACE", "EXTRACT",
                 "EXAMPLE", "NOTE", "NOTES", "TD", "TH", "TR", "ROW", "ENT", "LI", "DIV", "TABLE", "GPOTABLE", "BOXHD",
                 "CHED", "TTITLE", "TNOTE", "CITA", "SECAUTH", "EDNOTE", "EFFDNOT", "CROSSREF", "br", "PRTPAGE",
                 "AUTH", "SOURCE", "STARS", "HEAD", "SUBJECT", "SECTNO", "APPENDIX", "FTNT", "GPH", "MATH"],
        dropped: ["FTNT", "FTREF", "PRTPAGE", "img"],
        isSuperscript: { element in element.name == "SU" || element.name == "sup" || (element.name == "E" && Superscript.isGPO(type: element["T"])) },
        isSubscript: { element in element.name == "sub" || (element.name == "E" && Subscript.isGPO(type: element["T"])) },
        powersFollowDigits: true,
        rows: ["ROW", "TR", "BOXHD"], cells: ["ENT", "TD", "TH", "CHED"], images: ["MID", "GID"])

    /// Akoma Ntoso: authorial notes and text marked deleted (`<del>`) dropped, `<sup>` written as a power.
    public static let akn = TextFlattening(
        blocks: ["p", "num", "heading", "subheading", "content", "intro", "wrapUp", "alinea", "paragraph", "subparagraph",
                 "point", "list", "blockList", "item", "listIntroduction", "listWrapUp", "article", "section", "chapter",
                 "tblock", "table", "tr", "td", "th", "li", "ul", "ol", "br", "level", "hcontainer", "crossHeading",
                 "blockContainer", "division", "part", "title", "indent"],
        dropped: ["authorialNote", "noteRef", "eol", "eop", "del"],
        isSuperscript: { $0.name == "sup" },
        isSubscript: { $0.name == "sub" },
        powersFollowDigits: true)
}
