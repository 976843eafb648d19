import Foundation
import PackagePlugin

/// Writes the commit ecca is built from into the `ecca` target (`BuildCommit.commit`), so that a
/// report's receipt names the build that made it: "0.1.0" alone has named every build since the
/// first. A prebuild command, so that it runs on every build and sees a new commit; it rewrites
/// the file only when the commit changed, so an unchanged tree recompiles nothing.
@main
struct BuildCommitPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildCommit")
        // `git describe` would need tags; the commit, with "+modified" for a tree with uncommitted
        // changes to tracked files, and "unknown" outside a git checkout (a source archive).
        let script = """
            commit=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null) || commit=unknown
            if [ "$commit" != unknown ] && [ -n "$(git -C "$1" status --porcelain --untracked-files=no 2>/dev/null | head -n 1)" ]; then
              commit="$commit+modified"
            fi
            mkdir -p "$2"
            text="/// The commit this ecca was built from (written by BuildCommitPlugin).
            enum BuildCommit { static let commit = \\"$commit\\" }"
            [ "$(cat "$2/BuildCommit.swift" 2>/dev/null)" = "$text" ] || printf '%s\\n' "$text" > "$2/BuildCommit.swift"
            """
        return [.prebuildCommand(displayName: "Recording the commit ecca is built from",
                                 executable: URL(fileURLWithPath: "/bin/sh"),
                                 arguments: ["-c", script, "sh", context.package.directoryURL.path, output.path],
                                 outputFilesDirectory: output)]
    }
}
