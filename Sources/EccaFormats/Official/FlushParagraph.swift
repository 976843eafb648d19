import ClauseGraph

/// A GPO flush paragraph (`FP`) right after a list item: the text set flush after a list closes
/// its lead-in's sentence (14 CFR 1264.102(a)(1): "(iv) Is for payment … as claimed— ⏎ Shall be
/// subject … to a civil penalty", the penalty of every item (i)-(iv)), so it belongs to the
/// item's parent, not to the last item. Where the next paragraph climbs above that parent too
/// (`(l)(1)(v)(E)`, flush text, then `(l)(2)`), the list ends an outer lead-in's list as well and
/// the text may close that one: the nearest is taken, and the reading is reported.
struct FlushParagraph {
    /// The record that holds the text: the item's parent, the list's lead-in.
    var leadIn: Int
    /// The list item it follows.
    var item: Int
    /// The outer lead-ins whose lists end at the same place, innermost first: empty when the
    /// lead-in is certain.
    var alternatives: [Int]
    /// The `FP`'s line.
    var line: Int

    /// The lead-in of `item`, the paragraph opened last, for a flush paragraph at `line` after
    /// it; `nextDepth` is the depth of the next marked paragraph (0 at the end of the section). Nil when the text stays with the item: a paragraph of the
    /// section's or a category's first level has no lead-in of its own, and a list that goes on
    /// after the text (the next paragraph is the item's sibling) is not closed by it.
    init?(after item: Int, records: [CFRSectionLayout.Record], line: Int, nextDepth: Int) {
        guard let parent = records[item].parent, records[parent].level != .category, nextDepth <= records[parent].depth else { return nil }
        var alternatives: [Int] = []
        var outer = records[parent].parent
        while let at = outer, records[at].level != .category, records[at].depth >= nextDepth {
            alternatives.append(at)
            outer = records[at].parent
        }
        self.leadIn = parent
        self.item = item
        self.alternatives = alternatives
        self.line = line
    }

    /// Flush paragraphs whose lead-in is not certain: a warning each, and a note on the
    /// provision given the text.
    @inline(never)
    static func report(_ flushes: [FlushParagraph], in layout: inout CFRSectionLayout, file: String, into diagnostics: inout [Diagnostic]) {
        for flush in flushes {
            let others = flush.alternatives.map { layout.cited($0) }.joined(separator: " or ")
            let leadIn = layout.cited(flush.leadIn), item = layout.cited(flush.item)
            diagnostics.append(Diagnostic(.warning, "\(leadIn): the paragraph set flush (FP) after \(item) is read as closing the lead-in of \(leadIn), whose list it follows; the list of \(others) ends there too, so it may close that lead-in instead",
                                          at: SourceLocation(file: file, line: flush.line), subject: layout.subject(flush.leadIn)))
            layout.records[flush.leadIn].notes.append(Note(kind: .unresolved, text: "A paragraph set flush after the list that ends with \(item) (line \(flush.line) of the official file) is read as closing this provision's lead-in; the list of \(others) ends there too, so the paragraph may close that lead-in instead. Check the official text."))
        }
    }
}
