import EccaFormats

/// One record of a batch, in input order: a request to analyse, or the error that made it unusable.
public struct BatchRecord: Sendable {
    public enum Payload: Sendable {
        /// One NDJSON line, decoded by the worker that analyses it.
        case json(String)
        /// A request already decoded (CSV rows).
        case request(DisclosureRequest)
        /// A request file of a folder input, read by the worker.
        case file(String)
        case failed(RequestError)
    }

    /// Position in the whole input (before sharding), from 0.
    public var index: Int
    public var file: String
    public var line: Int
    public var payload: Payload
}

/// Where a batch reads from, in order.
public struct BatchInput: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case ndjson, csv, folder }
    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }
}
