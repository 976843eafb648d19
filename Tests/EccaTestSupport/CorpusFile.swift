import Foundation

/// The corpus holds real official texts that nobody here wrote; it lives beside the project, not
/// in it, so a test that needs one of its files is skipped where the file is absent, and says so.
public enum CorpusFile {
    public static func available(_ path: String, _ test: String = #function) -> Bool {
        if FileManager.default.fileExists(atPath: path) { return true }
        print("skipped \(test): corpus file not found at \(path)")
        return false
    }
}
