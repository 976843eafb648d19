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
    /// Its DATES state an effective date ecca cannot read ("effective 03/01/2027"): not taken as law,
    /// since the day could be any.
    var unreadable = false
    var basis = Basis.textDate
    /// `from` is a date the text states (false: a rule's publication date, standing in for an
    /// effective date its DATES do not give). Only a stated date shows a later text includes the change.
    var stated = true

    /// Why the text is not law on `day`, or nil when it is (or nothing says it is not: a text
    /// with no date is weighed as in force, and a disagreement with it is a finding).
    func notInForce(on day: LegalDate) -> String? {
        if delayed { return "its effective date is delayed indefinitely" }
        if unreadable { return "its DATES give an effective date that could not be read" }
        if let from, from > day {
            return basis == .effectiveDate ? "takes effect on \(from.iso), after \(day.iso)" : "text as of \(from.iso), after \(day.iso)"
        }
        if let until, until < day { return "expired on \(until.iso), before \(day.iso)" }
        return nil
    }

    /// A Federal Register rule's timing as its DATES paragraph (`EFFDATE`) states it, read so that a
    /// rule is never taken as law earlier than it is: where the reading errs, it errs late, which
    /// keeps a finding (the rule's text does not decide, its instructions stay findings) rather than
    /// passing a provision on a rule not yet law (QA dates7, verify12, verify13).
    ///
    /// Only the sentences about when something takes effect are read: those that say "effective",
    /// "takes effect", or that something is delayed, postponed, stayed, suspended or withdrawn
    /// ("Comments must be received by …" is not one). Of every date such a sentence states, and the
    /// days it counts from publication ("on publication", "30 days after publication", "the
    /// thirtieth day after publication"), the latest is the effective date: "effective December 1,
    /// 2026, except for amendatory instruction 1, which is effective March 1, 2027", "the later of
    /// March 1, 2027, or 30 days after publication", "delayed from December 1, 2026, until March 1,
    /// 2027" all give March 1, 2027, and a date about another rule makes this one later too. A
    /// sentence that delays, postpones, stays or suspends with no date ("delayed indefinitely",
    /// "stayed pending judicial review", "delayed for 60 days"), or that withdraws, leaves the rule
    /// not in force. A temporary rule's end is read only where one clause states both days
    /// ("effective from December 1, 2026, until (through) December 3, 2026", "effective December
    /// 1, 2026, and expires on December 3, 2026"); past it the rule is not in force, and what its
    /// instructions did stays a finding. `published` stands in, not `stated`, when no effective date
    /// can be read (no DATES at all).
    static func rule(dates wording: String?, published: LegalDate?) -> LegalEffect {
        var effect = LegalEffect(from: published, basis: .effectiveDate, stated: false)
        guard var wording else { return effect }
        // A temporary rule's clause: its end is read, and left out of the dates it takes effect by.
        let date = #"((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4})"#
        if let clause = try? Regex(#"(?i)\beffective (?:from )?"# + date + #",? (?:until|through|and expires(?: on)?) "# + date),
           let match = wording.firstMatch(of: clause), match.count == 3,
           let first = match[1].substring, let start = USDates.first(in: String(first)),
           let until = match[2].substring.flatMap({ USDates.first(in: String($0)) }), until >= start {
            effect.until = until
            wording.replaceSubrange(match.range, with: "effective " + first)
        }
        var stated: [LegalDate] = []
        for sentence in Self.sentences(wording) {
            let lower = sentence.lowercased()
            guard lower.firstMatch(of: #/\b(?:effective|takes effect|delay|postpone|stay|stayed|suspend|withdraw)/#) != nil else { continue }
            if lower.contains("withdraw") {
                effect.delayed = true
                continue
            }
            var dates = USDates.all(in: String(sentence))
            if let published {
                if lower.firstMatch(of: #/\b(?:on|upon) (?:the date of )?(?:publication|filing for public inspection)/#) != nil { dates.append(published) }
                for count in lower.matches(of: #/\b(\d+|thirty|sixty|ninety)\s*(?:\(\d+\)\s*)?days? after (?:the date of )?publication/#) {
                    let days = Int(count.1) ?? ["thirty": 30, "sixty": 60, "ninety": 90][String(count.1)] ?? 0
                    dates.append(LegalDate(dayNumber: published.dayNumber + days))
                }
                for ordinal in lower.matches(of: #/\b(thirtieth|sixtieth|ninetieth) day after (?:the date of )?publication/#) {
                    dates.append(LegalDate(dayNumber: published.dayNumber + (["thirtieth": 30, "sixtieth": 60, "ninetieth": 90][String(ordinal.1)] ?? 0)))
                }
            }
            if dates.isEmpty, lower.firstMatch(of: #/\b(?:delay|postpone|stay|stayed|suspend)/#) != nil, !lower.contains("lift") {
                effect.delayed = true
            } else if dates.isEmpty, sentence.contains(where: \.isNumber) {
                // "effective 03/01/2027", "on the 1st of March, 2027": a day is stated, not read.
                effect.unreadable = true
            }
            stated += dates
        }
        if let latest = stated.max() {
            effect.from = latest
            effect.stated = true
        }
        // An end before the latest start (a later date elsewhere in the DATES) is no end.
        if let until = effect.until, let from = effect.from, until < from { effect.until = nil }
        return effect
    }

    /// The sentences of a DATES paragraph: a full stop followed by a capital, or a line break, ends
    /// one ("10:30 a.m. until" does not).
    private static func sentences(_ text: String) -> [Substring] {
        var sentences: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == "\n" || (text[index] == "." && next < text.endIndex && text[next] == " "
                && text.index(after: next) < text.endIndex && text[text.index(after: next)].isUppercase) {
                sentences.append(text[start..<next])
                start = next
            }
            index = next
        }
        if start < text.endIndex { sentences.append(text[start...]) }
        return sentences
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
