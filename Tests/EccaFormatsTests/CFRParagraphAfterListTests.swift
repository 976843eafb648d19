import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing

/// A plain `P` without a marker right after a list's last item: the markup does not say whether
/// it goes on with the item or closes the list. It stays with the item, and where the list ends
/// there that is reported, never left unsaid (14 CFR 1203.902's "Other members may be designated
/// …", which closes the list (a)-(c), was in (c)'s wording without a word).
@Suite struct CFRParagraphAfterListTests {
    /// (b)(1): the list goes on after the paragraph ((b)(2)), so it is inside the list: not
    /// reported. (c)(1): the item ends with a colon and introduces it: not reported. (d)(2): the
    /// list of (d) ends there, and the paragraph may close it: reported. (e)(1): it follows a
    /// block of the item's (an extract), not the item's own `P`: not reported. (f): the section
    /// ends after it, so it may close the section's list (as 14 CFR 1203.902's): reported.
    @Test func aParagraphWhereTheListEndsIsKeptWithTheItemAndReported() throws {
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
        // The placement is unchanged: each paragraph is its item's wording.
        #expect(wording("1203.902(b)(1)") == "(1) The Director approves. The incorporation by reference is approved by the Director.")
        #expect(wording("1203.902(c)(1)") == "(1) The original invoice should be submitted to: [Insert the mailing address]")
        #expect(wording("1203.902(d)(2)") == "(2) Is fraudulent, Shall be subject to a civil penalty of not more than $5,000 for each such claim.")
        #expect(wording("1203.902(e)(1)") == "(1) A certificate in this form: I certify that the articles are imported for NASA. The official shall sign it.")
        #expect(wording("1203.902(f)") == "(f) General Counsel. Other members may be designated upon specific request of the Chairperson.")
        #expect(imported.diagnostics.map(\.description) == [
            "\(file):18: warning: § 1203.902(d)(2): the paragraph without a marker after it (“Shall be subject to a civil penalty of …”) is kept in its wording; the list ends there, so the paragraph may close the list of § 1203.902(d) instead [1203.902(d)(2)]",
            "\(file):24: warning: § 1203.902(f): the paragraph without a marker after it (“Other members may be designated upon specific request …”) is kept in its wording; the list ends there, so the paragraph may close the list of § 1203.902 instead [1203.902(f)]",
        ])
        #expect(imported.provision("1203.902(f)")?.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "The paragraph without a marker after this one (line 24 of the official file: “Other members may be designated upon specific request …”) is kept in this wording, as it may continue it; the list ends there, so it may instead close the list of § 1203.902, and not be this paragraph's text. Check the official text.",
        ])
        #expect(imported.provision("1203.902(d)(2)")?.notes.filter { $0.kind == .unresolved }.count == 1)
        for quiet in ["1203.902(b)(1)", "1203.902(c)(1)", "1203.902(e)(1)"] {
            #expect(imported.provision(quiet)?.notes.filter { $0.kind == .unresolved } == [], "\(quiet)")
        }
        #expect(imported.summary.instruments.first?[.paragraphsAfterList] == 2)
    }

    /// The corpus's five such paragraphs: the three after which the list ends (14 CFR 1203.902
    /// after (c), 1274.941(c)(3) and (d)(3), each of which closes its list) are reported; 1 CFR
    /// 51.9(c)(1)'s, after which the list goes on, continues its item and is not; nor is
    /// 1274.908(g)(i)'s address, which the item introduces with a colon.
    @Test func theCorpusParagraphsWhoseListEndsAreReported() throws {
        if Corpus.available(Corpus.cfrAnnual) {
            let imported = try Corpus.collect([Corpus.cfrAnnual])
            #expect(imported.provision("1203.902(c)")?.wording == "(c) General Counsel. Other members may be designated upon specific request of the Chairperson.")
            #expect(imported.diagnostics.filter { $0.message.contains("without a marker after it") }.map(\.subject) == ["1203.902(c)", "1274.941(c)(3)", "1274.941(d)(3)"])
            #expect(imported.provision("1203.902(c)")?.notes.filter { $0.kind == .unresolved }.map(\.text) == [
                "The paragraph without a marker after this one (line 1025 of the official file: “Other members may be designated upon specific request …”) is kept in this wording, as it may continue it; the list ends there, so it may instead close the list of § 1203.902, and not be this paragraph's text. Check the official text.",
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
