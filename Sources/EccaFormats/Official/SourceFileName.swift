/// A source file's name as the imports quote it in notes and mint ids from: the last path
/// component, and that without its extension.
enum SourceFileName {
    /// `/a/b/L_202401689EN.000101.fmx.xml` → `L_202401689EN.000101.fmx.xml`.
    static func name(of path: String) -> String {
        String(path[(path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex)...])
    }

    /// `/a/b/rioKB_GDPR.xml` → `rioKB_GDPR` (only the last extension goes: `x.akn.xml` → `x.akn`).
    static func stem(of path: String) -> String {
        let name = name(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
