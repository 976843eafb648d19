import Foundation
import Testing

/// A provision not yet in force says from when, as "applicable from" does: the letter of
/// 15 September 2026 read for a request of 1 September 2026 said "not in force" with no date
/// (QA s27 L).
@Suite struct InForceFromTests {
    @Test func aLetterNotYetInForceSaysFromWhen() throws {
        let request: [String: Any] = [
            "id": "EARLY", "date": "2026-09-01",
            "requester": ["authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"],
            "provider": ["name": "Helios AI, Inc.", "establishedIn": "US"],
            "model": ["name": "Orion-7", "trainingCompute": ["value": 4e26, "unit": "FLOP"], "weightsPublished": false, "placedOnEUMarket": "2026-07-01"],
            "items": [["artifact": "api-access", "channel": "remote-api",
                       "recipients": [["organisation": "European Commission (AI Office)", "nationalities": ["FR"], "location": "BE",
                                       "headquarters": "BE", "role": "authority-staff"]]]],
            "instruments": ["us.bis.letter.helios-orion-2026"],
        ]
        let result = try CLI.check(request, ["--instrument", CLI.letter])
        #expect(result.stdout.contains("BIS is-informed letter to Helios AI, Inc. of 15 September 2026, para. 1 does not bind: in force from 2026-09-15 (secondary); applicable from 2026-09-15 (secondary); enforced from 2026-09-15 (secondary)"), "\(result.stdout)")
    }
}
