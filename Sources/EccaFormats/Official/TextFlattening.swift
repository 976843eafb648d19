import EccaXML

/// How one dialect turns mixed content into one line of wording: which elements are blocks (a
/// space on each side, so words of adjacent blocks never fuse), which are dropped (footnotes),
/// which are superscripts (written `^25`, so `10<HT TYPE="SUP">25</HT>` reads 10^25), and which
/// are milestones that stand for a character (Formex quotation marks).
public struct TextFlattening: Sendable {
    public var blocks: Set<String>
    public var dropped: Set<String>
    public var isSuperscript: @Sendable (OfficialElement) -> Bool
    public var milestone: @Sendable (OfficialElement) -> String?
    /// When true, a superscript is a power only after a digit (`10<SU>26</SU>`, and `10` at the
    /// end of a line before it: `powerFollows`); elsewhere it is a footnote mark and is dropped
    /// with the footnotes (`requirements<SU>1</SU>`).
    public var powersFollowDigits: Bool

    public init(blocks: Set<String>, dropped: Set<String> = [],
                isSuperscript: @escaping @Sendable (OfficialElement) -> Bool = { _ in false },
                milestone: @escaping @Sendable (OfficialElement) -> String? = { _ in nil },
                powersFollowDigits: Bool = false) {
        self.blocks = blocks
        self.dropped = dropped
        self.isSuperscript = isSuperscript
        self.milestone = milestone
        self.powersFollowDigits = powersFollowDigits
    }

    /// The flattened text of `element`'s content, leaving out elements named in `skipping` (at any
    /// depth) and, when `omitting` names one, replacing each such subtree by `replacement`.
    public func flatten(_ element: OfficialElement, skipping skip: Set<String> = [],
                        omitting omitted: Set<String> = [], replacement: String = " … ") -> String {
        var output = ""
        func walk(_ node: OfficialElement) {
            for child in node.children {
                switch child {
                case .text(let text): output += text
                case .instruction: break
                case .element(let inner):
                    if dropped.contains(inner.name) || skip.contains(inner.name) { continue }
                    if omitted.contains(inner.name) {
                        output += replacement
                        continue
                    }
                    if let character = milestone(inner) {
                        output += character
                        continue
                    }
                    if isSuperscript(inner) {
                        if powersFollowDigits {
                            guard let spaces = Self.powerFollows(output, isSpace: { $0 == " " || $0 == "\t" || Self.isLineBreak($0) },
                                                                 isLineBreak: Self.isLineBreak, isDigit: { $0.isASCII && $0.isNumber })
                            else { continue }
                            output.removeLast(spaces)
                        }
                        output += "^"
                        walk(inner)
                        continue
                    }
                    let block = blocks.contains(inner.name)
                    if block { output += " " }
                    walk(inner)
                    if block { output += " " }
                }
            }
        }
        walk(element)
        return TextNormalizer.collapse(output)
    }

    /// Whether a superscript after `text` is a power: `text` ends in a digit, or in a digit and
    /// whitespace that breaks the line (GPO files break lines before inline elements: 4E091's
    /// `2.5 × 10⏎<SU>25</SU>` is 2.5 × 10^25; `in 2019 <SU>3</SU>`, on one line, is a footnote
    /// mark). Returns how much whitespace to drop before the `^`; nil for a footnote mark. Both
    /// readers (the tree, the section's bytes) pass ASCII predicates, so they read alike.
    static func powerFollows<Text: BidirectionalCollection>(_ text: Text, isSpace: (Text.Element) -> Bool,
                                                           isLineBreak: (Text.Element) -> Bool,
                                                           isDigit: (Text.Element) -> Bool) -> Int? {
        var spaces = 0
        var brokenLine = false
        for element in text.reversed() {
            if isSpace(element) {
                spaces += 1
                brokenLine = brokenLine || isLineBreak(element)
                continue
            }
            return isDigit(element) && (spaces == 0 || brokenLine) ? spaces : nil
        }
        return nil
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
        milestone: { element in
            guard element.name == "QUOT.START" || element.name == "QUOT.END" else { return nil }
            guard let code = element["CODE"], let value = UInt32(code, radix: 16), let scalar = Unicode.Scalar(value) else { return "" }
            return String(Character(scalar))
        })

    /// eCFR, annual CFR and Federal Register text: footnotes and page markers dropped, `<SU>` and
    /// `<E T="51">` superscripts written as powers.
    public static let gpo = TextFlattening(
        blocks: ["P", "FP", "FP-1", "FP-2", "FP1", "FP2", "FRP", "HD", "HD1", "HD2", "HD3", "HED", "PSPACE", "EXTRACT",
                 "EXAMPLE", "NOTE", "NOTES", "TD", "TH", "TR", "ROW", "ENT", "LI", "DIV", "TABLE", "GPOTABLE", "BOXHD",
                 "CHED", "TTITLE", "TNOTE", "CITA", "SECAUTH", "EDNOTE", "EFFDNOT", "CROSSREF", "br", "PRTPAGE",
                 "AUTH", "SOURCE", "STARS", "HEAD", "SUBJECT", "SECTNO", "APPENDIX", "FTNT", "GPH", "MATH"],
        dropped: ["FTNT", "FTREF", "PRTPAGE", "GID", "img", "GPH"],
        isSuperscript: { element in
            (element.name == "SU" || (element.name == "E" && element["T"] == "51")) && element.rawText.allSatisfy(\.isNumber)
        },
        powersFollowDigits: true)

    /// Akoma Ntoso: authorial notes dropped, `<sup>` written as a power.
    public static let akn = TextFlattening(
        blocks: ["p", "num", "heading", "subheading", "content", "intro", "wrapUp", "alinea", "paragraph", "subparagraph",
                 "point", "list", "blockList", "item", "listIntroduction", "listWrapUp", "article", "section", "chapter",
                 "tblock", "table", "tr", "td", "th", "li", "ul", "ol", "br", "level", "hcontainer", "crossHeading",
                 "blockContainer", "division", "part", "title", "indent"],
        dropped: ["authorialNote", "noteRef", "eol", "eop"],
        isSuperscript: { $0.name == "sup" && $0.rawText.allSatisfy(\.isNumber) },
        powersFollowDigits: true)
}
