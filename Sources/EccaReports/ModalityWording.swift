/// How reports word a norm's modality: an obligation obliges, a prohibition forbids; other
/// modalities go by their name.
enum ModalityWording {
    /// "obliges", "forbids" (a provision's role in a finding).
    static func role(_ modality: String) -> String {
        switch modality {
        case "obligation": "obliges"
        case "prohibition": "forbids"
        default: modality
        }
    }

    /// "oblige", "forbid" (after "would", "may").
    static func verb(_ modality: String) -> String {
        switch modality {
        case "obligation": "oblige"
        case "prohibition": "forbid"
        default: modality
        }
    }
}
