import ClauseGraph
import EccaFormats

/// Drafts Memorandum-of-Understanding clauses for a cure from the provisions it relies on.
struct MoUWording {
    let graph: ClauseGraph

    /// What the Provider does to give `artifact` by a channel, as a clause words it. API access
    /// gives access to the model, not its parameters, whatever the item asked for.
    static func channelAction(_ channel: String, artifact: String) -> String {
        switch channel {
        case "transfer": "transfer a copy of the \(artifact)"
        case "remote-api": "give access to the model through an application programming interface (API), without transferring the model's parameters"
        case "on-site": "make the \(artifact) available for on-site inspection"
        case "secure-enclave": "make the \(artifact) available within a secure enclave whose decryption keys are never given to the evaluators"
        case "publication": "publish the \(artifact)"
        default: "provide the \(artifact) by \(channel)"
        }
    }

    func clauses(for set: CureFinder.CorrectionSet, item: DisclosureRequest.Item, reliance: [Cure.Reliance]) -> [String] {
        let because = reliance.isEmpty ? "" : " (relying on " + reliance.map(\.citation).joined(separator: "; ") + ")"
        var clauses: [String] = []
        if let channel = set.channel {
            clauses.append("The Provider shall \(Self.channelAction(channel, artifact: item.artifact)), and shall not \(Self.channelAction(item.channel, artifact: item.artifact))\(because).")
        }
        if let artifact = set.artifact {
            clauses.append("The Provider shall supply \(artifact) in place of \(item.artifact), to the extent that it enables the evaluation under Article 92 of Regulation (EU) 2024/1689\(because).")
        }
        if let location = set.location {
            // The lists the relied-on provisions test the location against, by their own citation
            // ("a destination listed in 15 CFR Part 740, Supp. No. 5, para. (a)").
            let relied = Set(reliance.map(\.provision))
            var lists: [String] = []
            for tested in graph.setsTested(against: "recipient.location")
            where relied.contains(tested.provisionID) && tested.set.members.contains(location) {
                let list = tested.set.provisionID.flatMap { graph.provisions[$0]?.citation } ?? tested.set.title ?? tested.set.id
                if !lists.contains(list) { lists.append(list) }
            }
            let listed = lists.isEmpty ? "" : ", a destination listed in " + lists.joined(separator: " and in ")
            clauses.append("Access shall be given only to evaluators located in \(location)\(listed)\(because).")
        }
        if set.nationalityUS {
            clauses.append("Access shall be given only to evaluators who are U.S. persons, not foreign persons within the meaning of 50 U.S.C. 4801(5), appointed by the Commission under Article 92(2) of Regulation (EU) 2024/1689\(because).")
        }
        if let hosting = set.hosting {
            clauses.append("The \(item.artifact) shall remain hosted in \(hosting) throughout the evaluation.")
        }
        if set.licence {
            clauses.append("The Provider shall apply to the Bureau of Industry and Security for a licence covering this disclosure without delay, and shall provide the access within the period set under Article 92(4) of Regulation (EU) 2024/1689 after the licence is granted\(because).")
        }
        for claim in set.claims {
            let citation = graph.provisions[claim]?.citation ?? claim
            clauses.append("Before the disclosure the Provider shall establish whether \(citation) applies and, only where its conditions are met, document it and keep the records\(because); otherwise another clause of this Memorandum applies.")
        }
        if let date = set.date {
            clauses.append("The disclosure shall take place on or after \(date.iso).")
        }
        clauses.append("The Commission shall treat all information and data obtained in accordance with Article 78 of Regulation (EU) 2024/1689, including the protection of public and national security interests (Article 78(1)(c)), and shall request only data strictly necessary (Article 78(2)).")
        return clauses
    }
}
