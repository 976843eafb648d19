import ClauseGraph
@testable import EccaFormats
import EccaTestSupport
import Foundation
import Testing

/// A paragraph that defines two terms at once, "X or Y means …" (1 CFR 601.3's `<I>Categorical
/// Exclusion</I> or <I>CATEX</I>`, 1 CFR 1.1's `<I>Regulation</I> and <I>rule</I>`): the second term
/// gets a provision of its own with the paragraph's wording, so that both are found (audit finding 9:
/// CATEX, CWA, EA, EIS, FONSI, MOA, NOI, ROD and "rule" were lost without a word).
@Suite struct CFRDefinitionAliasTests {
    static func section(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <DIV8 N="601.3" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;:&quot;/on/2026-01-01/title-1/section-601.3&quot;,&quot;citation&quot;:&quot;1 CFR 601.3&quot;}">
        <HEAD>§ 601.3 Definitions.</HEAD>
        <P>As used in this part:</P>
        \(body)
        </DIV8>
        """
    }

    /// "or" and "and" between two italic terms: an alias each, after the section's own provisions.
    /// One italic run ("Act and FOIA") is one term; a second term that is not a term (plain words)
    /// or that the section also defines on its own makes no alias (each of the two definitions then
    /// names the other).
    @Test func theSecondTermIsAProvisionOfItsOwn() throws {
        let file = try Corpus.fixture("v-601.3.xml", Self.section("""
            <P><I>Categorical Exclusion</I> or <I>CATEX</I> means a category of actions which do not have a significant effect.</P>
            <P><I>Regulation</I> and <I>rule</I> have the same meaning.</P>
            <P><I>Act and FOIA</I> means the Freedom of Information Act.</P>
            <P><I>Agency</I> or any other body means an executive agency.</P>
            <P><I>Privacy Act</I> or <I>Act</I> means the Privacy Act of 1974.</P>
            <P><I>Act</I> means the Commemorative Works Act.</P>
            """))
        let imported = try Corpus.collect([file])
        let ids = imported.instruments.flatMap(\.provisions).map(\.canonicalID)
        #expect(ids == ["601.3", "601.3 (Categorical Exclusion)", "601.3 (Regulation)", "601.3 (Act and FOIA)", "601.3 (Agency)",
                        "601.3 (Privacy Act)", "601.3 (Act)", "601.3 (CATEX)", "601.3 (rule)"])
        let catex = try #require(imported.provision("601.3 (CATEX)"))
        #expect(catex.citation == "1 CFR 601.3, “CATEX”")
        #expect(catex.heading == "CATEX")
        #expect(catex.wording == "Categorical Exclusion or CATEX means a category of actions which do not have a significant effect.")
        #expect(catex.notes.map(\.text) == [
            "“CATEX” is defined together with “Categorical Exclusion” in one paragraph; this provision is that paragraph, cited by its second term, and its wording is the same.",
        ])
        #expect(catex.sourceURL == "https://www.ecfr.gov/on/2026-01-01/title-1/section-601.3")
        #expect(imported.provision("601.3 (rule)")?.wording == "Regulation and rule have the same meaning.")
        // "Act" defined twice: each definition names the other (re-audit: the second went unremarked).
        #expect(imported.provision("601.3 (Act)")?.notes.map(\.text).last
            == "“Act” is also defined together with “Privacy Act” in another paragraph of this section (line 9 of the official file), cited by “Privacy Act”; this provision is its own definition.")
        #expect(imported.provision("601.3 (Privacy Act)")?.notes.map(\.text).last
            == "“Act”, defined together with “Privacy Act” here, has a definition of its own in this section too (line 10 of the official file), where it is cited.")
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        #expect(imported.summary.instruments.first?[.definitionAliases] == 2)

        // `cite-check` finds a shipped definition by either term.
        let folder = try TemporaryFolder.make("formats").path
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <rules xmlns="urn:ecca:rules:1" version="1">
            <instrument id="us.t601" jurisdiction="US" kind="cfr-part"><title>t</title><official-id scheme="cfr">1 CFR Part 601</official-id>
            <provision id="us.t601.catex" citation="1 CFR 601.3, “CATEX”" evidence="verified" eid="601.3 (CATEX)" wording-kind="verbatim"><wording>Categorical Exclusion or CATEX means a category of actions which do not have a significant effect.</wording></provision>
            </instrument>
            </rules>
            """.write(toFile: folder + "/t601.xml", atomically: true, encoding: .utf8)
        let shipped = RegulationsLoader().load(directories: [folder], schemaPath: Corpus.schema)
        let report = try CitationChecker(officialFiles: [file]).check(shipped.graph, on: .citeCheckDay)
        #expect(report.passes.map(\.description) == ["\(folder)/t601.xml:4: note: us.t601.catex (1 CFR 601.3, “CATEX”): wording matches \(file) at '601.3 (CATEX)'"])
    }

    /// The corpus: 1 CFR 1.1's "rule", 426.102's "Act", and ten abbreviations of 601.3.
    @Test func theCorpusSecondTermsAreAddressable() throws {
        guard Corpus.available(Corpus.ecfrBulk) else { return }
        let imported = try Corpus.collect([Corpus.ecfrBulk])
        #expect(imported.summary.instruments.first?[.definitionAliases] == 12)
        for id in ["1.1 (rule)", "426.102 (Act)"] + ["CATEX", "CWA", "EA", "EDR", "EIS", "FONSI", "MOA", "NOA", "NOI", "ROD"].map({ "601.3 (\($0))" }) {
            #expect(imported.provision(id) != nil, "\(id)")
        }
        #expect(imported.provision("601.3 (CATEX)")?.wording == imported.provision("601.3 (Categorical Exclusion)")?.wording)
    }
}
