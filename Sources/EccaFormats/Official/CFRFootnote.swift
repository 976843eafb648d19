import ClauseGraph
import EccaXML

/// A GPO footnote in a CFR section (`<FTNT><P><SU>3</SU> At present, submission … is limited to
/// selected pilot projects.</P></FTNT>`), which the XML sets right after the paragraph that
/// references it (`<SU>3</SU><FTREF/>`): all seven in the corpus do.
///
/// It is carried as a note on that paragraph's provision, and on each other paragraph of the
/// section that prints its mark bare (a repeated reference, `CFRSectionReader`), not in the wording. The GPO prints it at
/// the foot of the page, outside the paragraph's sentence; the wording keeps to the sentence, as
/// every dialect's flattening does (Formex `NOTE` and AKN `authorialNote` are left out alike; a
/// footnote in an appendix is carried as a note too, `TextFinding.footnote`), so a shipped quotation of the sentence stays comparable and no
/// wording of the section or its ancestors changes. What a footnote says can still matter ("limited
/// to selected pilot projects", 1 CFR 18.4(c)): the note keeps it with the provision, the summary
/// counts it, and `cite-check`, which compares wordings only, names it as not compared on a pass
/// of any provision whose wording holds the paragraph (`ImportedProvision.notCarried`).
struct CFRFootnote: Sendable, Hashable {
    /// The footnote's mark (`3`), or nil when its text opens with none.
    var mark: String?
    /// Its text as flattened, its mark written `[3]` as a kept note's is (`[3] At present, …`).
    var text: String
    /// The `FTNT`'s line.
    var line: Int

    /// The footnote element at `index` of a section's subtree.
    init(_ index: Int, in section: XMLSubtree, file: String) {
        self.init(text: TextFlattening.gpo.flatten(section, at: index, file: file), line: section.nodes[index].firstLine)
    }

    /// A footnote flattened (an appendix's, `TextFinding.footnote`).
    init(text: String, line: Int) {
        self.text = text
        self.line = line
        // `[3] At present …`: a block that opens with its mark writes it so (`TableText.mark`).
        if text.hasPrefix("["), let close = text.firstIndex(of: "]"), text.distance(from: text.startIndex, to: close) <= 6 {
            mark = String(text[text.index(after: text.startIndex)..<close])
        }
    }

    /// What a `cite-check` pass names as not compared: `footnote 3`.
    var notCarried: String { mark.map { "footnote \($0)" } ?? "a footnote" }

    /// The note on the provision whose text references it.
    var note: Note {
        Note(kind: .editorial, text: "Footnote\(mark.map { " " + $0 } ?? "") to this text (line \(line) of the official file), printed at the foot of the page and carried in this note, not in the wording: \(text)")
    }
}
