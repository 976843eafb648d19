import Foundation

/// Graphviz's `dot`, found on PATH, to draw conflict graphs as SVG for the HTML report. Every way
/// `dot` can fail (not startable, no file descriptor left, a crash, an exit without reading the
/// graph, a hang past `timeLimit`, output that is not SVG) gives a picture not drawn, with the
/// reason, never a crash or a hang of the report (`ChildProcess` runs it).
public struct Graphviz: Sendable {
    public let executable: String
    /// How long one run of `dot` may take before it is killed. 30 seconds: the conflict graph of
    /// a request of 200 items (160 KB of DOT, far beyond a real request) takes `dot` 8 seconds here,
    /// a usual one 16 ms, so only a `dot` that hangs or is very slow is stopped.
    public let timeLimit: Duration

    public static let defaultTimeLimit = Duration.seconds(30)

    public init(executable: String, timeLimit: Duration = Graphviz.defaultTimeLimit) {
        self.executable = executable
        self.timeLimit = timeLimit
    }

    /// `dot` on PATH, or nil when Graphviz is not installed.
    public static func locate(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> Graphviz? {
        for folder in (path ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = (String(folder) as NSString).appendingPathComponent("dot")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return Graphviz(executable: candidate)
            }
        }
        return nil
    }

    /// "2.43.0" from `dot -V` ("dot - graphviz version 2.43.0 (0)"), for the receipt; what the
    /// receipt says when `dot -V` names no version it can read (a wrapper that ignores `-V` and
    /// prints a picture put its whole output into the receipt); nil when `dot -V` fails.
    public func version() -> String? {
        let run = ChildProcess(executable: executable, arguments: ["-V"], mergeStandardError: true, timeLimit: timeLimit)
        guard let result = try? run.run(input: []), result.ending == .exited(status: 0) else { return nil }
        let text = String(decoding: result.output.prefix(4096), as: UTF8.self)
        let firstLine = text.prefix { $0 != "\n" }
        guard let range = firstLine.range(of: "version ") else { return Self.unreported }
        let version = firstLine[range.upperBound...].prefix { !$0.isWhitespace }
        guard (1...64).contains(version.count), version.unicodeScalars.allSatisfy(Self.versionCharacters.contains) else { return Self.unreported }
        return String(version)
    }

    static let unreported = "unknown (dot -V named no version)"
    private static let versionCharacters = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: "\u{0}"..."\u{7F}"))
        .union(CharacterSet(charactersIn: ".+-~_"))

    /// The picture of `dot` source: SVG when `dot` draws it and it is safe to embed, else why not.
    public func picture(ofDOT source: String) -> ConflictPicture {
        let result: ChildProcess.Result
        do {
            result = try ChildProcess(executable: executable, arguments: ["-Tsvg"], timeLimit: timeLimit).run(input: Array(source.utf8))
        } catch {
            return notDrawn("\(error)")
        }
        switch (result.ending, result.tookAllInput) {
        case (.exited(0), true):
            break
        case (.exited(0), false):
            return notDrawn("stopped reading the graph before its end")
        case (.exited(let status), let tookAllInput):
            return notDrawn("failed with exit status \(status)" + (tookAllInput ? "" : " without reading the whole graph"))
        case (.killed(let signal), _):
            return notDrawn("was killed by signal \(signal) (\(String(cString: strsignal(signal))))")
        }
        guard let svg = SVGEmbedding.embeddable(String(decoding: result.output, as: UTF8.self)) else {
            return .notDrawn(reason: "Graphviz's SVG output was not embeddable; the conflict graph's DOT source follows.")
        }
        return .svg(svg)
    }

    /// "Graphviz (/usr/bin/dot) <what happened>; the conflict graph's DOT source follows."
    private func notDrawn(_ whatHappened: String) -> ConflictPicture {
        .notDrawn(reason: "Graphviz (\(executable)) \(whatHappened); the conflict graph's DOT source follows.")
    }
}
