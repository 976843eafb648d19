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
}
