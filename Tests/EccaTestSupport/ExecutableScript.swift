import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A shell script for a test to run (a fake `dot`), written through a descriptor closed on exec.
/// A file some process still holds open for writing cannot be run ("Text file busy"): written the
/// usual way, its descriptor is inherited by a child another test case spawns at that moment, and
/// the script fails to start now and then on a loaded machine.
public enum ExecutableScript {
    /// Writes `#!/bin/sh` and `body` to `path`, mode 755.
    public static func write(_ body: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        let bytes = Array("#!/bin/sh\n\(body)\n".utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == bytes.count else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }
}
