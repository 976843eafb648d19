import ArgumentParser
import ClauseGraph
import EccaAnalysis
import EccaFormats
import Foundation

/// `ecca cite-check`: are the shipped citations still what the official text says? Finds ids
/// that no longer exist and wording that drifted, the way a legal team learns that an amendment
/// (such as Regulation 2026/1744: its consolidated text, or the amending act's instructions)
/// changed a provision ecca relies on.
struct CiteCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cite-check",
        abstract: "Check every shipped provision with an official id against official texts.",
        discussion: """
            --official takes Formex acts, annexes or package manifests (.doc), eCFR, annual CFR or \
            Federal Register XML, or Akoma Ntoso. Each provision is looked up by its official id \
            (Formex source-id, CFR citation, AKN eid) in the text of its own instrument, and its verbatim \
            wording compared after normalising whitespace and typography; differences are shown as a \
            word diff ([-shipped-] {+official+}). A paraphrase is only found, its wording not compared: \
            the summary counts such passes apart, --list-passed names every pass and how it passed, and \
            a paraphrase whose wording is the official text word for word is named (mislabelled: \
            marked verbatim, it would be compared). A provision is checked only against the text of its \
            own instrument; provisions the files given do not cover are counted as "not covered" \
            (--list-not-covered names them). A provision covered by several texts (annex files \
            included, each with its own date) is checked against the latest, whatever the order of the \
            files; texts of one date that disagree, or an undated text that disagrees with the latest \
            dated one, are a finding. Only a text in force on the day checked (--as-of, else today) \
            decides: a text dated after it, or a Federal Register rule not yet effective (by its \
            DATES, not its publication date), delayed or expired, is compared apart, and is a finding \
            where it says otherwise than the text in force or is the only text given. A change an eCFR \
            effective-date note announces for a provision is a finding from its day on, and on any day \
            when the text is undated or the note gives no one day; before it, the provision passes, \
            with a line that says until when. An EU amending act (Formex) or a Federal Register rule is not \
            applied: each shipped provision its instructions change (replace, delete, add, remove, \
            reserve, revise, redesignate …) is a finding, unless a consolidated text that includes the \
            act, or the rule's own printed text, decided it (a paraphrase, whose wording is not \
            compared, stays a finding). Each file gets a line: what it was taken \
            to be, and how many shipped provisions it covered and decided.
            Exit status: 0 all pass, 1 a missing id, drifted wording, texts that disagree, or a \
            provision an amending act or rule changes (or an instruction not read), 2 unusable input: a file \
            that cannot be read, rules with errors (a file that fails the schema, a provision id \
            given twice: see `ecca validate`), a LegalRuleML file (an encoding, not the official text), a Federal \
            Register file of proposed rules only, or an Akoma Ntoso bill, given alone (a proposal is not law; the proposed \
            rules of a daily issue, and a file of them given with other official files, are left \
            out, with a note), or files \
            that cover no shipped provision at all (nothing was checked: the wrong act, another \
            CFR title, an annex alone that no shipped provision cites); 64 a command-line usage error.
            """
    )

    @Option(name: .customLong("official"), parsing: .upToNextOption,
            help: ArgumentHelp("Official XML files to check against.", valueName: "file"))
    var officialFiles: [String]

    @Flag(name: .customLong("list-not-covered"),
          help: "Name each provision with an official id that the files given do not cover, so that what was not checked is on the record.")
    var listNotCovered = false

    @Flag(name: .customLong("list-passed"),
          help: "Name each provision that passed, and whether its wording was compared (verbatim) or it was only found (a paraphrase).")
    var listPassed = false

    @Option(name: .customLong("as-of"),
            help: ArgumentHelp("Check against the law in force on this day (YYYY-MM-DD). Default: today (the local date: TZ sets the time zone). A text dated after it, or a Federal Register rule not effective on it, never decides.", valueName: "date"))
    var asOf: String?

    @OptionGroup var regulations: RegulationOptions

    @OptionGroup var unitLimit: UnitLimitOptions

    func validate() throws {
        if officialFiles.isEmpty { throw ValidationError("give at least one official file with --official") }
        if let asOf, let problem = LegalDate.problem(iso: asOf) { throw ValidationError("--as-of '\(asOf)' \(problem)") }
    }

    func run() throws {
        // As for `check`: a rules file that fails the schema is left out of the graph, and of two
        // provisions with one id only the first is in it, so checking the rest would pass an
        // encoding (or the copy of a provision) that was never read. The errors are said, status 2.
        let loaded = try regulations.loadUsable()
        let checker: CitationChecker
        do {
            checker = try CitationChecker(officialFiles: officialFiles, unitLimit: unitLimit.limit)
        } catch {
            Output.error(error.description)
            throw ExitCode(ExitStatus.unusableInput)
        }
        for note in checker.setAside + checker.warnings { Output.error(Self.printable(note)) }
        let report = checker.check(loaded.graph, on: asOf.flatMap(LegalDate.init(iso:)) ?? ConflictEngine.today())
        for finding in report.findings {
            try Self.say(finding.description)
            if let diff = finding.diff { try Self.say("    " + diff.description) }
        }
        // A paraphrase that is the official text word for word: a change to it would pass unseen.
        for line in report.passes.compactMap(\.mislabelled) { try Self.say(line) }
        if listPassed {
            for pass in report.passes { try Self.say(pass.description) }
        } else {
            // A pass that holds only until an announced change is named with its day, always.
            for pass in report.untilAnnouncedChange { try Self.say(pass.description) }
        }
        for line in report.unreadInstructions { try Self.say(line) }
        if listNotCovered {
            for id in report.notCovered {
                guard let provision = loaded.graph.provisions[id] else { continue }
                // A Formex text is searched by locator, never by eid: such a provision is named by
                // its citation, with why it could not be found, not by an id no lookup used.
                let official = report.withoutLocator.contains(id)
                    ? "cited '\(provision.citation)': it has no Formex locator (source-id), and a Formex text is searched by locator, never by eid"
                    : "official id '\(provision.sourceID ?? provision.eid ?? "")'"
                try Output.write("\(provision.location): note: \(id) (\(provision.citation)): not covered by the texts given "
                                 + "(\(provision.instrumentID), \(official))\n")
            }
        }
        // What each official file was taken to be, and what it covered and decided.
        for line in report.fileLines { try Self.say(line) }
        let missing = report.findings.filter { $0.kind == .missing }.count
        let drifted = report.findings.filter { $0.kind == .drifted }.count
        let checked = report.checked
        try Output.write("""
            \(CountedNoun("provision")(checked)) checked against \(CountedNoun("official file")(report.filesUsed)): \
            \(report.passSummary), \(drifted) drifted, \(missing) missing\(Self.amendmentCounts(report)); \(report.notCovered.count) not covered by the texts given

            """)
        if report.checkedNothing {
            // A pass here would be a green gate on the wrong file.
            Output.error("""
                warning: nothing was checked: none of the \(report.notCovered.count) shipped provisions with an official id \
                is covered by the official \(CountedNoun("text").noun(for: report.officialFiles.count)) given (each file's line above says what it was taken to be)
                """)
            throw ExitCode(ExitStatus.unusableInput)
        }
        if !report.isClean { throw ExitCode(ExitStatus.findings) }
    }

    /// A line as printed: the official texts' own words in it (a Federal Register rule's subject,
    /// an instruction, a wording, a file name) cannot break it or reorder it on a terminal; each
    /// line break and bidirectional override is escaped (`ControlCharacters`), so no text can
    /// forge a line such as a passing summary (SECURITY.md; QA verify11 N7).
    static func printable(_ line: String) -> String { ControlCharacters.escaped(line) }

    private static func say(_ line: String) throws { try Output.write(printable(line) + "\n") }

    /// `, 4 changed by amending texts, 1 in disagreement`: said only when there are any.
    static func amendmentCounts(_ report: CitationChecker.Report) -> String {
        let amended = Set(report.findings.filter { $0.kind == .amended }.map(\.provisionID)).count
        let disagreeing = report.findings.filter { $0.kind == .disagreement || $0.kind == .repeated }.count
        var text = amended > 0 ? ", \(amended) changed by amending texts" : ""
        if disagreeing > 0 { text += ", \(disagreeing) where the texts disagree" }
        let notInForce = report.findings.filter { $0.kind == .notInForce }.count
        if notInForce > 0 { text += ", \(notInForce) with texts not in force on \(report.day.iso)" }
        if !report.unreadInstructions.isEmpty { text += ", \(CountedNoun("amending instruction")(report.unreadInstructions.count)) not read" }
        return text
    }
}
