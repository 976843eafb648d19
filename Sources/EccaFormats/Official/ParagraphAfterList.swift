import ClauseGraph
import EccaXML

/// A plain `P` without a marker right after the last item of a list: the GPO indents it as a
/// paragraph of its own, so the markup does not say whether it goes on with the item or closes
/// the list (the GPO's signal for a close is the flush `FP`, `FlushParagraph`). Of the five in
/// the corpus's CFR text, the two after which the list goes on continue their item (1 CFR
/// 51.9(c)(1), 14 CFR 1274.908(g)(i)), and are not this: a paragraph inside a list cannot close it.
/// The three after which the list ends all close it (14 CFR 1203.902's "Other members may be
/// designated upon specific request of the Chairperson." after (c) "General Counsel.", the closing
/// sentences of 1274.941(c) and (d) after their (3)), so where the list ends the text is read as
/// closing it: it goes to the list's parent, the provision whose lead-in opened the list (the
/// section, for a list of its first level), as a flush paragraph's does, and the item keeps only
/// its own text. Three cases are few to read by, so each is still reported.
struct ParagraphAfterList {
    /// The list item the text follows, which the text does not continue.
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

    /// A warning each, and a note on the provision given the text and on the item.
    @inline(never)
    static func report(_ paragraphs: [ParagraphAfterList], in layout: inout CFRSectionLayout, file: String, into diagnostics: inout [Diagnostic]) {
        for paragraph in paragraphs {
            let item = layout.cited(paragraph.item)
            // The list it closes: its lead-in's, or the section's for a list of the first level.
            let parent = layout.records[paragraph.item].parent
            let list = parent.map { layout.cited($0) } ?? "§ \(layout.header.number)"
            let subject = parent.map { layout.subject($0) } ?? layout.header.number
            diagnostics.append(Diagnostic(.warning, "\(list): the paragraph without a marker after \(item) (“\(paragraph.opening)”) is read as closing the list of \(list), and is in its wording, not \(item)'s; it may instead continue \(item)",
                                          at: SourceLocation(file: file, line: paragraph.line), subject: subject))
            let given = Note(kind: .unresolved, text: "The paragraph without a marker after \(item) (line \(paragraph.line) of the official file: “\(paragraph.opening)”) is read as closing this provision's list, and is in this wording, not \(item)'s; it may instead continue \(item). Check the official text.")
            if let parent { layout.records[parent].notes.append(given) } else { layout.header.notes.append(given) }
            layout.records[paragraph.item].notes.append(Note(kind: .unresolved, text: "The paragraph without a marker after this one (line \(paragraph.line) of the official file: “\(paragraph.opening)”) is read as closing the list of \(list), not as this paragraph's text; it may instead continue it. Check the official text."))
        }
    }
}
