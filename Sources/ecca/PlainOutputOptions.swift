import ArgumentParser

/// The posture and output options shared by the negotiation commands (cures, mou verify, timeline,
/// thresholds), which print text for people or JSON for tools.
struct PlainOutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "text (the law in force), enforcement (what is enforced), or both.")
    var posture: CheckCommand.PostureChoice = .both

    @Option(help: "Output format.")
    var format: Format = .text
}
