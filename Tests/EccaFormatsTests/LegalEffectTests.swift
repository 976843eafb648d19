import ClauseGraph
@testable import EccaFormats
import Testing

/// When a Federal Register rule is law, as its DATES paragraph says (`LegalEffect.rule`), and what
/// that makes of a day. The first three wordings are the real EFFDATEs of the rules in
/// shared/corpora/official-xml/federal-register/FR-2024-02-12.rules-excerpt.xml (FR Docs 2024-02701,
/// 2024-02447, 2024-02110); the fourth is the shipped paraphrase of 90 FR 4544's DATES.
@Suite struct LegalEffectTests {
    static func date(_ iso: String) -> LegalDate { LegalDate(iso: iso)! }

    @Test(arguments: [
        ("This rule is effective from 10:30 a.m. until 11:35 a.m. on February 10, 2024.", "2024-02-10", "2024-02-10"),
        ("Effective March 13, 2024.", "2024-03-13", nil),
        ("This rule is effective October 1, 2024.", "2024-10-01", nil),
        ("Effective date: January 13, 2025. Compliance date: May 15, 2025 (certain security requirements for validated end users: January 15, 2026).", "2025-01-13", nil),
    ] as [(String, String, String?)]) func theEffectiveDateIsTheFirstDateAfterEffective(dates: String, from: String, until: String?) {
        let effect = LegalEffect.rule(dates: dates, published: Self.date("2024-02-12"))
        #expect(effect.from == Self.date(from))
        #expect(effect.until == until.map(Self.date))
        #expect(effect.stated)
    }

    /// Without an effective date the publication date stands in, and says so (`stated` is false):
    /// it places the rule among texts, but never shows that a later text holds it.
    @Test func withoutAnEffectiveDateThePublicationDateStandsIn() {
        for dates in [nil, "Comments are due March 1, 2025."] {
            let effect = LegalEffect.rule(dates: dates, published: Self.date("2024-02-12"))
            #expect(effect.from == Self.date("2024-02-12"))
            #expect(!effect.stated)
        }
    }

    /// The wordings QA verify12 found misread (its fr/ fixtures): an exception with a later date,
    /// stays and delays worded otherwise, a delay to a named day, a temporary rule "through" a day or
    /// that "expires", and effective dates counted from publication. Each was a rule taken as law
    /// before it was.
    @Test(arguments: [
        ("This rule is effective December 1, 2026, except for amendatory instruction 1 (the revision of § 734.15(a)), which is effective March 1, 2027.", "2027-03-01", nil, nil),
        ("This rule is effective December 1, 2026. The amendment to § 734.15(a) in amendatory instruction 1 is effective March 1, 2027.", "2027-03-01", nil, nil),
        ("The effective date of this rule is delayed until further notice.", nil, nil, .delayed),
        ("This rule is stayed indefinitely.", nil, nil, .delayed),
        ("The effective date of this rule is postponed indefinitely.", nil, nil, .delayed),
        ("The effective date of the rule published on November 30, 2026, is delayed to March 1, 2027.", "2027-03-01", nil, nil),
        ("The effective date of this rule, published October 1, 2026 (91 FR 60001), is delayed until March 1, 2027.", "2027-03-01", nil, nil),
        ("This rule is effective from December 1, 2026, through December 3, 2026.", "2026-12-01", "2026-12-03", nil),
        ("This temporary rule is effective December 1, 2026, and expires on December 3, 2026.", "2026-12-01", "2026-12-03", nil),
        ("This rule is effective on publication in the Federal Register.", "2026-10-01", nil, nil),
        ("This rule is effective upon filing for public inspection.", "2026-10-01", nil, nil),
        ("This rule is effective 30 days after publication.", "2026-10-31", nil, nil),
        ("This rule is effective October 15, 2026. Comments must be received until January 5, 2027.", "2026-10-15", nil, nil),
        // QA verify13: an end that is not the rule's own, a start read as an end, a computed date
        // beating a named later one, wordings not read, and a delay that names the day it ended.
        // An end said of something else cannot be told from the rule's own: the rule is not taken as
        // law (read as the rule's end, it had made an in-force rule expired, its changes hidden).
        ("This rule is effective November 16, 2026. The general license in § 736.2(b) expires on November 30, 2026.", nil, nil, .unread),
        ("This rule is effective November 16, 2026. The temporary rule published on May 1, 2026, which was to expire on November 30, 2026, is extended through May 31, 2027.", nil, nil, .unread),
        ("This rule is not effective until March 1, 2027.", "2027-03-01", nil, nil),
        ("The effective date of the rule published on December 1, 2026, is delayed from December 1, 2026, until March 1, 2027.", "2027-03-01", nil, nil),
        ("This rule is effective on the later of March 1, 2027, or 30 days after publication.", "2027-03-01", nil, nil),
        ("This rule is effective upon publication in the Federal Register or March 1, 2027, whichever is later.", "2027-03-01", nil, nil),
        ("This rule is effective thirty (30) days after publication in the Federal Register.", "2026-10-31", nil, nil),
        ("This rule is effective on the thirtieth day after publication in the Federal Register.", "2026-10-31", nil, nil),
        ("This rule takes effect on March 1, 2027.", "2027-03-01", nil, nil),
        ("The effective date of this rule is delayed for 60 days.", nil, nil, .delayed),
        ("This rule is stayed pending judicial review.", nil, nil, .delayed),
        ("The rule published at 91 FR 60001 on October 1, 2026, effective December 1, 2026, is withdrawn as of November 30, 2026.", nil, nil, .withdrawn),
        ("The effective date of this rule, which was delayed indefinitely on October 1, 2026, is now November 16, 2026.", "2026-11-16", nil, nil),
        ("The stay of this rule is lifted.", "2026-10-01", nil, nil),
        ("This rule is effective December 1, 2026. BIS will not enforce the amendments until March 1, 2027.", "2026-12-01", nil, nil),
        // QA verify14: other ways to say when, days not read beside days read, ends not read, and
        // sentences cut at abbreviations.
        ("The amendments in this rule will take effect on March 1, 2027.", "2027-03-01", nil, nil),
        ("This rule goes into effect on March 1, 2027.", "2027-03-01", nil, nil),
        ("This rule is effective December 1, 2026, except for amendatory instruction 1, which is effective upon OMB approval.", nil, nil, .unread),
        ("This rule is effective December 1, 2026, except for amendatory instruction 1, which is effective 1 March 2027.", nil, nil, .unread),
        ("The effective date of this rule is deferred.", nil, nil, .delayed),
        ("The effective date will be published in a separate document.", nil, nil, .delayed),
        ("This rule is delayed indefinitely, until the stay ordered by the court is lifted.", nil, nil, .delayed),
        ("This rule is effective forty-five days after date of publication.", "2026-11-15", nil, nil),
        ("This rule is effective at 12:01 a.m. Eastern Time on March 1, 2027.", "2027-03-01", nil, nil),
        ("This rule is effective for U.S. Persons on March 1, 2027.", "2027-03-01", nil, nil),
        ("This temporary rule is effective December 1, 2026. It expires on December 3, 2026.", nil, nil, .unread),
        ("This rule will remain in effect until March 1, 2027.", nil, nil, .unread),
        ("This rule is effective immediately.", "2026-10-01", nil, nil),
        ("This rule is effective December 1, 2026, except as stated below. Amendatory instruction 1 (§ 734.15): March 1, 2027.", "2027-03-01", nil, nil),
        ("Effectiveness of this rule is conditioned on OMB approval, which the agency will announce.", nil, nil, .delayed),
        ("This rule is effective December 1 until December 3, 2026.", nil, nil, .unread),
        ("This rule is effective December 1, 2026. Compliance date: March 1, 2027.", "2026-12-01", nil, nil),
        ("This rule is effective March 1 2027.", "2027-03-01", nil, nil),
        ("Effective date: This rule is effective January 13, 2025.", "2025-01-13", nil, nil),
        ("This direct final rule is effective December 1, 2026. If adverse comments are received, BIS will publish a timely withdrawal in the Federal Register.", "2026-12-01", nil, nil),
    ] as [(String, String?, String?, LegalEffect.Pending?)]) func readNeverEarlierThanItIsLaw(dates: String, from: String?, until: String?, pending: LegalEffect.Pending?) {
        let effect = LegalEffect.rule(dates: dates, published: Self.date("2026-10-01"))
        #expect(effect.pending == pending)
        if pending == nil { #expect(effect.from == from.map(Self.date)) }
        #expect(effect.until == until.map(Self.date))
    }

    /// Temporary rules' spans as Coast Guard rules print them, times of day and all (importer audit,
    /// finding 1: each end had been read as the day the rule took effect, so an expired safety zone
    /// passed as law): the start and the end are both read, and an end stated but not read (or
    /// qualified) leaves the rule not law.
    @Test(arguments: [
        ("This rule is effective without actual notice from February 12, 2024, until 11:59 p.m. on February 20, 2024. For the purposes of enforcement, actual notice will be used from February 1, 2024, until February 12, 2024.", "2024-02-12", "2024-02-20", nil),
        ("This rule is effective from 8 a.m. on February 10, 2024, through 5 p.m. on February 11, 2024.", "2024-02-10", "2024-02-11", nil),
        ("This rule is effective from February 12, 2024 to February 11, 2025.", "2024-02-12", "2025-02-11", nil),
        ("This rule is effective from 12:01 a.m. Eastern Time on March 1, 2027, through noon on March 3, 2027.", "2027-03-01", "2027-03-03", nil),
        ("This temporary final rule is effective February 10, 2024, and expires at 11:59 p.m. on February 11, 2024.", "2024-02-10", "2024-02-11", nil),
        ("This rule is effective from February 12, 2024 to allow vessels to transit.", "2024-02-12", nil, nil),
        ("This rule is effective from 10:30 a.m. on February 10, 2024, until the fireworks display ends.", nil, nil, .unread),
        ("This rule is effective from February 12, 2024, until 11:59 p.m. on February 20, 2024, or until the event ends, whichever is earlier.", nil, nil, .unread),
        ("This rule is effective from February 12, 2024, until February 30, 2024.", nil, nil, .unread),
        ("This rule is effective from February 12, 2024, through February 1, 2024.", nil, nil, .unread),
        ("This rule is effective from 10:30 a.m. until 11:35 a.m. on the day of the launch.", nil, nil, .unread),
        ("This rule is effective February 10 until 11:59 p.m. on February 20, 2024.", nil, nil, .unread),
        // The start without "from" (re-audit: the end was read as the start, and a rule that ended
        // in 2025 was law in 2026; without "unless extended", the DATES were not read at all).
        ("This rule is effective February 12, 2024, through February 11, 2025, unless extended.", "2024-02-12", "2025-02-11", nil),
        ("This rule is effective February 12, 2024, through February 11, 2025.", "2024-02-12", "2025-02-11", nil),
        ("This rule is effective February 12, 2024 until February 11, 2025.", "2024-02-12", "2025-02-11", nil),
        ("This rule is effective on February 12, 2024, at 8 a.m., until 5 p.m. on February 13, 2024.", "2024-02-12", "2024-02-13", nil),
        ("This rule is effective February 12, 2024, until further notice.", "2024-02-12", nil, nil),
        ("This rule is effective February 12, 2024, through February 11, 2025, unless sooner terminated.", nil, nil, .unread),
    ] as [(String, String?, String?, LegalEffect.Pending?)]) func aTemporaryRuleSpanIsReadWhole(dates: String, from: String?, until: String?, pending: LegalEffect.Pending?) {
        let effect = LegalEffect.rule(dates: dates, published: Self.date("2024-02-12"))
        #expect(effect.pending == pending)
        if pending == nil {
            #expect(effect.from == from.map(Self.date))
            #expect(effect.until == until.map(Self.date))
        }
    }

    /// A day stated in a form not read ("03/01/2027", "the 1st of March, 2027") could be any day:
    /// the rule is not taken as law (QA verify13).
    @Test(arguments: ["This rule is effective 03/01/2027.", "This rule is effective on the 1st of March, 2027."])
    func anEffectiveDateNotReadIsNotLaw(dates: String) {
        let effect = LegalEffect.rule(dates: dates, published: Self.date("2026-10-01"))
        #expect(effect.notInForce(on: Self.date("2026-12-06")) == "its DATES state a day that could not be read")
    }

    @Test func whatADayMakesOfIt() {
        let day = Self.date("2026-12-06")
        let rule = LegalEffect.rule(dates: "This rule is effective from December 1, 2026, until December 3, 2026.", published: nil)
        #expect(rule.notInForce(on: day) == "expired on 2026-12-03, before 2026-12-06")
        #expect(rule.notInForce(on: Self.date("2026-12-03")) == nil)
        #expect(rule.notInForce(on: Self.date("2026-11-30")) == "takes effect on 2026-12-01, after 2026-11-30")
        #expect(LegalEffect.rule(dates: "The effective date is delayed indefinitely.", published: day).notInForce(on: day) == "its effective date is delayed indefinitely")
        #expect(LegalEffect(from: Self.date("2027-06-01")).notInForce(on: day) == "text as of 2027-06-01, after 2026-12-06")
        #expect(LegalEffect(from: nil).notInForce(on: day) == nil)
        // An instruction's own timing wins over the rule's.
        let instruction = LegalEffect.rule(dates: "Effective March 13, 2024.", published: nil).instruction(effective: Self.date("2027-03-01"), timing: "Effective March 1, 2027")
        #expect(instruction.notInForce(on: day) == "takes effect on 2027-03-01, after 2026-12-06")
    }
}
