import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing

/// A LegalRuleML file is read twice (issue 7, "Memory stays flat on a 200 MB input"): a first
/// pass keeps what statements need that may come after them (prefixes, legal references,
/// associations, keys, overrides), the second hands each group on as soon as it is read.
///
/// The group is rioKB_GDPR.xml's statements96 (dapreco/daprecokb, gdpr/old/rioKB_GDPR.xml, lines
/// 24170-24235, shortened to three atoms), its legal reference line 102 and association lines 664-667.
@Suite struct LegalRuleMLStreamingTests {
    static func group(_ number: Int) -> String {
        """
          <lrml:Statements key="statements\(number)">
            <lrml:ConstitutiveStatement key="statements\(number)Formula1">
              <ruleml:Rule closure="universal">
                <ruleml:if>
                  <ruleml:And>
                    <ruleml:Atom>
                      <ruleml:Rel iri="prOnto:legalClaim" />
                      <ruleml:Var keyref=":l" />
                    </ruleml:Atom>
                    <ruleml:Naf>
                      <ruleml:Atom>
                        <ruleml:Rel iri="rioOnto:exceptionCha2Art11Par2" />
                        <ruleml:Var keyref=":ep" />
                      </ruleml:Atom>
                    </ruleml:Naf>
                  </ruleml:And>
                </ruleml:if>
                <ruleml:then>
                  <ruleml:Atom>
                    <ruleml:Rel iri="rioOnto:exceptionCha3Sec3Art17Par3" />
                    <ruleml:Var keyref=":z" />
                  </ruleml:Atom>
                </ruleml:then>
              </ruleml:Rule>
            </lrml:ConstitutiveStatement>
          </lrml:Statements>

        """
    }

    static let open = """
        <?xml version="1.0" encoding="UTF-8"?>
        <lrml:LegalRuleML xmlns:lrml="http://docs.oasis-open.org/legalruleml/ns/v1.0/" xmlns:ruleml="http://ruleml.org/spec">

        """

    /// Everything the groups need comes after them: the overriding statement after the one it
    /// overrides, the key given twice, then the prefix, the references and the associations.
    /// Each group is cited, noted and warned of as if all of it had come first.
    @Test func whatComesAfterTheGroupsIsAppliedToThem() throws {
        let path = try Corpus.fixture("late.xml", Self.open + Self.group(96) + """
              <lrml:Statements key="stmts2">
                <lrml:ConstitutiveStatement key="cs2"><ruleml:Rule><lrml:Paraphrase>Two.</lrml:Paraphrase></ruleml:Rule></lrml:ConstitutiveStatement>
                <lrml:OverrideStatement key="ov1"><lrml:Override over="#cs2" under="#statements96Formula1"/></lrml:OverrideStatement>
                <lrml:ConstitutiveStatement key="cs2"><ruleml:Rule><lrml:Paraphrase>Again.</lrml:Paraphrase></ruleml:Rule></lrml:ConstitutiveStatement>
              </lrml:Statements>
              <lrml:Prefix pre="GDPR" refID="/akn/eu/act/regulation/2018-05-25/eng@2018-05-25/!main#" />
              <lrml:LegalReferences type="legislative">
                <lrml:LegalReference refersTo="gdprC3S3A17P3p5ref" refID="GDPR:art_17__para_3__content__list_1__point_e" />
              </lrml:LegalReferences>
              <lrml:Associations>
                <lrml:Association>
                  <lrml:appliesSource keyref="#gdprC3S3A17P3p5ref" />
                  <lrml:toTarget keyref="#statements96" />
                </lrml:Association>
                <lrml:Association>
                  <lrml:appliesSource keyref="#gdprC3S3A17P3p5ref" />
                  <lrml:toTarget keyref="#cs2" />
                  <lrml:toTarget keyref="#ps9" />
                </lrml:Association>
              </lrml:Associations>
            </lrml:LegalRuleML>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.instruments.map(\.instrument.id) == ["lrml.gdpr"])
        #expect(imported.provisions.map(\.canonicalID) == ["art_17__para_3__point_e", "stmts2"])
        #expect(imported.provisions.map(\.citation) == ["GDPR Art. 17(3)(e)", "LegalRuleML stmts2"])
        #expect(imported.provisions.first?.wording == "Constitutive (statements96Formula1): IF (prOnto:legalClaim(l) ∧ not "
            + "rioOnto:exceptionCha2Art11Par2(ep)) THEN rioOnto:exceptionCha3Sec3Art17Par3(z)")
        #expect(imported.provisions.first?.notes.map(\.text) == [
            "LegalRuleML constitutive statement statements96Formula1: no deontic modality; 1 rule. Overridden by cs2 where both apply "
                + "(lrml:Override, line 31).",
            "Legal reference: /akn/eu/act/regulation/2018-05-25/eng@2018-05-25/!main#art_17__para_3__content__list_1__point_e",
        ])
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):32: warning: the key cs2 is given again, to the lrml:ConstitutiveStatement here, after the lrml:ConstitutiveStatement "
                + "at \(path):30: associations and overrides that name it cannot tell which is meant, and no citation is made through it",
            "\(path):29: warning: statement group stmts2 is named by the lrml:Association at line 43 through the key cs2, which the file "
                + "gives to more than one element: cited by its own key [stmts2]",
            "\(path):43: warning: the lrml:Association here names the target #ps9, which no statement or statement group in the file has: "
                + "it ties nothing to a legal reference",
        ])
        #expect(imported.summary.instruments.first?[.constitutiveStatements] == 3)
        #expect(imported.summary.instruments.first?[.legalReferences] == 1)
    }

    /// The second pass hands a group on as soon as it is read, while the rest of the file is
    /// still unread: when the first provision reaches the sink, the reader has read only the
    /// start of a file of 3,000 groups whose associations stand at its end. (Holding every
    /// group until the end of the file, as ecca did, had read all of it by then.)
    @Test func aGroupIsHandedOnBeforeTheRestOfTheFileIsRead() throws {
        #if os(Linux)
        let groups = (1...3000).map(Self.group).joined()
        let associations = (1...3000).map {
            "    <lrml:Association><lrml:appliesSource keyref=\"#gdprC3S3A17P3p5ref\" /><lrml:toTarget keyref=\"#statements\($0)\" /></lrml:Association>\n"
        }.joined()
        let path = try Corpus.fixture("many.xml", Self.open + """
              <lrml:Prefix pre="GDPR" refID="/akn/eu/act/regulation/2018-05-25/eng@2018-05-25/!main#" />
              <lrml:LegalReferences type="legislative">
                <lrml:LegalReference refersTo="gdprC3S3A17P3p5ref" refID="GDPR:art_17__para_3__content__list_1__point_e" />
              </lrml:LegalReferences>

            """ + groups + "  <lrml:Associations>\n" + associations + "  </lrml:Associations>\n</lrml:LegalRuleML>\n")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let sink = ReadPositionSink(file: path)
        let result = try OfficialImporter().run(files: [path], into: sink)
        #expect(sink.provisions == 3000)
        #expect(sink.citations.prefix(2) == ["GDPR Art. 17(3)(e)", "GDPR Art. 17(3)(e)"])
        let read = try #require(sink.readWhenFirstAdded)
        #expect(read < size / 4, "the reader had read \(read) of \(size) bytes when the first group was handed on")
        #expect(result.summary.instruments.first?[.constitutiveStatements] == 3000)
        #expect(result.diagnostics.isEmpty)
        #endif
    }

    /// A file cut off after groups that were read whole fails with the line and column of the
    /// cut, and the sink is given nothing: the first pass reads the whole file before any group
    /// is handed on.
    @Test func aFileCutOffAfterItsGroupsHandsNothingOn() throws {
        let path = try Corpus.fixture("cut.xml", Self.open + Self.group(1) + Self.group(2) + "  <lrml:Associations>\n    <lrml:Association>")
        let sink = ReadPositionSink(file: path)
        #expect {
            _ = try OfficialImporter().run(files: [path], into: sink)
        } throws: { error in
            "\(error)" == "\(path):56:23: error: the document ends inside <lrml:Association> (opened on line 56, column 5): the file is truncated or an end tag is missing"
        }
        #expect(sink.instruments == 0)
        #expect(sink.provisions == 0)
    }
}

/// A sink that counts what it is given and, when the first provision comes, how far the file
/// being imported has been read (the least position of the descriptors open on it, from
/// `/proc/self/fdinfo`).
private final class ReadPositionSink: ImportSink {
    let file: String
    var instruments = 0
    var provisions = 0
    var citations: [String] = []
    var readWhenFirstAdded: Int?

    init(file: String) { self.file = file }

    func begin(_ instrument: ImportedInstrument) { instruments += 1 }
    func add(_ provision: ImportedProvision) {
        if provisions == 0 { readWhenFirstAdded = position() }
        provisions += 1
        citations.append(provision.citation)
    }
    func end() {}

    private func position() -> Int? {
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        let resolved = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        return descriptors.compactMap { descriptor -> Int? in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(descriptor)"),
                  URL(fileURLWithPath: target).resolvingSymlinksInPath().path == resolved,
                  let info = try? String(contentsOfFile: "/proc/self/fdinfo/\(descriptor)", encoding: .utf8),
                  let line = info.split(separator: "\n").first(where: { $0.hasPrefix("pos:") }) else { return nil }
            return Int(line.dropFirst(4).trimmingCharacters(in: .whitespaces))
        }.min()
    }
}
