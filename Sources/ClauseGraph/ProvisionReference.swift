extension Provision {
    /// A `<cites>` or `<implements>` of another provision, with the line it is written on: a
    /// reference that resolves to nothing is reported there, not at its provision's start tag
    /// (the AI Diffusion rule's 4E091 starts 66 lines above its last `<cites>`).
    public struct Reference: Sendable, Hashable, Codable {
        /// The id of the provision referred to.
        public var id: String
        public var location: SourceLocation?

        public init(_ id: String, at location: SourceLocation? = nil) {
            self.id = id
            self.location = location
        }
    }
}
