import EccaFormats
import EccaXML
import Foundation
import Testing

/// The DAPRECO LegalRuleML encoding of the GDPR: every statement read, with its modalities.
@Suite struct LegalRuleMLImportTests {
    /// The element counts, counted here independently of the importer.
    private func elementCounts(_ path: String) throws -> [String: Int] {
        let reader = try XMLStreamReader(path: path)
        var counts: [String: Int] = [:]
        while let event = try reader.next() {
            if case .start(let start) = event { counts[start.name, default: 0] += 1 }
        }
        return counts
    }

    @Test func countsEqualTheElementsInTheFile() throws {
        guard Corpus.available(Corpus.legalRuleML) else { return }
        let imported = try Corpus.collect([Corpus.legalRuleML])
        let summary = try #require(imported.summary.instruments.first)
        let counts = try elementCounts(Corpus.legalRuleML)
        #expect(summary[.rules] == counts["Rule"])
        #expect(summary[.prescriptiveStatements] == counts["PrescriptiveStatement"])
        #expect(summary[.constitutiveStatements] == counts["ConstitutiveStatement"])
        #expect(summary[.obligations] == counts["Obligation"])
        #expect(summary[.permissions] == counts["Permission"])
        #expect(summary[.prohibitions] == counts["Prohibition", default: 0])
        #expect(summary[.legalReferences] == counts["LegalReference"])
        // The figures the corpus README gives, and that the file holds.
        #expect(summary[.rules] == 501)
        #expect(summary[.prescriptiveStatements] == 347)
        #expect(summary[.constitutiveStatements] == 154)
        #expect(summary[.obligations] == 271)
        #expect(summary[.permissions] == 76)
        #expect(summary[.prohibitions] == 0)
        #expect(summary[.legalReferences] == 275)
        // All statements reach a provision.
        let statements = imported.provisions.flatMap(\.statements)
        #expect(statements.count == 347 + 154)
        #expect(statements.reduce(0) { $0 + $1.ruleCount } == 501)
        #expect(rendered(summary).contains("501 rules, 347 prescriptive statements, 154 constitutive statements, 271 obligations, 76 permissions, 0 prohibitions, 275 legal references"))
    }

    private func rendered(_ summary: ImportSummary.InstrumentSummary) -> String {
        var whole = ImportSummary()
        whole.instruments = [summary]
        return whole.rendered
    }

    @Test func statementsKeepTheirModalitiesAndResolvedReferences() throws {
        guard Corpus.available(Corpus.legalRuleML) else { return }
        let imported = try Corpus.collect([Corpus.legalRuleML])
        let lawfulness = try #require(imported.provision("art_5__para_1__point_a"))
        #expect(lawfulness.sourceID == "GDPR:art_5__para_1__content__list_1__point_a")
        #expect(lawfulness.citation == "GDPR Art. 5(1)(a)")
        #expect(lawfulness.wordingKind == .paraphrase)
        #expect(lawfulness.evidence == .secondary)
        let statement = try #require(lawfulness.statements.first)
        #expect(statement.key == "statements1Formula1")
        #expect(statement.kind == .prescriptive)
        #expect(statement.modalities == [.obligation])
        #expect(statement.modalityIRIs == ["rioOnto:Obligation"])
        #expect(statement.condition.contains("prOnto:Controller(y, z)"))
        #expect(statement.conclusion.hasPrefix("Obligation[(rioOnto:RexistAtTime(a2, t2)"))
        #expect(lawfulness.notes.contains { $0.text.contains("/akn/eu/act/regulation/2018-05-25/eng@2018-05-25/!main#art_5__para_1__content__list_1__point_a") })
        #expect(imported.provisions.contains { $0.statements.contains { $0.modalities.contains(.permission) } })
    }

    /// `rioKB_GDPR.xml` gives the key `gdprC4S1A28P1ref` to Art. 28(1) (line 138) and again to
    /// Art. 28(10) (line 151), and ties statements145 to `gdprC4S1A28P10ref`, which it never
    /// defines. Neither group is cited by a guess: both keep their own key, say why in an
    /// unresolved note, and the file's defects are warnings with both places.
    @Test func aReferenceKeyDefinedTwiceOrNeverIsNotGuessed() throws {
        guard Corpus.available(Corpus.legalRuleML) else { return }
        let imported = try Corpus.collect([Corpus.legalRuleML])
        let file = Corpus.legalRuleML

        let processor = try #require(imported.provision("statements132"))
        #expect(processor.citation == "LegalRuleML statements132")
        #expect(processor.sourceID == "statements132")
        #expect(processor.statements.map(\.key) == ["statements132Formula1"])
        #expect(processor.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "Which provision statement group statements132 encodes is uncertain: its lrml:Association names the legal reference "
                + "key gdprC4S1A28P1ref, which the file defines more than once, as GDPR Art. 28(1) (GDPR:art_28__para_1, line 138) "
                + "and as GDPR Art. 28(10) (GDPR:art_28__para_10, line 151). It is cited by its own key, not by either.",
        ])
        #expect(!processor.notes.contains { $0.text.hasPrefix("Legal reference") })

        let undefined = try #require(imported.provision("statements145"))
        #expect(undefined.citation == "LegalRuleML statements145")
        #expect(undefined.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "The lrml:Association of statement group statements145 names the legal reference key gdprC4S1A28P10ref, which no "
                + "lrml:LegalReference in the file defines. It is cited by its own key.",
        ])

        // Nothing in the file is cited as Art. 28(1) or Art. 28(10): no group is tied to either with certainty.
        let article28 = imported.provisions.map(\.citation).filter { $0.hasPrefix("GDPR Art. 28(") }
        #expect(article28 == ["GDPR Art. 28(2)", "GDPR Art. 28(3)", "GDPR Art. 28(3)(a)", "GDPR Art. 28(3)(b)", "GDPR Art. 28(3)(e)",
                              "GDPR Art. 28(3)(f)", "GDPR Art. 28(3)(g)", "GDPR Art. 28(3)(h)", "GDPR Art. 28(4)", "GDPR Art. 28(5)",
                              "GDPR Art. 28(6)", "GDPR Art. 28(9)"])

        #expect(imported.diagnostics.map(\.description) == [
            "\(file):151: warning: the legal reference key gdprC4S1A28P1ref is defined again, as GDPR:art_28__para_10, after "
                + "GDPR:art_28__para_1 at \(file):138: statement groups associated through this key are cited by their own key, "
                + "not by either reference",
            // The file gives statements252Formula1 to two statements of group statements252.
            "\(file):58858: warning: the key statements252Formula1 is given again, to the lrml:PrescriptiveStatement here, after the "
                + "lrml:PrescriptiveStatement at \(file):58408: associations and overrides that name it cannot tell which is meant, and no "
                + "citation is made through it",
            "\(file):809: warning: statement group statements132 is tied to the legal reference key gdprC4S1A28P1ref, which names "
                + "GDPR:art_28__para_1 and GDPR:art_28__para_10: cited by its own key [statements132]",
            "\(file):861: warning: statement group statements145 is tied to the legal reference key gdprC4S1A28P10ref, which no "
                + "lrml:LegalReference defines: cited by its own key [statements145]",
            "\(file):1384: warning: the lrml:Association here applies lrml:appliesModality #rioOnto:reification, which ecca does not read, to 3086 targets",
        ])
        let summary = try #require(imported.summary.instruments.first)
        #expect(summary[.uncitedStatementGroups] == 2)
        #expect(summary.diagnostics[.warning] == 5)
        #expect(rendered(summary).contains("275 legal references, 2 statement groups cited by their own key (legal reference missing or uncertain)\n  5 warnings, 0 notes"))
    }

    /// Hand-made, in the corpus file's shape, for what `rioKB_GDPR.xml` has no example of: a key
    /// given the same `refID` twice (harmless, no warning), a group tied to a certain and an
    /// ambiguous key (cited by neither: the ambiguous one could be the provision it encodes), and
    /// a group no association names. References read after the associations still resolve.
    @Test func onlyGroupsWhoseEveryReferenceIsCertainAreCitedByIt() throws {
        let path = try Corpus.fixture("refs.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <lrml:LegalRuleML xmlns:lrml="http://docs.oasis-open.org/legalruleml/ns/v1.0/" xmlns:ruleml="http://ruleml.org/spec">
              <lrml:Prefix pre="GDPR" refID="/akn/eu/act/regulation/2018-05-25/eng@2018-05-25/!main#" />
              <lrml:Associations>
                <lrml:Association>
                  <lrml:appliesSource keyref="#a6" />
                  <lrml:toTarget keyref="#statements1" />
                </lrml:Association>
                <lrml:Association>
                  <lrml:appliesSource keyref="#a6" />
                  <lrml:appliesSource keyref="#a7" />
                  <lrml:toTarget keyref="#statements2" />
                </lrml:Association>
              </lrml:Associations>
              <lrml:LegalReferences type="legislative">
                <lrml:LegalReference refersTo="a6" refID="GDPR:art_6__para_1" />
                <lrml:LegalReference refersTo="a6" refID="GDPR:art_6__para_1" />
                <lrml:LegalReference refersTo="a7" refID="GDPR:art_7__para_1" />
                <lrml:LegalReference refersTo="a7" refID="GDPR:art_7__para_2" />
              </lrml:LegalReferences>
              <lrml:Statements key="statements1">
                <lrml:ConstitutiveStatement key="s1"><ruleml:Rule><ruleml:then><ruleml:Atom><ruleml:Rel iri="p:a" /></ruleml:Atom></ruleml:then></ruleml:Rule></lrml:ConstitutiveStatement>
              </lrml:Statements>
              <lrml:Statements key="statements2">
                <lrml:ConstitutiveStatement key="s2"><ruleml:Rule><ruleml:then><ruleml:Atom><ruleml:Rel iri="p:b" /></ruleml:Atom></ruleml:then></ruleml:Rule></lrml:ConstitutiveStatement>
              </lrml:Statements>
              <lrml:Statements key="statements3">
                <lrml:ConstitutiveStatement key="s3"><ruleml:Rule><ruleml:then><ruleml:Atom><ruleml:Rel iri="p:c" /></ruleml:Atom></ruleml:then></ruleml:Rule></lrml:ConstitutiveStatement>
              </lrml:Statements>
            </lrml:LegalRuleML>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.provisions.map(\.citation) == ["GDPR Art. 6(1)", "LegalRuleML statements2", "LegalRuleML statements3"])
        #expect(imported.provisions.map(\.sourceID) == ["GDPR:art_6__para_1", "statements2", "statements3"])
        let both = try #require(imported.provision("statements2"))
        #expect(both.notes.map(\.text).filter { $0.hasPrefix("Legal reference") } == [
            "Legal reference: /akn/eu/act/regulation/2018-05-25/eng@2018-05-25/!main#art_6__para_1",
        ])
        #expect(both.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "Which provision statement group statements2 encodes is uncertain: its lrml:Association names the legal reference key a7, "
                + "which the file defines more than once, as GDPR Art. 7(1) (GDPR:art_7__para_1, line 18) and as GDPR Art. 7(2) "
                + "(GDPR:art_7__para_2, line 19). It is cited by its own key, not by either.",
        ])
        #expect(imported.provision("statements3")?.notes.filter { $0.kind == .unresolved }.map(\.text)
                == ["No lrml:Association ties statement group statements3 to a legal reference."])
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):19: warning: the legal reference key a7 is defined again, as GDPR:art_7__para_2, after GDPR:art_7__para_1 at "
                + "\(path):18: statement groups associated through this key are cited by their own key, not by either reference",
            "\(path):11: warning: statement group statements2 is tied to the legal reference key a7, which names GDPR:art_7__para_1 "
                + "and GDPR:art_7__para_2: cited by its own key [statements2]",
            "\(path):27: warning: no lrml:Association ties statement group statements3 to a legal reference: cited by its own key [statements3]",
        ])
        #expect(imported.summary.instruments.first?[.uncitedStatementGroups] == 2)
    }
}
