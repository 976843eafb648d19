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

    /// A Federal Register rule's timing as its DATES paragraph (`EFFDATE`) states it. Read so that a
    /// rule is never taken as law earlier than it is (QA dates7, verify12):
    /// - a stay or delay with no day ("delayed indefinitely", "stayed until further notice",
    ///   "postponed indefinitely") leaves it not in force;
    /// - a delay to a named day ("… is delayed to March 1, 2027") makes that day the effective date;
    /// - "effective on (upon) publication" (or "upon filing for public inspection") is the issue date,
    ///   and "effective 30 days after publication" the issue date and thirty days;
    /// - otherwise each "effective" is followed to the first date after it ("This rule is effective
    ///   March 1, 2027."), and of several ("effective December 1, 2026, except for instruction 1,
    ///   which is effective March 1, 2027") the latest is taken: the rule is wholly law only then;
    /// - "until", "through" or "expires (on)" a date ends a temporary rule.
    /// `published` stands in, not `stated`, when no effective date can be read (no DATES at all).
    static func rule(dates wording: String?, published: LegalDate?) -> LegalEffect {
        var effect = LegalEffect(from: published, basis: .effectiveDate, stated: false)
        guard let wording else { return effect }
        if wording.firstMatch(of: #/(?i)\b(?:delayed|stayed|postponed|suspended)\b[^.]*?\b(?:indefinitely|until further notice)/#) != nil {
            effect.delayed = true
            return effect
        }
        if let delay = wording.firstMatch(of: #/(?i)\b(?:delayed|postponed)\s+(?:to|until)\s+/#),
           let date = USDates.first(in: String(wording[delay.range.upperBound...].prefix(80))) {
            effect.from = date
            effect.stated = true
            return effect
        }
        var effective: [LegalDate] = []
        for match in wording.matches(of: #/(?i)\beffective\b/#) {
            let rest = wording[match.range.upperBound...]
            if rest.prefix(60).firstMatch(of: #/(?i)^[^.]*?\b(?:on|upon) (?:the date of )?(?:publication|filing for public inspection)/#) != nil, let published {
                effective.append(published)
            } else if let days = rest.prefix(60).firstMatch(of: #/(?i)^[^.]*?\b(\d+|thirty|sixty|ninety) days after (?:the date of )?publication/#), let published {
                let count = Int(days.1) ?? ["thirty": 30, "sixty": 60, "ninety": 90][days.1.lowercased()] ?? 0
                effective.append(LegalDate(dayNumber: published.dayNumber + count))
            } else if let date = USDates.first(in: String(rest.prefix(160))) {
                effective.append(date)
            }
        }
        if let latest = effective.max() {
            effect.from = latest
            effect.stated = true
        }
        // The end of a temporary rule: "until" or "through" in the sentence that says "effective"
        // (not "comments … until"), "expire(s)" anywhere.
        var ends: [Substring] = []
        if let first = wording.firstMatch(of: #/(?i)\beffective\b/#) {
            let sentence = wording[first.range.upperBound...].prefix { $0 != "\n" }
            let end = sentence.firstMatch(of: #/\.\s+[A-Z]/#)?.range.lowerBound ?? sentence.endIndex
            ends += sentence[..<end].matches(of: #/(?i)\b(?:until|through)\s+/#).map { wording[$0.range.upperBound...] }
        }
        ends += wording.matches(of: #/(?i)\bexpires?\b(?:\s+on)?\s+/#).map { wording[$0.range.upperBound...] }
        if let date = ends.lazy.compactMap({ USDates.first(in: String($0.prefix(80))) }).first(where: { $0 >= (effect.from ?? $0) }) {
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
