import ClauseGraph
import Foundation

/// When an official text, or an amending instruction, is law: from a day, through a day, or not
/// at all while its effective date is delayed. `cite-check` checks shipped wording against the law
/// in force on one day (`--as-of`, else today): a text dated after that day, a Federal Register rule
/// not yet effective, delayed or expired, never decides (QA dates7: each of these had passed
/// provisions whose law in force said something else).
struct LegalEffect: Sendable, Hashable {
    /// What `from` is: a text's own date, or the day a rule (or one of its instructions) takes effect.
    enum Basis: Sendable, Hashable { case textDate, effectiveDate }

    var from: LegalDate?
    var until: LegalDate?
    var delayed = false
    var basis = Basis.textDate
    /// `from` is a date the text states (false: a rule's publication date, standing in for an
    /// effective date its DATES do not give). Only a stated date shows a later text includes the change.
    var stated = true

    /// Why the text is not law on `day`, or nil when it is (or nothing says it is not: a text
    /// with no date is weighed as in force, and a disagreement with it is a finding).
    func notInForce(on day: LegalDate) -> String? {
        if delayed { return "its effective date is delayed indefinitely" }
        if let from, from > day {
            return basis == .effectiveDate ? "takes effect on \(from.iso), after \(day.iso)" : "text as of \(from.iso), after \(day.iso)"
        }
        if let until, until < day { return "expired on \(until.iso), before \(day.iso)" }
        return nil
    }

    /// A Federal Register rule's timing as its DATES paragraph (`EFFDATE`) states it: "This rule is
    /// effective March 1, 2027." (the first date after the first "effective"), "effective from
    /// December 1, 2026, until December 3, 2026" (a temporary rule: the first date after "until"),
    /// "delayed indefinitely". `published` stands in when no effective date can be read ("effective
    /// upon publication", no DATES at all).
    static func rule(dates wording: String?, published: LegalDate?) -> LegalEffect {
        var effect = LegalEffect(from: published, basis: .effectiveDate, stated: false)
        guard let wording else { return effect }
        if wording.range(of: "delayed indefinitely", options: .caseInsensitive) != nil { effect.delayed = true }
        guard let effective = wording.range(of: "effective", options: .caseInsensitive) else { return effect }
        let rest = wording[effective.upperBound...]
        if let date = USDates.first(in: String(rest.prefix(160))) {
            effect.from = date
            effect.stated = true
        }
        if let until = rest.range(of: "until", options: .caseInsensitive), let date = USDates.first(in: String(rest[until.upperBound...].prefix(80))) {
            effect.until = date
        }
        return effect
    }

    /// One instruction of a rule: its own timing ("Effective March 1, 2027, amend …"; "Delayed
    /// indefinitely, …") where it gives one, else the rule's.
    func instruction(effective: LegalDate?, timing: String?) -> LegalEffect {
        var effect = self
        if let effective {
            effect.from = effective
            effect.stated = true
        }
        if let timing, timing.range(of: "delayed indefinitely", options: .caseInsensitive) != nil { effect.delayed = true }
        return effect
    }
}
