import EccaFormats
import Testing

/// LegalRuleML files other than DAPRECO's (QA findings lrml3): nothing read is printed as if
/// absent, no statement is dropped, and every key and reference form the spec allows is read.
@Suite struct LegalRuleMLStatementKindsTests {
    /// r1-r3 are verbatim (whitespace folded) from Bhanditz/legalruleml-thinger
    /// `korean_article34_clause1.lrml` lines 11-82: `ruleml:Negation` and `lrml:Permitted` are no
    /// OASIS names, r2 is a defeater, r3 has an Obligation in its condition. ps1 is dadsa.xml's
    /// (ngligorov/LegalRuleMLParser `src/xml/dadsa.xml` lines 100-131, shortened) `hasStrength/Defeater`;
    /// ps3 adds the standard `lrml:Violation` and `lrml:Right` and a second rule (the reviewer's M10,
    /// M10b and M13 mutations).
    @Test func unmodelledElementsAreShownAndReportedAndADefeaterIsLabelled() throws {
        let path = try Corpus.fixture("kinds.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <lrml:LegalRuleML xmlns:lrml="http://docs.oasis-open.org/legalruleml/ns/v1.0/" xmlns:ruleml="http://ruleml.org/spec">
              <lrml:Statements key="textblock1">
                <lrml:PrescriptiveStatement key="r1">
                  <ruleml:Rule strength="defeasible">
                    <ruleml:if><ruleml:And>
                      <ruleml:Atom><ruleml:Rel>building has floors</ruleml:Rel></ruleml:Atom>
                      <ruleml:Negation><ruleml:Rel>ground floor</ruleml:Rel></ruleml:Negation>
                    </ruleml:And></ruleml:if>
                    <ruleml:then><lrml:Obligation><ruleml:Atom><ruleml:Rel>floor has emergency stairs</ruleml:Rel></ruleml:Atom></lrml:Obligation></ruleml:then>
                  </ruleml:Rule>
                </lrml:PrescriptiveStatement>
                <lrml:PrescriptiveStatement key="r2">
                  <ruleml:Rule strength="defeater">
                    <ruleml:if><ruleml:And><ruleml:Atom><ruleml:Rel>ground floor</ruleml:Rel></ruleml:Atom></ruleml:And></ruleml:if>
                    <ruleml:then><lrml:Permitted><ruleml:Negation><ruleml:Atom><ruleml:Rel>floor has emergency stairs</ruleml:Rel></ruleml:Atom></ruleml:Negation></lrml:Permitted></ruleml:then>
                  </ruleml:Rule>
                </lrml:PrescriptiveStatement>
                <lrml:PrescriptiveStatement key="r3">
                  <ruleml:Rule strength="defeasible">
                    <ruleml:if><ruleml:And><lrml:Obligation><ruleml:Atom><ruleml:Rel>floor has emergency stairs</ruleml:Rel></ruleml:Atom></lrml:Obligation></ruleml:And></ruleml:if>
                    <ruleml:then><lrml:Obligation><ruleml:Atom><ruleml:Rel>stairs are within distance living space</ruleml:Rel></ruleml:Atom></lrml:Obligation></ruleml:then>
                  </ruleml:Rule>
                </lrml:PrescriptiveStatement>
              </lrml:Statements>
              <lrml:Statements>
                <lrml:PrescriptiveStatement key="ps1">
                  <ruleml:Rule key=":ruletemplate3">
                    <lrml:hasStrength><lrml:Defeater key="str4" /></lrml:hasStrength>
                    <ruleml:if><ruleml:Atom><ruleml:Rel iri=":lt" /><ruleml:Var>Y</ruleml:Var><ruleml:Ind>12</ruleml:Ind></ruleml:Atom></ruleml:if>
                    <ruleml:then><lrml:Prohibition key="prohib1"><ruleml:Atom><ruleml:Rel iri=":driveBicycle" /><ruleml:Var>X</ruleml:Var></ruleml:Atom></lrml:Prohibition></ruleml:then>
                  </ruleml:Rule>
                </lrml:PrescriptiveStatement>
                <lrml:PrescriptiveStatement key="ps3">
                  <ruleml:Rule>
                    <ruleml:if><lrml:Violation keyref="#ps1"/></ruleml:if>
                    <ruleml:then><lrml:Right><ruleml:Atom><ruleml:Rel iri=":appeal" /></ruleml:Atom></lrml:Right></ruleml:then>
                  </ruleml:Rule>
                  <ruleml:Rule>
                    <ruleml:if><ruleml:Atom><ruleml:Rel iri=":a" /></ruleml:Atom></ruleml:if>
                    <ruleml:then><lrml:Permission><ruleml:Atom><ruleml:Rel iri=":SECONDRULE" /></ruleml:Atom></lrml:Permission></ruleml:then>
                  </ruleml:Rule>
                </lrml:PrescriptiveStatement>
              </lrml:Statements>
            </lrml:LegalRuleML>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.provisions.map(\.wording) == [
            "Obligation (r1): IF (building has floors() ∧ ?Negation[ground floor]) THEN Obligation[floor has emergency stairs()] "
                + "Defeater, Prescriptive (r2): IF (ground floor()) THEN ?Permitted[?Negation[floor has emergency stairs()]] "
                + "Obligation (r3): IF (Obligation[floor has emergency stairs()]) THEN Obligation[stairs are within distance living space()]",
            "Defeater, Prohibition (ps1): IF :lt(Y, 12) THEN Prohibition[:driveBicycle(X)] "
                + "Permission (ps3): rule 1: IF Violation(#ps1) THEN Right[:appeal()]; rule 2: IF :a() THEN Permission[:SECONDRULE()]",
        ])
        #expect(imported.provisions.flatMap(\.statements).map(\.modalities) == [[.obligation], [], [.obligation], [.prohibition], [.permission]])
        #expect(imported.provisions[0].notes.map(\.text) == [
            "LegalRuleML prescriptive statement r1: obligation; 1 rule. Strength: defeasible.",
            "LegalRuleML prescriptive statement r2: no deontic modality; 1 rule. A defeater: it only blocks a contrary conclusion and concludes nothing itself.",
            "LegalRuleML prescriptive statement r3: obligation; 1 rule. Strength: defeasible.",
            "No lrml:Association ties statement group textblock1 to a legal reference.",
            "In statement r1, ruleml:Negation (line 8) is no LegalRuleML or RuleML element ecca knows: the wording shows it as written, ?Negation[ground floor], and its meaning is not read.",
            "In statement r2, ruleml:Negation (line 16) is no LegalRuleML or RuleML element ecca knows: the wording shows it as written, ?Negation[floor has emergency stairs()], and its meaning is not read.",
            "In statement r2, lrml:Permitted (line 16) is no LegalRuleML or RuleML element ecca knows: the wording shows it as written, ?Permitted[?Negation[floor has emergency stairs()]], and its meaning is not read.",
        ])
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):3: warning: no lrml:Association ties statement group textblock1 to a legal reference: cited by its own key [textblock1]",
            "\(path):8: warning: ruleml:Negation in statement r1 is no LegalRuleML or RuleML element ecca knows: shown as written (?Negation[ground floor]), its meaning not read [textblock1]",
            "\(path):16: warning: ruleml:Negation in statement r2 is no LegalRuleML or RuleML element ecca knows: shown as written (?Negation[floor has emergency stairs()]), its meaning not read [textblock1]",
            "\(path):16: warning: lrml:Permitted in statement r2 is no LegalRuleML or RuleML element ecca knows: shown as written (?Permitted[?Negation[floor has emergency stairs()]]), its meaning not read [textblock1]",
            "\(path):26: warning: no lrml:Association ties the statement group at line 26 (no key) to a legal reference: cited by its own key [line_26]",
            "\(path):36: warning: lrml:Violation in statement ps3 is not modelled by ecca: shown as written (Violation(#ps1)), its meaning not read [line_26]",
            "\(path):37: warning: lrml:Right in statement ps3 is not modelled by ecca: shown as written (Right[:appeal()]), its meaning not read [line_26]",
        ])
        let summary = try #require(imported.summary.instruments.first)
        #expect(summary[.defeaters] == 2)
        #expect(summary[.unmodelledElements] == 5)
        #expect(summary[.obligations] == 3)
    }

    /// Shapes from rst0git/LegalRuleML-app `src/public/uploads/2010ActAsAmended_EO_OT_RS.xml` lines
    /// 17-38 (a group nested in stmts1), `ssi_20110023_en_LS_OT_RS.xml` line 115 (fs11), dadsa.xml
    /// lines 52, 91-95 and 201-245 (Jurisdiction, Override, Penalty, Reparation, groups without key),
    /// Bhanditz/legalruleml-thinger `G4AS1.xml` (a statement outside any group, its key with `#`).
    @Test func nestedGroupsEveryStatementKindAndUngroupedStatementsAreWritten() throws {
        let path = try Corpus.fixture("groups.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <lrml:LegalRuleML xmlns:lrml="http://docs.oasis-open.org/legalruleml/ns/v1.0/" xmlns:ruleml="http://ruleml.org/spec">
             <lrml:Jurisdictions><lrml:Jurisdiction key="rs" sameAs="http://example.org/jurisdiction#Serbia" /></lrml:Jurisdictions>
             <lrml:Statements key="stmts1">
              <lrml:Comment> 1 Prohibition of tobacco displays etc. </lrml:Comment>
              <lrml:ConstitutiveStatement key="cs1">
               <ruleml:Rule>
                <lrml:Paraphrase> A person who in the course of business displays tobacco products commits an offence. </lrml:Paraphrase>
               </ruleml:Rule>
              </lrml:ConstitutiveStatement>
              <lrml:Statements key="stmts1.1">
               <lrml:ConstitutiveStatement key="cs2">
                <ruleml:Rule>
                 <lrml:Paraphrase> A person does not commit an offence under subsection (1) if the display - is
                  in a specialist tobacconist, </lrml:Paraphrase>
                </ruleml:Rule>
               </lrml:ConstitutiveStatement>
              </lrml:Statements>
              <lrml:OverrideStatement>
               <lrml:Override over="#cs2" under="#cs1 "/>
              </lrml:OverrideStatement>
              <lrml:FactualStatement key="fs11">
               <lrml:Comment> Where it is proposed to carry on business from moveable premises in a fixed
                location substitute </lrml:Comment>
              </lrml:FactualStatement>
             </lrml:Statements>
             <lrml:Statements>
              <lrml:PenaltyStatement key="pen1">
               <lrml:SuborderList>
                <lrml:Obligation key="oblig1">
                 <ruleml:Atom><ruleml:Rel iri=":pay" /><ruleml:Var>X</ruleml:Var><ruleml:Var>Y</ruleml:Var></ruleml:Atom>
                </lrml:Obligation>
               </lrml:SuborderList>
              </lrml:PenaltyStatement>
             </lrml:Statements>
             <lrml:Statements>
              <lrml:ReparationStatement>
               <lrml:Reparation key="rep1">
                <lrml:appliesPenalty keyref="#pen1" />
                <lrml:toPrescriptiveStatement keyref="#cs1" />
               </lrml:Reparation>
              </lrml:ReparationStatement>
             </lrml:Statements>
             <lrml:Statements key="empty"><lrml:Comment>nothing</lrml:Comment></lrml:Statements>
             <lrml:PrescriptiveStatement key="#G4.2.a">
              <ruleml:Rule><ruleml:then><lrml:Obligation iri="devo:Maintenance"><ruleml:Atom><ruleml:Rel iri="0175">provided with adequate</ruleml:Rel></ruleml:Atom></lrml:Obligation></ruleml:then></ruleml:Rule>
             </lrml:PrescriptiveStatement>
            </lrml:LegalRuleML>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.instruments.first?.instrument.id == "lrml.groups")
        #expect(imported.instruments.first?.instrument.jurisdiction == "RS")
        #expect(imported.provisions.map(\.canonicalID) == ["stmts1", "stmts1.1", "line_27", "line_36", "G4.2.a"])
        #expect(imported.provisions.map(\.parentID) == [nil, "stmts1", nil, nil, nil])
        #expect(imported.provisions.map(\.sourceID) == ["stmts1", "stmts1.1", nil, nil, "G4.2.a"])
        #expect(imported.provisions.map(\.citation) == ["LegalRuleML stmts1", "LegalRuleML stmts1.1", "LegalRuleML statement group at line 27",
                                                        "LegalRuleML statement group at line 36", "LegalRuleML G4.2.a"])
        #expect(imported.provisions.map(\.wording) == [
            "Constitutive (cs1): A person who in the course of business displays tobacco products commits an offence. "
                + "Override: cs2 overrides cs1 (where both apply, cs2 prevails) "
                + "Fact (fs11): Where it is proposed to carry on business from moveable premises in a fixed location substitute",
            "Constitutive (cs2): A person does not commit an offence under subsection (1) if the display - is in a specialist tobacconist,",
            "Penalty (pen1): SuborderList[Obligation[:pay(X, Y)]]",
            "Reparation (rep1): penalty pen1 applies when cs1 is violated",
            "Obligation (G4.2.a): Obligation[0175()]",
        ])
        #expect(imported.provisions[0].heading == "LegalRuleML stmts1: 1 Prohibition of tobacco displays etc.")
        #expect(imported.provisions[0].notes.first?.text == "LegalRuleML constitutive statement cs1: no deontic modality; 1 rule. "
                + "Overridden by cs2 where both apply (lrml:Override, line 19). When it is violated, penalty pen1 applies (lrml:ReparationStatement, line 37).")
        #expect(imported.diagnostics.map(\.description).filter { !$0.contains("no lrml:Association") } == [
            "\(path):44: warning: statement group empty holds no statement ecca can write: not imported [empty]",
        ])
        let summary = try #require(imported.summary.instruments.first)
        #expect(summary[.penaltyStatements] == 1)
        #expect(summary[.reparationStatements] == 1)
        #expect(summary[.overrides] == 1)
        #expect(summary[.factualStatements] == 1)
        #expect(summary[.unwrittenGroups] == 1)
        #expect(imported.provisions.flatMap(\.statements).count == 7)
    }

    /// An override statement that comments on itself, or holds two overrides, still tells each
    /// overridden statement what overrides it: the note is made from the `over` and `under` read,
    /// not recovered from the rendered wording (which ran the comment into the name, "Overridden by
    /// Why ∧ cs2", and split two overrides into no note at all).
    @Test func overridesAreNotedOnTheStatementsTheyNameWhateverElseTheirStatementHolds() throws {
        let path = try Corpus.fixture("overrides.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <lrml:LegalRuleML xmlns:lrml="http://docs.oasis-open.org/legalruleml/ns/v1.0/" xmlns:ruleml="http://ruleml.org/spec">
             <lrml:Statements key="stmts1">
              <lrml:ConstitutiveStatement key="cs1"><ruleml:Rule><lrml:Paraphrase>One.</lrml:Paraphrase></ruleml:Rule></lrml:ConstitutiveStatement>
              <lrml:ConstitutiveStatement key="cs2"><ruleml:Rule><lrml:Paraphrase>Two.</lrml:Paraphrase></ruleml:Rule></lrml:ConstitutiveStatement>
              <lrml:ConstitutiveStatement key="cs3"><ruleml:Rule><lrml:Paraphrase>Three.</lrml:Paraphrase></ruleml:Rule></lrml:ConstitutiveStatement>
              <lrml:OverrideStatement key="ov1">
               <lrml:Comment>Why</lrml:Comment>
               <lrml:Override over="#cs2" under="#cs1"/>
              </lrml:OverrideStatement>
              <lrml:OverrideStatement key="ov2">
               <lrml:Override over="#cs3" under="#cs1"/>
               <lrml:Override over="#cs3" under="#cs2"/>
              </lrml:OverrideStatement>
             </lrml:Statements>
            </lrml:LegalRuleML>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.provisions.first?.notes.prefix(3).map(\.text) == [
            "LegalRuleML constitutive statement cs1: no deontic modality; 1 rule. Overridden by cs2 where both apply (lrml:Override, line 7). "
                + "Overridden by cs3 where both apply (lrml:Override, line 11).",
            "LegalRuleML constitutive statement cs2: no deontic modality; 1 rule. Overridden by cs3 where both apply (lrml:Override, line 11).",
            "LegalRuleML constitutive statement cs3: no deontic modality; 1 rule.",
        ])
    }

    /// The reviewer's mutations of rioKB_GDPR.xml's association (line 286) and reference (line 21),
    /// on a two-group file in its shape: a full-IRI, a prefixed and a statement-key target with a
    /// trailing space, an AKN IRI, an ELI, an undeclared prefix and dadsa.xml's `sec_4-20`; two
    /// groups sharing a key.
    @Test func keyrefsAndRefIDsInEveryFormAreReadOrReported() throws {
        let path = try Corpus.fixture("forms.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <lrml:LegalRuleML xmlns:lrml="http://docs.oasis-open.org/legalruleml/ns/v1.0/" xmlns:ruleml="http://ruleml.org/spec">
              <lrml:Prefix pre="kb" refID="#" />
              <lrml:Prefix pre="GDPR" refID="/akn/eu/act/regulation/2018-05-25/eng@2018-05-25/!main#" />
              <lrml:LegalReferences>
                <lrml:LegalReference refersTo="r1" refID="/akn/eu/act/regulation/2018-05-25/eng@2018-05-25/!main#art_5__para_1__content__list_1__point_a" />
                <lrml:LegalReference refersTo="r2" refID="http://data.europa.eu/eli/reg/2016/679/art_5/par_1/pnt_b/oj" />
                <lrml:LegalReference refersTo="r3" refID="GDPRX:art_5__para_1__content__list_1__point_c" />
                <lrml:LegalReference refersTo="r4" refID="/akn/rs/2009-06-02/sr@/!main#sec_4-20" />
              </lrml:LegalReferences>
              <lrml:Association><lrml:appliesSource keyref="#r1" /><lrml:toTarget keyref="http://example.org/forms.xml#s1" /></lrml:Association>
              <lrml:Association><lrml:appliesSource keyref="r2" /><lrml:toTarget keyref="kb:s2" /></lrml:Association>
              <lrml:Association><lrml:appliesSource keyref="#r3" /><lrml:toTarget keyref="#f3 " /></lrml:Association>
              <lrml:Association><lrml:appliesSource keyref="#r4" /><lrml:toTarget keyref="#s4" /></lrml:Association>
              <lrml:Association><lrml:appliesSource keyref="#r1" /><lrml:toTarget keyref="#dup" /></lrml:Association>
              <lrml:Statements key="s1"><lrml:ConstitutiveStatement key="f1"><ruleml:Rule><ruleml:then><ruleml:Atom><ruleml:Rel iri="p:a" /></ruleml:Atom></ruleml:then></ruleml:Rule></lrml:ConstitutiveStatement></lrml:Statements>
              <lrml:Statements key="s2"><lrml:ConstitutiveStatement key="f2"><ruleml:Rule><ruleml:then><ruleml:Atom><ruleml:Rel iri="p:b" /></ruleml:Atom></ruleml:then></ruleml:Rule></lrml:ConstitutiveStatement></lrml:Statements>
              <lrml:Statements key="s3"><lrml:ConstitutiveStatement key="f3"><ruleml:Rule><ruleml:then><ruleml:Atom><ruleml:Rel iri="p:c" /></ruleml:Atom></ruleml:then></ruleml:Rule></lrml:ConstitutiveStatement></lrml:Statements>
              <lrml:Statements key="s4"><lrml:ConstitutiveStatement key="f4"><ruleml:Rule><ruleml:then><ruleml:Atom><ruleml:Rel iri="p:d" /></ruleml:Atom></ruleml:then></ruleml:Rule></lrml:ConstitutiveStatement></lrml:Statements>
              <lrml:Statements key="dup"><lrml:ConstitutiveStatement key="f5"><ruleml:Rule><ruleml:then><ruleml:Atom><ruleml:Rel iri="p:e" /></ruleml:Atom></ruleml:then></ruleml:Rule></lrml:ConstitutiveStatement></lrml:Statements>
              <lrml:Statements key="dup"><lrml:ConstitutiveStatement key="f6"><ruleml:Rule><ruleml:then><ruleml:Atom><ruleml:Rel iri="p:f" /></ruleml:Atom></ruleml:then></ruleml:Rule></lrml:ConstitutiveStatement></lrml:Statements>
            </lrml:LegalRuleML>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.instruments.first?.instrument.id == "lrml.gdpr")
        #expect(imported.instruments.first?.instrument.jurisdiction == "EU")
        #expect(imported.provisions.map(\.citation) == [
            "GDPR Art. 5(1)(a)", "Regulation (EU) 2016/679 Art. 5(1)(b)", "GDPRX Art. 5(1)(c)", "/akn/rs/2009-06-02/sr@/!main#sec_4-20",
            "LegalRuleML dup", "LegalRuleML dup",
        ])
        #expect(imported.provisions.map(\.canonicalID) == ["art_5__para_1__point_a", "art_5__para_1__point_b", "art_5__para_1__point_c", "s4", "dup", "dup"])
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):21: warning: the key dup is given again, to the lrml:Statements here, after the lrml:Statements at \(path):20: "
                + "associations and overrides that name it cannot tell which is meant, and no citation is made through it",
            "\(path):18: warning: statement group s3: its prefix GDPRX is declared by no lrml:Prefix in the file, so the act it names is not known [s3]",
            "\(path):19: warning: statement group s4: ecca cannot read the reference /akn/rs/2009-06-02/sr@/!main#sec_4-20 (the provision sec_4-20 "
                + "is no article, paragraph or point ecca reads): it is cited as printed [s4]",
            "\(path):20: warning: statement group dup is named by the lrml:Association at line 15 through the key dup, which the file gives to more "
                + "than one element: cited by its own key [dup]",
            "\(path):21: warning: statement group dup is named by the lrml:Association at line 15 through the key dup, which the file gives to more "
                + "than one element: cited by its own key [dup]",
        ])
        #expect(imported.summary.instruments.first?[.unreadReferences] == 2)
    }
    /// A context ties its `appliesSource` to the statements `inScope` as an association does, and a
    /// message about it names it as what it is (ngligorov/LegalRuleMLParser `src/xml/dadsa.xml`
    /// lines 79-88, shortened: its `#ps4` is no key of the file).
    @Test func aContextIsNamedAsAContext() throws {
        let path = try Corpus.fixture("context.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <lrml:LegalRuleML xmlns:lrml="http://docs.oasis-open.org/legalruleml/ns/v1.0/" xmlns:ruleml="http://ruleml.org/spec">
              <lrml:LegalReferences><lrml:LegalReference refersTo="ref1" refID="/akn/rs/act/2009/41/main#art_5"/></lrml:LegalReferences>
              <lrml:Statements key="stmts1">
                <lrml:PrescriptiveStatement key="ps1"><ruleml:Rule><ruleml:if><ruleml:Atom><ruleml:Rel iri=":a"/></ruleml:Atom></ruleml:if><ruleml:then><lrml:Obligation><ruleml:Atom><ruleml:Rel iri=":b"/></ruleml:Atom></lrml:Obligation></ruleml:then></ruleml:Rule></lrml:PrescriptiveStatement>
              </lrml:Statements>
              <lrml:Context key="ctx1">
                <lrml:appliesSource keyref="#ref1" />
                <lrml:inScope keyref="#ps1" />
                <lrml:inScope keyref="#ps4" />
              </lrml:Context>
            </lrml:LegalRuleML>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.diagnostics.map(\.description).filter { $0.contains("#ps4") } == [
            "\(path):7: warning: the lrml:Context here names the target #ps4, which no statement or statement group in the file has: it ties nothing to a legal reference",
        ])
    }
}
