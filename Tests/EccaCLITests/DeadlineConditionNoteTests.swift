import Foundation
import Testing

/// A verdict is one day's, but the provider may disclose on any day up to the deadline: where a
/// condition of the law compares the date with a day inside the request's period, the deadline
/// note says what changes on that day, as it does for a status change (law audit of 2026-12-07,
/// L1: the end of the Art. 111(3) transition on 2 August 2027 went unsaid).
@Suite struct DeadlineConditionNoteTests {
    /// The audit's probe P10: a model placed on the market before 2 August 2025, asked for its
    /// technical documentation and its public training-content summary.
    static func legacy(date: String, deadline: String) -> [String: Any] {
        [
            "id": "P10", "date": date, "deadline": deadline,
            "requester": ["authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 53(1)(a)"],
            "provider": ["name": "Northwind Models, Inc.", "establishedIn": "US"],
            "model": ["name": "Northwind-4", "trainingCompute": ["value": 3e25, "unit": "FLOP"], "weightsPublished": false,
                      "placedOnEUMarket": "2025-03-01"],
            "items": [["artifact": "technical-documentation", "channel": "transfer"],
                      ["artifact": "training-data-summary", "channel": "publication"]],
        ]
    }

    static func notes(_ result: CLI.Result) -> [String] {
        result.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("note: ") }
    }

    /// Art. 111(3): "Providers of general-purpose AI models that have been placed on the market
    /// before 2 August 2025 shall take the necessary steps in order to comply with the obligations
    /// laid down in this Regulation by 2 August 2027." The legacy exceptions stop holding on that
    /// day, inside the period, so the duties apply from then.
    @Test func theEndOfTheLegacyTransitionInsideThePeriodIsNoted() throws {
        let result = try CLI.check(Self.legacy(date: "2027-07-01", deadline: "2027-09-01"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("request P10 (as of 2027-07-01): CLEAR (both postures)\n"), "\(result.stdout)")
        let legacy = "Legacy model (Art. 111(3)): placed on the market before 2 August 2025, which has until 2 August 2027 to comply"
        let documentation: String = "Art. 53(1)(a): the exception that holds on 2027-07-01 stops holding on 2027-08-02 (\(legacy)), "
            + "so from that day Art. 53(1)(a) obliges the disclosure of item 0 (technical-documentation via transfer)"
        let summary: String = "Art. 53(1)(d): the exception that holds on 2027-07-01 stops holding on 2027-08-02 (\(legacy)), "
            + "so from that day Art. 53(1)(d) obliges the disclosure of item 1 (training-data-summary via publication)"
        let check: String = "The verdict is the one for 2027-07-01; for a disclosure on a later day, check as of that day (--as-of), "
            + "or run ecca timeline --from 2027-07-01 --to 2027-09-01"
        let note = "note: the law changes before the deadline (2027-09-01): \(documentation); \(summary). \(check)"
        #expect(Self.notes(result) == [note], "\(result.stdout)")
    }

    /// A period that ends the day before the transition does, and one that begins on the day it
    /// has ended: nothing changes inside either, so no note.
    @Test func aPeriodOnOneSideOfTheTransitionsEndHasNoNote() throws {
        let before = try CLI.check(Self.legacy(date: "2027-06-01", deadline: "2027-08-01"))
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout.contains("\n    clear [both]: EU Art. 53(1)(a) would oblige it, but an exception holds: Legacy model (Art. 111(3))"), "\(before.stdout)")
        #expect(Self.notes(before) == [], "\(before.stdout)")
        let after = try CLI.check(Self.legacy(date: "2027-08-02", deadline: "2027-09-01"))
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("\n    clear [both]: EU Art. 53(1)(a) obliges the disclosure (caveats 1-5)\n"), "\(after.stdout)")
        #expect(Self.notes(after) == [], "\(after.stdout)")
    }

    /// The same note for an exception that begins to hold: from 26 June 2026 the letter of that
    /// day excepts Anthropic's own foreign-national staff from the letter of 12 June, which until
    /// then forbids their access.
    @Test func anExceptionThatBeginsToHoldInsideThePeriodIsNoted() throws {
        var request = AddressedLetterTests.mythos(role: "provider-staff", date: "2026-06-20")
        request["deadline"] = "2026-06-28"
        let result = try CLI.check(request, ["--posture", "text"])
        #expect(result.status == 0, "\(result.stderr)")
        let letter = "BIS is-informed letter to Anthropic, PBC of 12 June 2026"
        let exception: String = "Letter of 26 June 2026: for Claude Mythos 5 only, from 26 June 2026, "
            + "the recipient is a trusted partner listed in its Annex A or one of its foreign-national employees (which the exporter establishes and claims for the item), "
            + "or one of Anthropic's own foreign-national employees (BIS letter to Anthropic, PBC of 26 June 2026 and its Annex A)"
        let change: String = "\(letter): the exception that does not hold on 2026-06-20 holds from 2026-06-26 (\(exception)), "
            + "so from that day \(letter) no longer forbids the disclosure of item 0 (api-access via remote-api)"
        let check: String = "The verdict is the one for 2026-06-20; for a disclosure on a later day, check as of that day (--as-of), "
            + "or run ecca timeline --from 2026-06-20 --to 2026-06-28"
        let note = "note: the law changes before the deadline (2026-06-28): \(change). \(check)"
        // The first note says that the letter applies unlisted (AddressedLetterTests).
        #expect(Self.notes(result).count == 2 && Self.notes(result).last == note, "\(result.stdout)")
    }

    /// An undated request is taken as made on each day of its period, so a model placed on the
    /// market inside it becomes a general-purpose AI model there (Art. 3(63)), and the duty applies
    /// from that day: said with the placing.
    @Test func aPlacingInsideAnUndatedRequestsPeriodIsNoted() throws {
        var request = Self.legacy(date: "2026-09-15", deadline: "2026-10-30")
        request["date"] = nil
        request["items"] = [["artifact": "technical-documentation", "channel": "transfer"]]
        request["model"] = ["name": "Northwind-4", "trainingCompute": ["value": 3e25, "unit": "FLOP"], "weightsPublished": false,
                            "placedOnEUMarket": "2026-10-01"]
        let result = try CLI.check(request, ["--as-of", "2026-09-15"])
        #expect(result.status == 0, "\(result.stderr)")
        let change: String = "Art. 53(1)(a): its condition, which does not hold on 2026-09-15, holds from 2026-10-01 (the model is placed on the Union market on 2026-10-01), "
            + "so from that day Art. 53(1)(a) obliges the disclosure of item 0 (technical-documentation via transfer)"
        let check: String = "The verdict is the one for 2026-09-15; for a disclosure on a later day, check as of that day (--as-of), "
            + "or run ecca timeline --from 2026-09-15 --to 2026-10-30"
        // The first note says why no duty arises on the date analysed.
        #expect(Self.notes(result).count == 2 && Self.notes(result).last == "note: the law changes before the deadline (2026-10-30): \(change). \(check)",
                "\(result.stdout)")
    }
}
