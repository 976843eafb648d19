import ClauseGraph

/// What the header of a consolidated Formex text (`CONS.ACT/CONS.DOC/FAM.COMP`, FORMATS.md §3.4) says
/// about the act consolidated and the acts that amend it.
///
/// The act's own number and date are in `FAM.COMP/BIB.DATA` (`BIB.INSTANCE.CONS/DOCUMENT.REF.CONS/NO.DOC`,
/// or `BIB.INSTANCE.CONS/NO.DOC` in Formex 5; `NO.CELEX`, `DATE`); the `BIB.INSTANCE` of `CONS.DOC` dates the consolidated version, not the act.
/// Each `GR.MOD.ACT/MOD.ACT` names an amending act the same way.
struct ConsolidatedHeader: Sendable, Hashable {
    struct Act: Sendable, Hashable {
        var year: String?
        var number: String?
        var celex: String?
        /// The act's date (`13 June 2024`).
        var date: LegalDate?
        /// The date of the Official Journal that published it.
        var published: LegalDate?
        /// `REG`, `DIR` …
        var legalValue: String?

        /// `Regulation (EU) 2026/1744 of 2026-07-08 (CELEX 32026R1744)`.
        var name: String {
            let word = switch legalValue ?? "" {
            case "REG", "REG_IMPL", "REG_DEL": "Regulation (EU)"
            case "DIR", "DIR_IMPL", "DIR_DEL": "Directive (EU)"
            case "DEC", "DEC_IMPL", "DEC_DEL": "Decision (EU)"
            default: "Act"
            }
            var text = word
            if let year, let number { text += " \(year)/\(number)" }
            if let date { text += " of \(date.iso)" }
            let ids = [celex.map { "CELEX \($0)" }, published.map { "Official Journal of \($0.iso)" }].compactMap { $0 }
            if !ids.isEmpty { text += " (\(ids.joined(separator: ", ")))" }
            return text
        }

        init(bibliography bib: OfficialElement?, legalValue: String?) {
            let instance = bib?.element("BIB.INSTANCE.CONS")
            // Formex 6 puts the number in the reference (`DOCUMENT.REF.CONS/NO.DOC`); Formex 5
            // consolidations (EUR-Lex CONSLEG files before 2023) put it after it, in the instance.
            let number = instance?.element("DOCUMENT.REF.CONS")?.element("NO.DOC") ?? instance?.element("NO.DOC")
            celex = bib?.element("NO.CELEX")?.plainText
            // A header without `NO.DOC` still names the act by its CELEX number (`32016R1036`).
            let fromCELEX = celex.flatMap(CELEXNumber.init)
            year = number?.element("YEAR")?.plainText ?? fromCELEX?.year
            self.number = number?.element("NO.CURRENT")?.plainText ?? fromCELEX?.number
            date = bib?.element("DATE")?["ISO"].flatMap(FormexAdapter.date)
            published = instance?.element("DATE")?["ISO"].flatMap(FormexAdapter.date)
            self.legalValue = legalValue
        }
    }

    var act: Act
    var amendingActs: [Act]

    /// Reads a captured `FAM.COMP`.
    init(_ family: OfficialElement) {
        act = Act(bibliography: family.element("BIB.DATA"), legalValue: family["LEG.VAL"])
        amendingActs = (family.element("GR.MOD.ACT")?.elements("MOD.ACT") ?? []).map {
            Act(bibliography: $0.element("BIB.DATA"), legalValue: $0["LEG.VAL"])
        }
    }

    /// The header of a whole consolidated act read as a tree (`cite-check`); nil for any other document.
    init?(document: OfficialElement) {
        guard document.name == "CONS.ACT", let family = document.first(where: { $0.name == "FAM.COMP" }, barriers: ["CONS.ANNEX", "ENACTING.TERMS"]) else { return nil }
        self.init(family)
    }
}
