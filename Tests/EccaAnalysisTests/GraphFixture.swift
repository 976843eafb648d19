import ClauseGraph
import EccaFormats
import Foundation
import EccaTestSupport

/// Builds small clause graphs from inline rules XML, so that tests can work answers out by hand.
enum GraphFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schema = root.appendingPathComponent("Regulations/schema/rules.rng").path

    /// The shared vocabulary of the hand-made graphs.
    static let vocabulary = """
      <unit id="operations"/>
      <unit id="FLOP" counts-toward="operations"/>
      <fact id="as-of" type="date" scope="analysis" supplied-by="analysis.asOf"/>
      <fact id="request.legal-basis" type="provision" scope="request" supplied-by="requester.legalBasis"/>
      <fact id="model.training-compute" type="quantity" scope="request" units="FLOP operations" supplied-by="model.trainingCompute"/>
      <fact id="model.weights-published" type="boolean" scope="request" supplied-by="model.weightsPublished"/>
      <fact id="item.artifact" type="enum" scope="item" supplied-by="items[].artifact" values="weights api-access technical-documentation"/>
      <fact id="item.channel" type="enum" scope="item" supplied-by="items[].channel" values="transfer remote-api"/>
      <fact id="item.claims" type="set-of-string" scope="item" supplied-by="items[].licences" when-absent="established-by-exporter"/>
      <fact id="item.licence-held" type="boolean" scope="item" supplied-by="items[].licences" when-absent="established-by-exporter"/>
      <fact id="recipient.location" type="country" scope="recipient" supplied-by="items[].recipients[].location"/>
    """

    /// The shipped regulations with the sample is-informed letter (which the generated requests
    /// name); a load error fails the calling test with the loader's diagnostics.
    static func shippedWithLetter() throws -> ClauseGraph {
        let loaded = RegulationsLoader().load(directories: [root.appendingPathComponent("Regulations").path],
                                              files: [root.appendingPathComponent("Samples/instruments/is-informed-letter-orion.xml").path])
        guard !loaded.hasErrors else { throw FixtureError(message: loaded.diagnostics.map(\.description).joined(separator: "\n")) }
        return loaded.graph
    }

    /// A graph from instrument elements written in the rules format, plus the vocabulary above.
    static func graph(_ instruments: String) throws -> ClauseGraph {
        let folder = try TemporaryFolder.make("graph")
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rules xmlns="urn:ecca:rules:1">
            \(vocabulary)
            \(instruments)
            </rules>
            """
        try text.write(to: folder.appendingPathComponent("rules.xml"), atomically: true, encoding: .utf8)
        let result = RegulationsLoader().load(directories: [folder.path], schemaPath: schema)
        guard !result.hasErrors else {
            throw FixtureError(message: result.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return result.graph
    }

    struct FixtureError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// The EU side most hand-made graphs share: one obligation to supply the weights, applicable
    /// from 2 August 2026 (Arts 91-92 AI Act).
    static let euSuppliesWeights = instrument("eu.test", jurisdiction: "EU", status: "<status><applicable from=\"2026-08-02\"/></status>", """
          <provision id="eu.test.o1" citation="Art. 1" evidence="verified"><wording>The provider shall supply the weights.</wording>
            <norm id="eu.test.o1.supply" modality="obligation"><bearer>provider</bearer><action>supply</action>
              <condition><is fact="item.artifact" value="weights"/></condition></norm>
          </provision>
        """)

    /// An instrument with the given provisions and a status.
    static func instrument(_ id: String, jurisdiction: String, status: String = "", _ provisions: String) -> String {
        """
        <instrument id="\(id)" jurisdiction="\(jurisdiction)" kind="regulation">
          <title>\(id)</title>
          <source url="https://example.org/\(id)"/>
          \(status)
          \(provisions)
        </instrument>
        """
    }
}
