import Foundation
import Mustache

/// The report templates, shipped as resources in `Templates/` and parsed once.
enum ReportTemplates {
    static let library: Result<MustacheLibrary, ReportError> = load()

    static func render(_ view: Any, template name: String) throws(ReportError) -> String {
        let library = try library.get()
        guard let text = library.render(view, withTemplate: name) else {
            throw .template(name: name, message: "not found among the resources")
        }
        return text
    }

    static let bundleName = "ecca_EccaReports"

    /// The `Templates` resource folder. Looked up by hand rather than with `Bundle.module`, whose
    /// accessor stops the process when the bundle is missing (an executable copied without it):
    /// beside the executable or test bundle (`.resources` on Linux, `.bundle` on macOS), in
    /// `../share/ecca` (an install), else the source checkout this was built from.
    static func templatesFolder() -> URL? {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        var bases = [Bundle.main.bundleURL, executable, executable.appendingPathComponent("../share/ecca").standardizedFileURL]
        bases += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        let fileManager = FileManager.default
        for base in bases {
            for candidate in ["\(bundleName).resources/Templates", "\(bundleName).bundle/Contents/Resources/Templates", "\(bundleName).bundle/Templates"] {
                let url = base.appendingPathComponent(candidate)
                if fileManager.fileExists(atPath: url.appendingPathComponent("html-head.mustache").path) { return url }
            }
        }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")
        return fileManager.fileExists(atPath: source.appendingPathComponent("html-head.mustache").path) ? source : nil
    }

    private static func load() -> Result<MustacheLibrary, ReportError> {
        // The Markdown escaping must be registered before any template naming it is parsed.
        MustacheContentTypes.register(MarkdownContentType(), named: MarkdownContentType.name)
        guard let folder = templatesFolder() else {
            return .failure(.template(name: "Templates", message: "the resource bundle \(bundleName).resources was not found beside the executable"))
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted()
        } catch {
            return .failure(.template(name: "Templates", message: "cannot list the resource folder"))
        }
        var library = MustacheLibrary()
        for file in names {
            let name = String(file.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else {
                return .failure(.template(name: name, message: "cannot read"))
            }
            do {
                try library.register(String(decoding: data, as: UTF8.self), named: name)
            } catch {
                return .failure(.template(name: name, message: "\(error)"))
            }
        }
        return .success(library)
    }
}
