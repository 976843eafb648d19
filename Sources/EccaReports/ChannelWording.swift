import EccaAnalysis

/// How the text and the Markdown and HTML reports word a channel's outcome: the solver's word,
/// except for a compliant channel that a prohibition forbids (`ChannelOutcome.forbiddenBy`),
/// which "compliant" alone would present as a disclosure the law allows.
enum ChannelWording {
    static func outcome(_ channel: ChannelOutcome) -> String {
        guard channel.outcome == .compliant, let forbidding = channel.forbiddenBy, !forbidding.isEmpty else { return channel.outcome.rawValue }
        return "compliant (no conflict: nothing obliges it, but it is forbidden by \(forbidding.joined(separator: " and ")))"
    }
}
