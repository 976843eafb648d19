import Foundation
import Testing

/// A letter binds the company it is addressed to whether or not a request lists it: a loaded
/// letter that names the request's model and whose title names its provider is applied, and said
/// to be; one whose title names another provider, or a model written another way, is said not to
/// be. The shipped letters to Anthropic of June 2026 are reported lifted on 30 June 2026.
@Suite struct AddressedLetterTests {
    /// The Orion-7 sample request, without its list of instruments, with `change` made to it.
    static func orion(_ change: (inout [String: Any]) -> Void = { _ in }) throws -> [String: Any] {
        var request = try CLI.json(try String(contentsOfFile: CLI.sample("orion-api-access-letter.json"), encoding: .utf8))
        request["instruments"] = nil
        change(&request)
        return request
    }

    static let applied = "note: the loaded instrument FICTIONAL SAMPLE: BIS is-informed letter to Helios AI, Inc. concerning the Orion-7 model (15 September 2026) (us.bis.letter.helios-orion-2026) applies to the model 'Orion-7', the request's model, and is addressed to the request's provider ('Helios AI, Inc.'): it is applied though the request does not list it, since a letter binds the company it is addressed to whether or not a request names it"

    @Test func aLetterToTheRequestsProviderAppliesUnlisted() throws {
        let unlisted = try CLI.check(try Self.orion(), ["--instrument", CLI.letter])
        let listed = try CLI.run(["check", "--instrument", CLI.letter, CLI.sample("orion-api-access-letter.json")])
        #expect(unlisted.status == 1, "\(unlisted.stderr)")
        #expect(unlisted.stdout.hasPrefix("request AIO-2026-0203 (as of 2026-11-24): CONFLICT (both postures)\n"))
        #expect(unlisted.stdout.split(separator: "\n").contains { $0 == Self.applied })
        // The same findings as the request that lists it: only the note differs.
        let findings = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix("finding ") } }
        #expect(findings(unlisted.stdout) == findings(listed.stdout) && !findings(listed.stdout).isEmpty)
        // The cures search and verify with the letter applied, and say so.
        let cures = try CLI.run(["cures", "--instrument", CLI.letter,
                                 try CLI.folder(["r.json": String(decoding: try JSONSerialization.data(withJSONObject: try Self.orion()), as: UTF8.self)])
                                     .appendingPathComponent("r.json").path])
        #expect(cures.stdout.contains("cure 1 for item 0"), "\(cures.stdout)")
        #expect(cures.stdout.contains(Self.applied), "\(cures.stdout)")
        // The timeline's breakpoint names the letter coming into force as its cause.
        var undated = try Self.orion()
        undated["date"] = nil
        let timeline = try CLI.run(["timeline", "--instrument", CLI.letter, "--from", "2026-08-01", "--to", "2026-12-31",
                                    try CLI.folder(["r.json": String(decoding: try JSONSerialization.data(withJSONObject: undated), as: UTF8.self)])
                                        .appendingPathComponent("r.json").path])
        #expect(timeline.stdout.hasSuffix("""
            breakpoints:
              2026-09-15: clear (text) · clear (enforcement) → conflict (text) · conflict (enforcement)
                because BIS is-informed letter to Helios AI, Inc. of 15 September 2026, para. 1: in force, applicable and enforced from 2026-09-15 (secondary: date of the (fictional) letter)

            """), "\(timeline.stdout)")
    }

    /// Not applied, and said: the provider written so that the letter's title does not name it.
    /// The model written another way ("Orion 7") is the letter's model: applied, with the
    /// assumption said.
    @Test func aLetterThatMayBindIsSaidWhereItIsNotApplied() throws {
        let otherProvider = try CLI.check(try Self.orion { request in
            request["provider"] = ["name": "Helios AI Incorporated", "establishedIn": "US"]
        }, ["--instrument", CLI.letter])
        #expect(otherProvider.status == 0)
        #expect(otherProvider.stdout.contains("note: the loaded instrument FICTIONAL SAMPLE: BIS is-informed letter to Helios AI, Inc. concerning the Orion-7 model (15 September 2026) (us.bis.letter.helios-orion-2026) applies to the model 'Orion-7', the request's model, but its title and ids do not name the request's provider ('Helios AI Incorporated'), so it is not applied; if it is addressed to the provider, list it in the request's instruments\n"), "\(otherProvider.stdout)")
        let otherModel = try CLI.check(try Self.orion { request in
            var model = request["model"] as! [String: Any]
            model["name"] = "Orion 7"
            request["model"] = model
        }, ["--instrument", CLI.letter])
        #expect(otherModel.status == 1)
        #expect(otherModel.stdout.hasPrefix("request AIO-2026-0203 (as of 2026-11-24): CONFLICT (both postures)\n"), "\(otherModel.stdout)")
        #expect(otherModel.stdout.contains("note: the loaded instrument FICTIONAL SAMPLE: BIS is-informed letter to Helios AI, Inc. concerning the Orion-7 model (15 September 2026) (us.bis.letter.helios-orion-2026) applies to the model 'Orion-7', the request's model, and is addressed to the request's provider ('Helios AI, Inc.'): it is applied though the request does not list it, since a letter binds the company it is addressed to whether or not a request names it\n"), "\(otherModel.stdout)")
        #expect(otherModel.stdout.contains("assumption: the model 'Orion 7' is taken to be 'Orion-7', the name the law loaded tests: the two differ only in case, spaces or punctuation (if they are different models, correct the request)\n"), "\(otherModel.stdout)")
    }

    /// A model name that prints like the letter's but is written with a Cyrillic or Greek letter
    /// ("\u{041E}rion-7", Cyrillic О) turned the conflict clear with a note quoting two names
    /// that looked the same (reports audit §4): the note says which characters differ, by code
    /// point, and asks whether the name is mistyped. The letter is still not applied.
    @Test func aLookAlikeModelNameIsSaidWithItsCodePoints() throws {
        func checked(_ model: String, listed: Bool) throws -> CLI.Result {
            try CLI.check(try Self.orion { request in
                request["model"] = (request["model"] as! [String: Any]).merging(["name": model]) { $1 }
                if listed { request["instruments"] = ["us.bis.letter.helios-orion-2026"] }
            }, ["--instrument", CLI.letter])
        }
        let letter = "FICTIONAL SAMPLE: BIS is-informed letter to Helios AI, Inc. concerning the Orion-7 model (15 September 2026)"
        let cyrillicO = "U+041E CYRILLIC CAPITAL LETTER O where the letter has U+004F LATIN CAPITAL LETTER O"
        let listed = try checked("\u{041E}rion-7", listed: true)
        #expect(listed.status == 0, "\(listed.stderr)")
        let lines = listed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "request AIO-2026-0203 (as of 2026-11-24): CLEAR (both postures)")
        #expect(lines.filter { $0.hasPrefix("note: ") } == [
            "note: the request names \(letter), which applies to the model 'Orion-7'; the request's model '\u{041E}rion-7' differs only in look-alike characters (it has \(cyrillicO)), so the letter does not apply: is the name mistyped?",
        ])
        let unlisted = try checked("\u{041E}rion-7", listed: false)
        #expect(unlisted.stdout.split(separator: "\n").filter { $0.hasPrefix("note: ") } == [
            "note: the loaded instrument \(letter) (us.bis.letter.helios-orion-2026) applies to the model 'Orion-7', but the request does not list it and it is not applied; the request's model '\u{041E}rion-7' differs only in look-alike characters (it has \(cyrillicO)), so the letter does not apply: is the name mistyped?",
        ], "\(unlisted.stdout)")
        // Two look-alikes (Greek Ο, Cyrillic і), with a space for the hyphen; and a longer name.
        let two = try checked("\u{039F}r\u{0456}on 7", listed: true)
        #expect(two.stdout.contains("; the request's model '\u{039F}r\u{0456}on 7' differs only in look-alike characters (it has U+039F GREEK CAPITAL LETTER OMICRON where the letter has U+004F LATIN CAPITAL LETTER O, and U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I where the letter has U+0069 LATIN SMALL LETTER I) and in case, spaces or punctuation, so the letter does not apply: is the name mistyped?\n"), "\(two.stdout)")
        let longer = try checked("\u{041E}rion-7b", listed: true)
        #expect(longer.stdout.contains("; the request's model '\u{041E}rion-7b' begins with that name written with look-alike characters (it has \(cyrillicO)), so the letter does not apply as written: if the model is a version or variant of 'Orion-7', check whether the letter reaches it\n"), "\(longer.stdout)")
    }

    /// An Art. 92 request for API access to Claude Mythos 5: the shipped letter of 12 June 2026
    /// applies to Anthropic's request unlisted, and was lifted with effect from 1 July 2026.
    static func mythos(role: String = "authority-staff", date: String = "2026-11-24") -> [String: Any] {
        [
            "id": "MYTHOS-1", "date": date,
            "requester": ["authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"],
            "provider": ["name": "Anthropic, PBC", "establishedIn": "US"],
            "model": ["name": "Claude Mythos 5", "trainingCompute": ["value": 5e26, "unit": "FLOP"], "weightsPublished": false],
            "items": [["artifact": "api-access", "channel": "remote-api",
                       "recipients": [["organisation": "European Commission (AI Office)", "nationalities": ["FR"], "location": "BE",
                                       "headquarters": "BE", "role": role]]]],
        ]
    }

    @Test func theShippedLettersToAnthropicWereLiftedOnThirtyJune() throws {
        let now = try CLI.check(Self.mythos())
        #expect(now.status == 0, "\(now.stderr)")
        let lines = now.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "request MYTHOS-1 (as of 2026-11-24): CLEAR (both postures)")
        #expect(lines.contains { $0.hasPrefix("    clear [both]: US BIS is-informed letter to Anthropic, PBC of 12 June 2026 does not bind: no longer in force since 2026-07-01 (secondary); no longer applicable since 2026-07-01 (secondary); not enforced since 2026-07-01 (secondary: ") })
        #expect(lines.contains { $0.hasPrefix("note: the loaded instrument BIS is-informed letter to Anthropic, PBC concerning the Claude Mythos 5 and Claude Fable 5 models (12 June 2026, as reported) (us.bis.letter.anthropic-2026-06-12) applies to the model 'Claude Mythos 5' or 'Mythos 5' or 'Claude Fable 5' or 'Fable 5', the request's model, and is addressed to the request's provider ('Anthropic, PBC')") })
    }

    /// While it bound (12 to 30 June 2026) the letter forbade the access, though no Art. 92 duty
    /// could yet oblige it; from 26 June Anthropic's own foreign-national staff were excepted.
    @Test func whileItBoundTheLetterForbadeAccessToForeignPersons() throws {
        let june = try CLI.check(Self.mythos(date: "2026-06-20"), ["--posture", "text"])
        #expect(june.status == 0, "\(june.stderr)")
        #expect(june.stdout.contains("\n    clear: US BIS is-informed letter to Anthropic, PBC of 12 June 2026 forbids it, but nothing obliges it ("), "\(june.stdout)")
        let staff = try CLI.check(Self.mythos(role: "provider-staff", date: "2026-06-27"), ["--posture", "text"])
        #expect(staff.stdout.contains("\n    clear: US BIS is-informed letter to Anthropic, PBC of 12 June 2026 would forbid it, but an exception holds: Letter of 26 June 2026: for Claude Mythos 5 only, from 26 June 2026,"), "\(staff.stdout)")
        let early = try CLI.check(Self.mythos(role: "provider-staff", date: "2026-06-25"), ["--posture", "text"])
        #expect(early.stdout.contains("\n    clear: US BIS is-informed letter to Anthropic, PBC of 12 June 2026 forbids it, but nothing obliges it ("), "\(early.stdout)")
    }
}
