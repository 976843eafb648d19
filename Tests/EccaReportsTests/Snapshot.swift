import Foundation
import Testing

/// Byte-for-byte comparison with a committed file in `Snapshots/`; `ECCA_UPDATE_SNAPSHOTS=1`
/// rewrites the files instead (then review the diff before committing it).
enum Snapshot {
    static var updating: Bool { ProcessInfo.processInfo.environment["ECCA_UPDATE_SNAPSHOTS"] == "1" }

    static func expectMatches(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = Fixtures.snapshots.appendingPathComponent(name)
        let bytes = Data(text.utf8)
        if updating {
            try FileManager.default.createDirectory(at: Fixtures.snapshots, withIntermediateDirectories: true)
            try bytes.write(to: url)
            return
        }
        guard let recorded = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no snapshot \(name): run the tests with ECCA_UPDATE_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        guard recorded != bytes else { return }
        let old = String(decoding: recorded, as: UTF8.self).components(separatedBy: "\n")
        let new = text.components(separatedBy: "\n")
        let line = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        let was = line < old.count ? old[line] : "<end of file>"
        let now = line < new.count ? new[line] : "<end of file>"
        Issue.record("""
            \(name) differs from the snapshot at line \(line + 1) (ECCA_UPDATE_SNAPSHOTS=1 rewrites it):
              snapshot: \(was.prefix(300))
              rendered: \(now.prefix(300))
            """, sourceLocation: sourceLocation)
    }
}
