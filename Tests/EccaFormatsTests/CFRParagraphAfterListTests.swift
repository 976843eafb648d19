import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing

/// A plain `P` without a marker right after a list's last item: the markup does not say whether
/// it goes on with the item or closes the list. Where the list goes on after it, it stays with the
/// item; where the list ends there, it closes the list and is its parent's (the lead-in's, or the
/// section's), reported each time (audit finding 4: 14 CFR 1203.902's "Other members may be
/// designated …", which closes the list (a)-(c), was in (c)'s wording, and a correct shipped
/// "(c) General Counsel." drifted).
@Suite struct CFRParagraphAfterListTests {
    /// (b)(1): the list goes on after the paragraph ((b)(2)), so it is inside the list: (b)(1)'s,
    /// not reported. (c)(1): the item ends with a colon and introduces it: (c)(1)'s, not reported.
    /// (d)(2): the list of (d) ends there, and the paragraph closes it: (d)'s, reported. (e)(1): it
    /// follows a block of the item's (an extract), not the item's own `P`: (e)(1)'s, not reported.
    /// (f): the section ends after it, so it closes the section's list (as 14 CFR 1203.902's): the
    /// section's, reported. No wording of the section changes.
    @Test func aParagraphWhereTheListEndsClosesItAndIsReported() throws {
        let file = try Corpus.fixture("v-1203.902.xml", CFRFlushParagraphTests.versioner("1203.902", """
            <P>The Committee will consist of the Chairperson. Each of the following will nominate one member:</P>
            <P>(a) Associate Administrator for:</P>
            <P>(1) Space Science.</P>
            <P>(2) Space Flight.</P>
            <P>(b) Incorporation by reference.</P>
            <P>(1) The Director approves.</P>
            <P>The incorporation by reference is approved by the Director.</P>
            <P>(2) Publications.</P>
            <P>(c) Invoices.</P>
            <P>(1) The original invoice should be submitted to:</P>
            <P>[Insert the mailing address]</P>
            <P>(d) Any person who makes a claim that is false—</P>
            <P>(1) Is fictitious; or</P>
            <P>(2) Is fraudulent,</P>
            <P>Shall be subject to a civil penalty of not more than $5,000 for each such claim.</P>
            <P>(e) Certificates.</P>
            <P>(1) A certificate in this form:</P>
            <EXTRACT><P>I certify that the articles are imported for NASA.</P></EXTRACT>
            <P>The official shall sign it.</P>
            <P>(f) General Counsel.</P>
            <P>Other members may be designated upon specific request of the Chairperson.</P>
            """))
        let imported = try Corpus.collect([file])
        func wording(_ id: String) -> String? { imported.provision(id)?.wording }
        // Inside the list, the paragraph is its item's wording.
        #expect(wording("1203.902(b)(1)") == "(1) The Director approves. The incorporation by reference is approved by the Director.")
        #expect(wording("1203.902(c)(1)") == "(1) The original invoice should be submitted to: [Insert the mailing address]")
        #expect(wording("1203.902(e)(1)") == "(1) A certificate in this form: I certify that the articles are imported for NASA. The official shall sign it.")
        // Where the list ends, the lead-in's (or the section's), not the last item's.
        #expect(wording("1203.902(d)(2)") == "(2) Is fraudulent,")
        #expect(wording("1203.902(d)") == "(d) Any person who makes a claim that is false— (1) Is fictitious; or (2) Is fraudulent, Shall be subject to a civil penalty of not more than $5,000 for each such claim.")
        #expect(wording("1203.902(f)") == "(f) General Counsel.")
        #expect(wording("1203.902")?.hasSuffix("(f) General Counsel. Other members may be designated upon specific request of the Chairperson.") == true)
        #expect(imported.diagnostics.map(\.description) == [
            "\(file):18: warning: § 1203.902(d): the paragraph without a marker after § 1203.902(d)(2) (“Shall be subject to a civil penalty of …”) is read as closing the list of § 1203.902(d), and is in its wording, not § 1203.902(d)(2)'s; it may instead continue § 1203.902(d)(2) [1203.902(d)]",
            "\(file):24: warning: § 1203.902: the paragraph without a marker after § 1203.902(f) (“Other members may be designated upon specific request …”) is read as closing the list of § 1203.902, and is in its wording, not § 1203.902(f)'s; it may instead continue § 1203.902(f) [1203.902]",
        ])
        #expect(imported.provision("1203.902")?.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "The paragraph without a marker after § 1203.902(f) (line 24 of the official file: “Other members may be designated upon specific request …”) is read as closing this provision's list, and is in this wording, not § 1203.902(f)'s; it may instead continue § 1203.902(f). Check the official text.",
        ])
        #expect(imported.provision("1203.902(f)")?.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "The paragraph without a marker after this one (line 24 of the official file: “Other members may be designated upon specific request …”) is read as closing the list of § 1203.902, not as this paragraph's text; it may instead continue it. Check the official text.",
        ])
        #expect(imported.provision("1203.902(d)")?.notes.filter { $0.kind == .unresolved }.count == 1)
        #expect(imported.provision("1203.902(d)(2)")?.notes.filter { $0.kind == .unresolved }.count == 1)
        for quiet in ["1203.902(b)(1)", "1203.902(c)(1)", "1203.902(e)(1)"] {
            #expect(imported.provision(quiet)?.notes.filter { $0.kind == .unresolved } == [], "\(quiet)")
        }
        #expect(imported.summary.instruments.first?[.paragraphsAfterList] == 2)
    }

    /// The corpus's five such paragraphs: the three after which the list ends (14 CFR 1203.902
    /// after (c), 1274.941(c)(3) and (d)(3)) close their lists and are their lead-ins' (the
    /// section's, (c)'s, (d)'s), reported; 1 CFR 51.9(c)(1)'s, after which the list goes on,
    /// continues its item and is not; nor is 1274.908(g)(i)'s address, which the item introduces
    /// with a colon. The sections' wordings are as before.
    @Test func theCorpusParagraphsWhoseListEndsCloseIt() throws {
        if Corpus.available(Corpus.cfrAnnual) {
            let imported = try Corpus.collect([Corpus.cfrAnnual])
            #expect(imported.provision("1203.902(c)")?.wording == "(c) General Counsel.")
            #expect(imported.provision("1203.902")?.wording.hasSuffix("(b) Associate Deputy Administrator. (c) General Counsel. Other members may be designated upon specific request of the Chairperson.") == true)
            #expect(imported.provision("1274.941(c)(3)")?.wording == "(3) The insurance policy or policies shall name the parties and their related entities, and the employees of the parties and their related entities, as named insureds.")
            #expect(imported.provision("1274.941(c)")?.wording.hasSuffix("as named insureds. Nothing in this provision precludes the Recipient from obtaining, at no cost to the Government, such other insurance as the Recipient determines advisable to protect its business interests.") == true)
            #expect(imported.provision("1274.941(d)(3)")?.wording == "(3) Within 7 days after a request by the Agreement Officer.")
            #expect(imported.provision("1274.941(d)")?.wording.hasSuffix("(3) Within 7 days after a request by the Agreement Officer. Moreover, the Recipient shall promptly notify the Agreement Officer of any termination, or of any change to the terms or conditions of an insurance policy or policies for which proof of insurance was provided.") == true)
            #expect(imported.diagnostics.filter { $0.message.contains("without a marker after") }.map(\.subject) == ["1203.902", "1274.941(c)", "1274.941(d)"])
            #expect(imported.provision("1203.902")?.notes.filter { $0.kind == .unresolved }.map(\.text) == [
                "The paragraph without a marker after § 1203.902(c) (line 1025 of the official file: “Other members may be designated upon specific request …”) is read as closing this provision's list, and is in this wording, not § 1203.902(c)'s; it may instead continue § 1203.902(c). Check the official text.",
            ])
            #expect(imported.summary.instruments.first?[.paragraphsAfterList] == 3)
        }
        if Corpus.available(Corpus.ecfrBulk) {
            let imported = try Corpus.collect([Corpus.ecfrBulk])
            #expect(imported.summary.instruments.first?[.paragraphsAfterList] == 0)
            #expect(imported.provision("51.9(c)(1)")?.wording.hasSuffix("The incorporation by reference of certain publications listed in the regulations is approved by the Director of the Federal Register as of ________.") == true)
        }
    }
}
