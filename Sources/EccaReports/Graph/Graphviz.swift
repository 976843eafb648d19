import Foundation

/// Graphviz's `dot`, found on PATH, to draw conflict graphs as SVG for the HTML report.
public struct Graphviz: Sendable {
    public let executable: String

    public init(executable: String) { self.executable = executable }

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

    /// "2.43.0" from `dot -V` ("dot - graphviz version 2.43.0 (0)"), for the receipt.
    public func version() -> String? {
        guard let output = run(["-V"], input: "", captureStandardError: true), output.status == 0 else { return nil }
        let text = String(decoding: output.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let range = text.range(of: "version ") else { return text.isEmpty ? nil : text }
        return String(text[range.upperBound...].prefix { !$0.isWhitespace })
    }

    /// The picture of `dot` source: SVG when `dot` draws it and it is safe to embed, else why not.
    public func picture(ofDOT source: String) -> ConflictPicture {
        guard let output = run(["-Tsvg"], input: source, captureStandardError: false) else {
            return .notDrawn(reason: "Graphviz (\(executable)) could not be run; the conflict graph's DOT source follows.")
        }
        guard output.status == 0 else {
            return .notDrawn(reason: "Graphviz (\(executable)) failed with exit status \(output.status); the conflict graph's DOT source follows.")
        }
        guard let svg = SVGEmbedding.embeddable(String(decoding: output.data, as: UTF8.self)) else {
            return .notDrawn(reason: "Graphviz's SVG output was not embeddable; the conflict graph's DOT source follows.")
        }
        return .svg(svg)
    }

    private func run(_ arguments: [String], input: String, captureStandardError: Bool) -> (status: Int32, data: Data)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = captureStandardError ? stdout : FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        // dot reads all its input before it writes, so writing first cannot dead-lock.
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }
}
