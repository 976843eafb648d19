import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing

/// Text the GPO sets flush (`FP`) after a list: it closes the sentence of the list's lead-in, so
/// it is the lead-in's wording, not the last item's (QA fidelity F1).
@Suite struct CFRFlushParagraphTests {
    /// A section in the versioner's shape.
    static func versioner(_ number: String, _ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <DIV8 N="\(number)" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;:&quot;/on/2025-01-16/title-14/section-\(number)&quot;,&quot;citation&quot;:&quot;14 CFR \(number)&quot;}">
        <HEAD>§ \(number) Certification and disclosure.</HEAD>
        \(body)
        </DIV8>
        """
    }

    /// (d): the flush text after (d)(2) is (d)'s. (e): a markerless `P` after the list closes it
    /// too, as the list ends there, and is (e)'s, reported (`CFRParagraphAfterListTests`).
    /// (f): a flush line after a paragraph of
    /// the section's first level is that paragraph's. (g): after a set-out form, the flush text is
    /// the item's whose form it follows. (h): `FP-1`, a form's hanging line, is no list's close.
    /// (i): after an item that ends with a colon, the flush text is what the item introduces.
    @Test func flushTextAfterAListIsItsLeadInsWording() throws {
        let file = try Corpus.fixture("v-1271.110.xml", Self.versioner("1271.110", """
            <P>(d) Any person who requests or receives from a person referred to in paragraph (a):</P>
            <P>(1) A subcontract exceeding $100,000 at any tier under a Federal contract;</P>
            <P>(2) A contract or subcontract exceeding $100,000 at any tier under a Federal cooperative agreement,</P>
            <FP>Shall file a certification, and a disclosure form, if required, to the next tier above.</FP>
            <P>(e) Any person who makes a claim that is false—</P>
            <P>(1) Is fictitious; or</P>
            <P>(2) Is fraudulent,</P>
            <P>Shall be subject to a civil penalty of not more than $5,000 for each such claim.</P>
            <P>(f) The responsibilities are as follows:</P>
            <FP>Responsibilities Start Date End Date</FP>
            <P>(g) Each person shall file:</P>
            <P>(1) The following statement:</P>
            <EXTRACT><P>I certify that the statement is true.</P></EXTRACT>
            <FP>The statement is signed by the person.</FP>
            <P>(h) A form with:</P>
            <P>(1) A name,</P>
            <FP SOURCE="FP-1">Signature line</FP>
            <P>(i) The charge is:</P>
            <P>(1) For a payload, computed as follows:</P>
            <FP>Charge = Rate × Mass</FP>
            """))
        let imported = try Corpus.collect([file])
        #expect(imported.diagnostics.map(\.subject) == ["1271.110(e)"], "\(imported.diagnostics)")
        func wording(_ id: String) -> String? { imported.provision(id)?.wording }
        #expect(wording("1271.110(d)(2)") == "(2) A contract or subcontract exceeding $100,000 at any tier under a Federal cooperative agreement,")
        #expect(wording("1271.110(d)") == "(d) Any person who requests or receives from a person referred to in paragraph (a): (1) A subcontract exceeding $100,000 at any tier under a Federal contract; (2) A contract or subcontract exceeding $100,000 at any tier under a Federal cooperative agreement, Shall file a certification, and a disclosure form, if required, to the next tier above.")
        #expect(wording("1271.110(e)(2)") == "(2) Is fraudulent,")
        #expect(wording("1271.110(e)") == "(e) Any person who makes a claim that is false— (1) Is fictitious; or (2) Is fraudulent, Shall be subject to a civil penalty of not more than $5,000 for each such claim.")
        #expect(wording("1271.110(f)") == "(f) The responsibilities are as follows: Responsibilities Start Date End Date")
        #expect(wording("1271.110(g)(1)") == "(1) The following statement: I certify that the statement is true. The statement is signed by the person.")
        #expect(wording("1271.110(h)(1)") == "(1) A name, Signature line")
        // An item that ends with a colon keeps what it introduces (QA verify N4).
        #expect(wording("1271.110(i)(1)") == "(1) For a payload, computed as follows: Charge = Rate × Mass")
        // The flush text's lines are its lead-in's: (d) runs to the FP, (d)(2) ends before it.
        #expect(imported.provision("1271.110(d)")?.span.lastLine == 7)
        #expect(imported.provision("1271.110(d)(2)")?.span.lastLine == 6)
        #expect(imported.summary.instruments.first?[.ambiguousFlushParagraphs] == 0)
    }

    /// A list that ends an outer lead-in's list too (as 14 CFR 1214.119(l)(1)(v)(A)-(E), flush
    /// text, then (l)(2); here (a)(1)(ii)(A)-(B), then (a)(2)): the text may close (ii) or (1).
    /// The nearest is taken and the reading reported: a warning at its line, a count and an
    /// unresolved note on the provision given the text.
    @Test func flushTextWhoseListEndsTwoListsIsReported() throws {
        let file = try Corpus.fixture("v-1214.119.xml", Self.versioner("1214.119", """
            <P>(a) Standard services.</P>
            <P>(1) Adjustments.</P>
            <P>(i) The length is measured.</P>
            <P>(ii) Values may be adjusted for:</P>
            <P>(A) Unusual access clearance requirements.</P>
            <P>(B) Extraordinary shapes.</P>
            <FP>The adjusted values will be used as the basis for computing charge factors.</FP>
            <P>(2) Definitions used in computations.</P>
            """))
        let imported = try Corpus.collect([file])
        #expect(imported.provision("1214.119(a)(1)(ii)(B)")?.wording == "(B) Extraordinary shapes.")
        let leadIn = try #require(imported.provision("1214.119(a)(1)(ii)"))
        #expect(leadIn.wording == "(ii) Values may be adjusted for: (A) Unusual access clearance requirements. (B) Extraordinary shapes. The adjusted values will be used as the basis for computing charge factors.")
        #expect(imported.diagnostics.map(\.description) == [
            "\(file):10: warning: § 1214.119(a)(1)(ii): the paragraph set flush (FP) after § 1214.119(a)(1)(ii)(B) is read as closing the lead-in of § 1214.119(a)(1)(ii), whose list it follows; the list of § 1214.119(a)(1) ends there too, so it may close that lead-in instead [1214.119(a)(1)(ii)]",
        ])
        #expect(leadIn.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "A paragraph set flush after the list that ends with § 1214.119(a)(1)(ii)(B) (line 10 of the official file) is read as closing this provision's lead-in; the list of § 1214.119(a)(1) ends there too, so the paragraph may close that lead-in instead. Check the official text.",
        ])
        #expect(imported.summary.instruments.first?[.ambiguousFlushParagraphs] == 1)
    }

    /// The real cases: 14 CFR 1264.102(a)(1)'s penalty closes its items (i)-(iv); 1271.110(d)'s
    /// duty "Shall file" is (d)'s; 1 CFR 16.1(a)'s closing sentence is (a)'s. After a table or a
    /// formula (1214.202(h)(3)'s schedule, 1214.103(g)(4)'s "where:") the flush text stays with
    /// the paragraph that holds them.
    @Test func theCorpusFlushParagraphsGoToTheirLeadIns() throws {
        if Corpus.available(Corpus.cfrAnnual) {
            let imported = try Corpus.collect([Corpus.cfrAnnual])
            let penalty = "Shall be subject, in addition to any other remedy that may be prescribed by law, to a civil penalty of not more than $5,000 for each such claim."
            #expect(imported.provision("1264.102(a)(1)(iv)")?.wording == "(iv) Is for payment for the provision of property or services which the person has not provided as claimed—")
            #expect(imported.provision("1264.102(a)(1)")?.wording.hasSuffix("(iv) Is for payment for the provision of property or services which the person has not provided as claimed— " + penalty) == true)
            #expect(imported.provision("1271.110(d)(4)")?.wording == "(4) A contract or subcontract exceeding $100,000 at any tier under a Federal cooperative agreement,")
            #expect(imported.provision("1271.110(d)")?.wording.hasSuffix("Federal cooperative agreement, Shall file a certification, and a disclosure form, if required, to the next tier above.") == true)
            #expect(imported.provision("1214.202(h)(3)")?.wording.hasSuffix("This schedule holds unless there are offsetting advantages to the U.S. Government of an accelerated launch schedule.") == true)
            #expect(imported.provision("1214.103(g)(4)")?.wording.hasPrefix("(4) The load factor is defined as the maximum of: where: (i) Payload length") == true)
            // Two lists end two lead-ins' lists at once: 1214.119(l)(1)(v) or (l)(1), 1214.813(a)(5) or (a).
            #expect(imported.summary.instruments.first?[.ambiguousFlushParagraphs] == 2)
            #expect(imported.diagnostics.filter { $0.message.contains("set flush (FP)") }.map(\.subject) == ["1214.119(l)(1)(v)", "1214.813(a)(5)"])
        }
        if Corpus.available(Corpus.ecfrBulk) {
            let imported = try Corpus.collect([Corpus.ecfrBulk])
            #expect(imported.provision("16.1(a)(3)")?.wording == "(3) An authorizing officer and an alternate.")
            #expect(imported.provision("16.1(a)")?.wording.hasSuffix("(3) An authorizing officer and an alternate. The same person may be designated to serve in one or more of these positions.") == true)
        }
    }
}
