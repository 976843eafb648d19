import ClauseGraph
import EccaFormats
import Foundation
import Testing

/// The shape of an instruction's steps (QA fr5, finding 5): roman sub-steps belong to the lettered
/// step before them ("2.b.i"), an unnumbered "The additions and revisions read as follows:" joins
/// the numbered instruction it closes, and no two instructions share an id or a citation. The
/// REGTEXTs are the reviewer's mut/bis-entity-shape2.xml (hand-made in GPO markup and BIS's Entity
/// List style: no real BIS FR XML is in the indexes; invented entity names), cut down.
@Suite struct FederalRegisterStepTests {
    @Test func romanSubStepsBelongToTheirLetteredStepAndAClosingAMDPARJoinsItsInstruction() throws {
        let path = try Corpus.fixture("FR-steps.xml", """
            <RULE><PREAMB><AGENCY TYPE="S">DEPARTMENT OF COMMERCE</AGENCY><SUBJECT>Entity List steps</SUBJECT></PREAMB>
            <SUPLINF>
            <REGTEXT TITLE="15" PART="744">
            <AMDPAR>2. Supplement No. 4 to part 744 is amended:</AMDPAR>
            <AMDPAR>a. Under CANADA, by adding in alphabetical order an entry for “Alpha Trading Ltd.”;</AMDPAR>
            <AMDPAR>b. Under CHINA, PEOPLE'S REPUBLIC OF:</AMDPAR>
            <AMDPAR>i. By revising the entries for “Beta Electronics Co., Ltd.” and “Gamma Institute”; and</AMDPAR>
            <AMDPAR>ii. By adding in alphabetical order an entry for “Delta Technology Co.”; and</AMDPAR>
            <AMDPAR>c. Under UNITED ARAB EMIRATES, by removing the entry for “Epsilon FZE”.</AMDPAR>
            <AMDPAR>The additions and revisions read as follows:</AMDPAR>
            <EXTRACT><HD SOURCE="HED">Supplement No. 4 to Part 744—Entity List</HD><STARS/><P>CANADA Alpha Trading Ltd., 1 Main St., Toronto.</P></EXTRACT>
            </REGTEXT>
            <REGTEXT TITLE="15" PART="744">
            <AMDPAR>3. In § 744.1:</AMDPAR>
            <AMDPAR>h. Revising paragraph (h); and</AMDPAR>
            <AMDPAR>i. Revising paragraph (i).</AMDPAR>
            <AMDPAR>The addition reads as follows:</AMDPAR>
            <P>(i) New text.</P>
            </REGTEXT>
            <REGTEXT TITLE="15" PART="744">
            <AMDPAR>The revision reads as follows:</AMDPAR>
            <P>(j) Revised text.</P>
            </REGTEXT>
            </SUPLINF><FRDOC>[FR Doc. 2024-03674 Filed 2-26-24; 8:45 am]</FRDOC></RULE>
            """)
        let imported = try Corpus.collect([path])
        let amendments = imported.provisions.filter { $0.level == .amendment }
        #expect(amendments.map(\.canonicalID) == ["amd_2", "amd_2__a", "amd_2__b", "amd_2__b__i", "amd_2__b__ii", "amd_2__c",
                                                  "amd_3", "amd_3__h", "amd_3__i", "amd_unnumbered1"])
        #expect(amendments.map(\.parentID) == [nil, "amd_2", "amd_2", "amd_2__b", "amd_2__b", "amd_2", nil, "amd_3", "amd_3", nil])
        #expect(amendments.map(\.citation) == [
            "FR Doc. 2024-03674, amendatory instruction 2", "FR Doc. 2024-03674, amendatory instruction 2.a",
            "FR Doc. 2024-03674, amendatory instruction 2.b", "FR Doc. 2024-03674, amendatory instruction 2.b.i",
            "FR Doc. 2024-03674, amendatory instruction 2.b.ii", "FR Doc. 2024-03674, amendatory instruction 2.c",
            "FR Doc. 2024-03674, amendatory instruction 3", "FR Doc. 2024-03674, amendatory instruction 3.h",
            "FR Doc. 2024-03674, amendatory instruction 3.i",
            "FR Doc. 2024-03674, unnumbered amendatory instruction 1 (after instruction 3.i)",
        ])
        #expect(amendments.map(\.idPath) == [["amd2"], ["amd2", "a"], ["amd2", "b"], ["amd2", "b", "i"], ["amd2", "b", "ii"], ["amd2", "c"],
                                             ["amd3"], ["amd3", "h"], ["amd3", "i"], ["amd-unnumbered1"]])
        // The closing AMDPAR and the text it introduces belong to instruction 2 as a whole.
        #expect(imported.provision("amd_2")?.notes.filter { $0.kind == .amendment }.map(\.text) == [
            "Lead-in for the lettered steps that follow: Supplement No. 4 to part 744 (15 CFR part 744).",
            "Text set out with this instruction: The additions and revisions read as follows:",
            "Text set out with this instruction: Supplement No. 4 to Part 744—Entity List CANADA Alpha Trading Ltd., 1 Main St., Toronto.",
        ])
        #expect(imported.provision("amd_3")?.notes.filter { $0.kind == .amendment }.map(\.text) == [
            "Lead-in for the lettered steps that follow: § 744.1 (15 CFR part 744).",
            "Text set out with this instruction: The addition reads as follows:",
            "Text set out with this instruction: (i) New text.",
        ])
        // The sub-steps are read in the country of their step.
        #expect(imported.provision("amd_2__b__ii")?.notes.filter { $0.kind == .amendment }.map(\.text)
                == ["Amends 15 CFR part 744: add entry “Delta Technology Co.” in Supplement No. 4 to part 744, under CHINA, PEOPLE'S REPUBLIC OF, in alphabetical order."])
        #expect(imported.provision("amd_3__i")?.notes.filter { $0.kind == .amendment }.map(\.text) == ["Amends 15 CFR part 744: revise § 744.1(i)."])
        // One standing alone (a REGTEXT of its own) is reported under an id of its own.
        #expect(imported.diagnostics.map(\.description).last
                == "\(path):21: warning: unnumbered amendatory instruction 1 not understood (could not read: “The revision reads as follows:”): “The revision reads as follows:” [amd_unnumbered1]")
    }

    /// A `P` after the lettered steps ("The revision reads as follows:", 45 CFR 310.20 in FR Doc.
    /// 2024-02110) is set out by the instruction as a whole, as a closing AMDPAR is, not by the last
    /// step (there a removal); after a step that says it reads as follows, by that step (QA fidelity,
    /// severity 4).
    @Test func textAfterTheStepsBelongsToTheInstructionUnlessAStepPromisedIt() throws {
        let path = try Corpus.fixture("FR-closing-P.xml", """
            <RULE><PREAMB><AGENCY TYPE="S">DEPARTMENT OF HEALTH AND HUMAN SERVICES</AGENCY><SUBJECT>Steps</SUBJECT></PREAMB>
            <SUPLINF>
            <REGTEXT TITLE="45" PART="310">
            <AMDPAR>11. Section 310.20 is amended by:</AMDPAR>
            <AMDPAR>a. Revising paragraph (a) introductory text; and</AMDPAR>
            <AMDPAR>b. Removing paragraph (b).</AMDPAR>
            <P>The revision reads as follows:</P>
            </REGTEXT>
            <REGTEXT TITLE="45" PART="310">
            <AMDPAR>12. Section 310.25 is amended by:</AMDPAR>
            <AMDPAR>a. Removing paragraph (b); and</AMDPAR>
            <AMDPAR>b. Revising paragraph (a) to read as follows:</AMDPAR>
            <P>(a) New text.</P>
            </REGTEXT>
            </SUPLINF><FRDOC>[FR Doc. 2024-02110 Filed 2-9-24; 8:45 am]</FRDOC></RULE>
            """)
        let imported = try Corpus.collect([path])
        func setOut(_ id: String) -> [String] {
            imported.provision(id)?.notes.map(\.text).filter { $0.hasPrefix("Text set out") } ?? ["missing"]
        }
        #expect(setOut("amd_11") == ["Text set out with this instruction: The revision reads as follows:"])
        #expect(setOut("amd_11__b") == [])
        #expect(setOut("amd_12") == [])
        #expect(setOut("amd_12__b") == ["Text set out with this instruction: (a) New text."])
    }
}
