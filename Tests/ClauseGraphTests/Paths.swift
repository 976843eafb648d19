import Foundation

/// Paths the tests read: the checkout's own files and, where present, the shared corpora beside it.
enum Paths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let regulations = root.appendingPathComponent("Regulations").path
    static let samples = root.appendingPathComponent("Samples").path
    static let formex = root.appendingPathComponent("../shared/corpora/official-xml/formex-ai-act-2024-1689").standardizedFileURL.path
}
