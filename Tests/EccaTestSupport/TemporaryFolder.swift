import Foundation

/// Fresh folders for tests that need files on disk. They all sit in one folder per test process,
/// which is removed when the process exits, so a test run leaves nothing behind in the system's
/// temporary directory (a suite makes thousands of them).
public enum TemporaryFolder {
    /// `<tmp>/ecca-tests-<pid>`; made, and its removal at exit registered, on first use.
    static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ecca-tests-\(getpid())")
        try? FileManager.default.removeItem(at: root)  // a folder left by a crashed run with this pid
        atexit { try? FileManager.default.removeItem(at: TemporaryFolder.root) }
        return root
    }()

    /// A new, empty folder, named after `label` to tell it apart when a test fails.
    public static func make(_ label: String = "test") throws -> URL {
        let folder = root.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
