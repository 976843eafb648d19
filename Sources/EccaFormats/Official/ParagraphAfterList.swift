import ClauseGraph
import EccaXML

/// A plain `P` without a marker right after the last item of a list: the GPO indents it as a
/// paragraph of its own, so the markup does not say whether it goes on with the item or closes
/// the list (the GPO's signal for a close is the flush `FP`, `FlushParagraph`). Of the five in
/// the corpus's CFR text, the two after which the list goes on continue their item (1 CFR
/// 51.9(c)(1), 14 CFR 1274.908(g)(i)); the three after which it ends close the list (14 CFR
/// 1203.902's "Other members may be designated …" after (c), 1274.941(c)(3) and (d)(3)). Too few
/// to read by: the text stays with the item, and where the list ends there it is reported.
struct ParagraphAfterList {
    /// The list item the text follows, whose wording keeps it.
    var item: Int
    /// The `P`'s line.
    var line: Int
    /// Its first words, to find it by.
    var opening: String

    /// A paragraph at `line` right after `item`, the paragraph opened last; `nextDepth` is the
    /// depth of the next marked paragraph (nil at the end of the section). Nil when the list goes
    /// on after it (the next paragraph is the item's sibling or below it): it is inside the list,
    /// so it cannot close it.
    init?(after item: Int, records: [CFRSectionLayout.Record], line: Int, nextDepth: Int?, text: ArraySlice<UInt8>) {
        if let nextDepth, nextDepth >= records[item].depth { return nil }
        guard records[item].level != .category else { return nil }
        self.item = item
        self.line = line
        opening = TextNormalizer.opening(of: String(decoding: text, as: UTF8.self))
    }

    /// Whether the `P` at `child` can be such a paragraph: not a footnote's text, which opens
    /// with its mark (`<P><SU>2</SU> See 84 FR 1000.</P>`) and belongs to no list.
    static func isCandidate(_ child: Int, in section: XMLSubtree) -> Bool {
        for inner in section.children(of: child) {
            if section.nodes[inner].kind == .text {
                if section.content(of: inner).allSatisfy(MarkedParagraph.isSpace) { continue }
                return true
            }
            let name = section.nodes[inner].name
            return name != "SU" && name != "sup"
        }
        return true
    }

    /// A warning each, and a note on the item that keeps the text.
    @inline(never)
    static func report(_ paragraphs: [ParagraphAfterList], in layout: inout CFRSectionLayout, file: String, into diagnostics: inout [Diagnostic]) {
        for paragraph in paragraphs {
            let item = layout.cited(paragraph.item)
            // The list it may close: its lead-in's, or the section's for a list of the first level.
            let list = layout.records[paragraph.item].parent.map { layout.cited($0) } ?? "§ \(layout.header.number)"
            diagnostics.append(Diagnostic(.warning, "\(item): the paragraph without a marker after it (“\(paragraph.opening)”) is kept in its wording; the list ends there, so the paragraph may close the list of \(list) instead",
                                          at: SourceLocation(file: file, line: paragraph.line), subject: layout.subject(paragraph.item)))
            layout.records[paragraph.item].notes.append(Note(kind: .unresolved, text: "The paragraph without a marker after this one (line \(paragraph.line) of the official file: “\(paragraph.opening)”) is kept in this wording, as it may continue it; the list ends there, so it may instead close the list of \(list), and not be this paragraph's text. Check the official text."))
        }
    }
}
