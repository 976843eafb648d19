import EccaFormats

extension ConflictEngine {
    /// One channel an item may be disclosed through: the one asked for or an alternative the
    /// requester accepts, with the request as if that channel were the one asked for (so that
    /// `itemSlots` checks it).
    struct AcceptedChannel {
        var item: Int
        var channel: String
        var request: DisclosureRequest
    }

    /// Every item's accepted channels, in item order, the channel asked for first and each once,
    /// as the analysis checks them: what the timeline's look-ups (engaged provisions, changes of
    /// condition, other readings) walk.
    func acceptedChannels(of request: DisclosureRequest) -> [AcceptedChannel] {
        request.items.indices.flatMap { index in
            Self.channels(of: request.items[index]).map { channel in
                var variant = request
                variant.items[index].channel = channel
                return AcceptedChannel(item: index, channel: channel, request: variant)
            }
        }
    }

    /// An item's accepted channels: the one asked for, then the alternatives, each once.
    static func channels(of item: DisclosureRequest.Item) -> [String] {
        var channels = [item.channel]
        for alternative in item.alternatives ?? [] where !channels.contains(alternative) { channels.append(alternative) }
        return channels
    }
}
