/// A unit's provisions, handed on before their strings are made.
///
/// The CFR section reader works out a section's hierarchy and wording on the reading thread; the
/// provisions themselves (ids, citations, wordings: about ten strings each, half a million in a
/// large title) are built by `build` where they are consumed. Behind a `BackgroundSink` that is
/// the writing thread, so the two threads share the work and each frees what it allocated.
public struct ProvisionBatch: Sendable {
    /// The level of each provision, in order: the summary counts them without building them.
    public let levels: [ProvisionLevel]
    private let build: @Sendable () -> [ImportedProvision]

    public init(levels: [ProvisionLevel], build: @escaping @Sendable () -> [ImportedProvision]) {
        self.levels = levels
        self.build = build
    }

    /// The provisions, built now.
    public func provisions() -> [ImportedProvision] {
        let built = build()
        assert(built.map(\.level) == levels, "a provision batch built other levels than it announced")
        return built
    }

    /// The same batch with `change` applied to each provision when it is built.
    public func changingEach(_ change: @escaping @Sendable (inout ImportedProvision) -> Void) -> ProvisionBatch {
        let build = build
        return ProvisionBatch(levels: levels) {
            var built = build()
            for index in built.indices { change(&built[index]) }
            return built
        }
    }
}
