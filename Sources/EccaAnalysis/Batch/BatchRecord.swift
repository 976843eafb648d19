import EccaFormats
import Foundation

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
    /// The record as read where the payload does not hold it: a CSV request's header and rows
    /// (`RequestCSVReader.Record.text`), a truncated last line.
    public var text: String? = nil

    /// The SHA-256 of the record as read, which its output line carries (`recordSHA256`) so that a
    /// resumed run can tell that the input record is still the one the line was made from: an
    /// NDJSON line without its line ending, a request file's bytes, a CSV request's `text`. Nil
    /// for a record that could not be read (a line over the length limit or not UTF-8, an input
    /// or file that cannot be opened). A request file is read again to hash it: the worker that
    /// analyses it hashes the bytes it decodes instead (`BatchRunner.Worker`).
    func digest() -> SHA256.Digest? {
        switch payload {
        case .json(let line): return SHA256.digest(of: line)
        case .file(let path): return (try? RequestLoader.read(path)).map { SHA256.digest(of: $0) }
        case .request, .failed: return text.map(SHA256.digest(of:))
        }
    }

    /// The request's id where it can be told without analysing it (a resumed run checks its
    /// output against the input by id); nil for a folder's file, or a line that names none.
    var requestID: String? {
        switch payload {
        case .json(let line):
            return (try? JSONParser.parse(line))?["id"]?.string
        case .request(let request): return request.id
        case .file: return nil
        case .failed(let error): return error.requestID
        }
    }
}

/// Where a batch reads from, in order.
public struct BatchInput: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case ndjson, csv, folder
        /// One request file, as a folder holds them.
        case file
    }
    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// `path` read as docs/batch.md says: `-` is standard input (`standardInput`), a folder is a
    /// folder of request files, `.csv` is CSV, a request file (`RequestLoader.isRequestFile`) is
    /// one request, except a `.json` file whose first non-blank line is a whole JSON object, which
    /// is NDJSON, as is anything else. (In a folder every request file is one request.)
    public init(path: String, standardInput: Kind = .ndjson) {
        self.path = path
        let lowercased = path.lowercased()
        if path == "-" {
            kind = standardInput
        } else if FileKind(path: path) == .folder {
            kind = .folder
        } else if lowercased.hasSuffix(".csv") {
            kind = .csv
        } else if RequestLoader.isRequestFile(path) && !(lowercased.hasSuffix(".json") && Self.opensWithAWholeObject(path)) {
            kind = .file
        } else {
            kind = .ndjson
        }
    }

    /// Whether the first non-blank line of the file at `path` is a whole JSON object, as an NDJSON
    /// line is (true, too, when the file cannot be read: NDJSON reading then says why).
    static func opensWithAWholeObject(_ path: String) -> Bool {
        guard let reader = try? LineReader(path: path) else { return true }
        while let line = reader.next() {
            if reader.lastLineProblem != nil { return true }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            return trimmed.hasPrefix("{") && trimmed.hasSuffix("}")
        }
        return true
    }
}
