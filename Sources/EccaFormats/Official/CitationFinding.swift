import ClauseGraph
import Foundation

/// What `cite-check` reports: a finding per provision whose official text is missing, drifted,
/// changed by an amending text or told differently by texts of one date, and the whole report.
/// Its lines hold file names and the texts' own words as they are; `ecca cite-check` escapes each
/// line once as it prints it (`CiteCheckCommand.printable`), so no text can forge a line.
extension CitationChecker {
    public struct Finding: Sendable, Hashable, CustomStringConvertible {
        public enum Kind: String, Sendable, Hashable {
            /// The official id names nothing in the official text.
            case missing
            /// The provision exists but its wording is not the official wording.
            case drifted
            /// An amending act or a Federal Register rule given changes the provision, and no text
            /// given that includes the change decided it.
            case amended
            /// Texts of the same date (or undated) given for the provision disagree.
            case disagreement
            /// One official text prints the provision more than once (a unit repeated), and its
            /// copies' wordings differ: which one is the law cannot be told.
            case repeated
            /// A text not in force on the day checked (dated after it; a rule not yet effective,
            /// delayed or expired) says otherwise than the text in force, or is all that was given.
            case notInForce
        }
        public var kind: Kind
        public var provisionID: String
        public var citation: String
        /// The official id looked up (`092.003`, `734.13(a)(2)`).
        public var officialID: String
        /// Where the provision is encoded (the shipped rules file).
        public var location: SourceLocation
        /// The official file checked against.
        public var officialFile: String
        /// The date of the official text, when the file gives one (eCFR `AMDDATE`, a versioner
        /// path date, the annual CFR's edition, the Formex act's or consolidation's date, the FR
        /// issue): a provision missing from an older text may be newer law, not a wrong citation.
        public var officialVersion: LegalDate?
        /// The official text is a consolidated text (documentation, not the Official Journal).
        public var consolidated: Bool
        /// What the consolidation marks over the provision: "changed by 32026R1744, Art. 1, point (40)(a)",
        /// "deleted by …".
        public var amendment: String?
        public var diff: WordDiff?
        /// What the amending texts change (`.amended`), or what each text says (`.disagreement`).
        public var detail: String?

        public init(kind: Kind, provisionID: String, citation: String, officialID: String, location: SourceLocation,
                    officialFile: String, officialVersion: LegalDate? = nil, consolidated: Bool = false, amendment: String? = nil,
                    diff: WordDiff? = nil, detail: String? = nil) {
            self.detail = detail
            self.consolidated = consolidated
            self.amendment = amendment
            self.kind = kind
            self.provisionID = provisionID
            self.citation = citation
            self.officialID = officialID
            self.location = location
            self.officialFile = officialFile
            self.officialVersion = officialVersion
            self.diff = diff
        }

        /// What the message says of the official text: its date and, for a consolidated text, which act changed the provision.
        var about: String? {
            guard consolidated else { return officialVersion.map { "text as of \($0.iso)" } }
            return ["consolidated text" + (officialVersion.map { " of \($0.iso)" } ?? ""), amendment].compactMap { $0 }.joined(separator: "; ")
        }

        public var description: String {
            let file = officialFile + (about.map { " (\($0))" } ?? "")
            switch kind {
            case .missing:
                return "\(location): error: \(provisionID) (\(citation)): '\(officialID)' does not exist in \(file)"
            case .drifted:
                return "\(location): error: \(provisionID) (\(citation)): wording differs from \(file) at '\(officialID)'" + (detail.map { "; \($0)" } ?? "")
            case .amended:
                return "\(location): error: \(provisionID) (\(citation)): \(detail ?? "")"
            case .disagreement:
                return "\(location): error: \(provisionID) (\(citation)): the official texts given disagree at '\(officialID)': \(detail ?? "")"
            case .repeated:
                return "\(location): error: \(provisionID) (\(citation)): \(file) prints '\(officialID)' more than once, and the copies differ: \(detail ?? "")"
            case .notInForce:
                return "\(location): error: \(provisionID) (\(citation)): \(detail ?? "")"
            }
        }
    }

    public struct Report: Sendable {
        public var findings: [Finding]
        /// The provisions that passed, and how: their wording compared, or a paraphrase only found (`Pass`).
        public var passes: [Pass] = []
        /// Provisions found whose wording passed (or, for paraphrases, that exist).
        public var passed: [String] { passes.map(\.provisionID) }
        /// Provisions with an official id that no official text given covers.
        public var notCovered: [String]
        /// Of `notCovered`, those a Formex text of their instrument was given for that have no
        /// locator (`source-id`) to find them by, only an eid, which no Formex lookup uses (an
        /// article's indent, an annex group numbered by its position): not covered for that reason.
        public var withoutLocator: Set<String> = []
        public var officialFiles: [String]
        /// The day whose law the provisions were checked against (`--as-of`, else today).
        public var day: LegalDate
        /// One line per official file given, in the order given: what it was taken to be, and how
        /// many shipped provisions it covered and decided (`file: …: covers 47 shipped provisions, decides 43`).
        public var fileLines: [String] = []
        /// Instructions of an amending act or rule whose place was not read, in an instrument with
        /// shipped provisions (`file: error: …`): what they change is not known, which is a finding.
        public var unreadInstructions: [String] = []
        /// How many files decided at least one provision: the files "checked against".
        public var filesUsed = 0
        public var isClean: Bool { findings.isEmpty && unreadInstructions.isEmpty }
        /// Provisions compared (passed or found wanting), each once.
        public var checked: Int { passed.count + Set(findings.map(\.provisionID)).count }
        /// No shipped provision is covered by the texts given: a pass would mean nothing (the
        /// wrong act, another CFR title, an annex without the provisions that cite it).
        public var checkedNothing: Bool { checked == 0 && unreadInstructions.isEmpty }
    }
}
