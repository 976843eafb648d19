import EccaAnalysis
import EccaFormats
import Testing

/// The generated requests: the same seed gives the same requests, and every request for Orion-7
/// comes from Helios AI, Inc., the sample letter's addressee, so that the letter binds it whether
/// or not it names the letter (before, arbitrary "Provider N" names asked for Orion-7, and the
/// letter bound none of those that did not list it).
@Suite struct RequestGeneratorTests {
    @Test func orionSevenIsAskedOfItsLettersAddressee() {
        let generator = RequestGenerator(seed: 7)
        let requests = (0..<2_000).map(generator.request)
        let orion = requests.filter { $0.model?.name == "Orion-7" }
        #expect(orion.count > 200)
        #expect(orion.allSatisfy { $0.provider?.name == "Helios AI, Inc." && $0.provider?.establishedIn == "US" })
        // Some list the letter and some do not: the letter binds both.
        #expect(orion.contains { $0.instruments != nil } && orion.contains { $0.instruments == nil })
        #expect(!requests.contains { $0.model?.name != "Orion-7" && $0.provider?.name == "Helios AI, Inc." })
        #expect(requests == (0..<2_000).map(generator.request))
    }
}
