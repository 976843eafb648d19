/// The folder part of a path, as `NSString.deletingLastPathComponent` gives it: "" for a bare
/// name, "/" for a name in the root, trailing slashes ignored. Written here because
/// swift-corelibs-foundation traps on a one-character path ("b", "-", "x/"), which crashed
/// `-o b` before anything was written.
public enum PathFolder {
    public static func of(_ path: String) -> String {
        var name = Substring(path)
        while name.count > 1, name.hasSuffix("/") { name = name.dropLast() }
        guard let slash = name.lastIndex(of: "/") else { return "" }
        var folder = name[..<slash]
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(folder)
    }
}
