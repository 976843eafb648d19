import ClauseGraph
@testable import EccaAnalysis
import EccaFormats
import Testing

/// MoU clauses drafted for cures on the shipped law: what they name comes from the encoding.
@Suite struct CureWordingTests {
    /// The AI Office's evaluators in Warsaw, nationals of and headquartered in Belgium: License
    /// Exception AIA needs a Supp. No. 5 destination, so one cure moves them and claims AIA.
    static let evaluatorsInWarsaw = DisclosureRequest(
        id: "R-PL", date: LegalDate(iso: "2026-11-24"),
        requester: .init(authority: "European Commission (AI Office)", jurisdiction: "EU", legalBasis: "Art. 92(3)"),
        provider: .init(name: "Northwind Models, Inc.", establishedIn: "US"),
        model: .init(trainingCompute: [.init(value: ExactDecimal("3e26"), unit: .operations)], weightsPublished: false),
        items: [.init(artifact: "weights", channel: "transfer",
                      recipients: [.init(organisation: "European Commission (AI Office)", nationalities: ["BE"], location: "PL", headquarters: "BE")])])

    @Test func aLocationCureNamesTheListItsExceptionTestsByItsCitation() throws {
        let graph = try GraphFixture.shippedWithLetter()
        let engine = try ConflictEngine(graph: graph, options: .init())
        let report = try engine.cures(for: Self.evaluatorsInWarsaw, top: 10, today: LegalDate(iso: "2026-11-24")!)
        let aia = try #require(report.cures.first { $0.reliesOn.map(\.provision) == ["us.ai-diffusion.740.27"] })
        let moved = try #require(aia.changes.first { $0.dimension == "recipientLocation" })
        // The tie-break prefers an EU member state on the AIA list.
        #expect(CureFinder.preferredLocations(in: graph) == ["BE", "DK", "FI", "FR", "DE", "IE", "IT", "NL", "ES", "SE"])
        #expect(CureFinder.preferredLocations(in: graph).contains(moved.to))
        #expect(aia.mouWording.first == "Access shall be given only to evaluators located in \(moved.to), a destination listed in 15 CFR Part 740, Supp. No. 5, para. (a) (relying on 15 CFR 740.27).")
    }
}
