import ClauseGraph

extension CitationChecker {
    /// A provision that passed, and how: a verbatim wording compared with the official one, or a
    /// paraphrase only found (its wording is not the official text, so it is not compared). A
    /// legal team reads "pass" as "the text still says this", which only a compared wording shows.
    public struct Pass: Sendable, Hashable {
        public var provisionID: String
        public var citation: String
        /// The official id found (`092.003`, `734.13(b)`).
        public var officialID: String
        /// Where the provision is encoded (the shipped rules file).
        public var location: SourceLocation
        /// The official file it was found in.
        public var officialFile: String
        /// The wording was compared (verbatim); false for a paraphrase, which was only found.
        public var wordingCompared: Bool
        /// A paraphrase whose wording is the official text word for word (after the normalisation
        /// wordings are compared by): mislabelled, so that a change to the text would pass unseen.
        public var paraphraseIsOfficialText = false
        /// How many times a compared wording leaves official words out with "…": those words were
        /// not compared, and a change there (a lead-in's "means" made "does not include") passes.
        public var elisions = 0
        /// The official text sets the provision out only in part (`PartialSetOut`): only the words
        /// it sets out were compared (none for a heading alone).
        public var setOutInPart = false
        /// Of a text set out in part, whether any words were set out to compare (false: a heading alone).
        public var setOutWordsCompared = true
        /// What the official text prints in the provision that its imported wording does not carry
        /// (`formula printed as an image (EC14NO91.003)`, `footnote 1`): a change there passes
        /// unseen, so a pass names them.
        public var notCompared: [String] = []
        /// The days of changes an effective-date note in the official text announces for the
        /// provision after the day checked: the wording passes as the law until then, and not after.
        public var announcedChanges: [LegalDate] = []

        public init(provisionID: String, citation: String, officialID: String, location: SourceLocation, officialFile: String,
                    wordingCompared: Bool, paraphraseIsOfficialText: Bool = false) {
            self.provisionID = provisionID
            self.citation = citation
            self.officialID = officialID
            self.location = location
            self.officialFile = officialFile
            self.wordingCompared = wordingCompared
            self.paraphraseIsOfficialText = paraphraseIsOfficialText
        }

        /// This pass of a paraphrase, told whether its wording equals `official`, with or without
        /// the official paragraph's own marker (`(b) Any release …` is `Any release …`).
        func paraphrase(of wording: String, comparedWith official: String) -> Pass {
            var pass = self
            let shipped = TextNormalizer.comparisonKey(wording)
            let text = TextNormalizer.comparisonKey(official)
            pass.paraphraseIsOfficialText = shipped == text || shipped == Self.withoutMarker(text)
            return pass
        }

        /// `text` without a leading parenthesised marker and the space after it (`(b) `, `(a)(1) `);
        /// nil when it opens with none.
        static func withoutMarker(_ text: String) -> String? {
            var rest = Substring(text)
            while rest.first == "(", let close = rest.firstIndex(of: ")"), rest.distance(from: rest.startIndex, to: close) <= 6,
                  !rest[..<close].contains(" ") {
                rest = rest[rest.index(after: close)...]
            }
            guard rest.count < text.count, rest.first == " " else { return nil }
            return String(rest.dropFirst())
        }

        /// The `--list-passed` line: what the pass rests on.
        public var description: String {
            guard wordingCompared else {
                return "\(location): note: \(provisionID) (\(citation)): found in \(officialFile) at '\(officialID)'; a paraphrase: wording not compared"
            }
            if setOutInPart, !setOutWordsCompared {
                return "\(location): note: \(provisionID) (\(citation)): set out only in part in \(officialFile) at '\(officialID)': "
                    + "the rule prints its heading alone, so none of its wording was compared"
            }
            if setOutInPart {
                return "\(location): note: \(provisionID) (\(citation)): set out only in part in \(officialFile) at '\(officialID)': "
                    + "the words it sets out match; the text it leaves out (* * *) was not compared"
            }
            let matched = elisions == 0
                ? "\(location): note: \(provisionID) (\(citation)): wording matches \(officialFile) at '\(officialID)'"
                : "\(location): note: \(provisionID) (\(citation)): quoted words match \(officialFile) at '\(officialID)'; "
                    + "the official words \(elisions == 1 ? "its elision (…) leaves" : "its \(elisions) elisions (…) leave") out were not compared"
            return matched + (notCarriedPhrase.map { "; " + $0 } ?? "") + (announcedPhrase.map { "; " + $0 } ?? "")
        }

        /// `the official text's footnote 1, not in its imported wording, was not compared`; nil when
        /// the official wording carries all the text prints there.
        var notCarriedPhrase: String? {
            guard !notCompared.isEmpty else { return nil }
            let list = ProseList.joined(notCompared)
            return "the official text's \(list), not in its imported wording, \(notCompared.count == 1 ? "was" : "were") not compared"
        }

        /// `an effective-date note there announces a change that takes effect on 2026-07-01, after the
        /// day checked: the wording passes until then`; nil when none is announced.
        var announcedPhrase: String? {
            guard !announcedChanges.isEmpty else { return nil }
            let days = announcedChanges.map(\.iso)
            let list = ProseList.joined(days)
            return days.count == 1
                ? "an effective-date note there announces a change that takes effect on \(list), after the day checked: the wording passes until then"
                : "effective-date notes there announce changes that take effect on \(list), after the day checked: the wording passes until \(days[0])"
        }

        /// What the pass says in a line of its text's (`copy 2 (line 1): passes`).
        var verdict: String {
            guard wordingCompared else { return "found (a paraphrase: wording not compared)" }
            if setOutInPart { return setOutWordsCompared ? "the words set out pass (set out only in part: the rest not compared)" : "found (its heading alone set out: wording not compared)" }
            let verdict = elisions == 0 ? "passes" : "quoted words pass (words left out with … not compared)"
            return verdict + (notCompared.isEmpty ? "" : " (" + notCompared.joined(separator: ", ") + " not compared)")
                + (announcedChanges.isEmpty ? "" : " (until the change announced for " + announcedChanges.map(\.iso).joined(separator: ", ") + ")")
        }

        /// The line for a paraphrase that is the official text word for word; nil for any other pass.
        public var mislabelled: String? {
            guard paraphraseIsOfficialText else { return nil }
            return "\(location): note: \(provisionID) (\(citation)): marked a paraphrase, but its wording is the text of '\(officialID)' in "
                + "\(officialFile) word for word; marked verbatim, its wording would be compared"
        }
    }
}

extension CitationChecker.Report {
    /// Passes of paraphrases: found, wording not compared.
    public var foundOnly: [CitationChecker.Pass] { passes.filter { !$0.wordingCompared } }

    /// Passes of wordings that leave official words out with "…": those words not compared.
    public var quotedInPart: [CitationChecker.Pass] { passes.filter { $0.wordingCompared && $0.elisions > 0 } }

    /// Passes against a text set out only in part: the words left out there not compared.
    public var setOutInPart: [CitationChecker.Pass] { passes.filter { $0.wordingCompared && $0.setOutInPart } }

    /// Passes of wordings whose official text prints what its imported wording does not carry (an
    /// image, a footnote): that was not compared.
    public var notCarriedInPart: [CitationChecker.Pass] { passes.filter { $0.wordingCompared && !$0.notCompared.isEmpty } }

    /// Passes that hold only until a change the official text announces (an effective-date note)
    /// takes effect, after the day checked.
    public var untilAnnouncedChange: [CitationChecker.Pass] { passes.filter { !$0.announcedChanges.isEmpty } }

    /// The summary's words for the passes: `4 pass`, and how many of them rest on less than a
    /// whole wording compared: quotations with words left out, paraphrases only found
    /// (`19 pass (3 of them quoted in part: words left out not compared; 13 of them paraphrases: found, wording not compared)`).
    public var passSummary: String {
        func share(_ count: Int, _ one: String, _ many: String) -> String {
            count == passed.count ? (count == 1 ? "a \(one)" : "all \(many)") : "\(count) of them \(count == 1 ? "a \(one)" : many)"
        }
        var parts: [String] = []
        let elided = quotedInPart.count, found = foundOnly.count, partial = setOutInPart.count
        if elided > 0 { parts.append(share(elided, "quotation in part", "quoted in part") + ": words left out not compared") }
        if partial > 0 { parts.append(share(partial, "text set out only in part", "set out only in part") + ": the rest not compared") }
        let uncarried = notCarriedInPart.count
        if uncarried > 0 {
            parts.append(share(uncarried, "text with an image or a footnote outside its wording", "texts with images or footnotes outside their wording") + ": those not compared")
        }
        if found > 0 { parts.append(share(found, "paraphrase", "paraphrases") + ": found, wording not compared") }
        let announced = untilAnnouncedChange.count
        if announced > 0 { parts.append(share(announced, "text with a change announced", "texts with changes announced") + " after the day checked: passing until then") }
        return "\(passed.count) pass" + (parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")")
    }
}
