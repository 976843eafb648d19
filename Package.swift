// swift-tools-version:6.0
import PackageDescription

/// ecca: export-control conflict analyzer.
///
/// The library core follows the pipeline: `EccaXML` (safe streaming reader over libxml2) →
/// `ClauseGraph` (instruments, provisions, norms, conditions, lint, status selection) →
/// `EccaFormats` (rules XML and disclosure requests) → `EccaAnalysis` (Z3 encoding, verdicts,
/// explanations) → `EccaReports` (text, JSON, DOT renderers of the analysis values).
/// `EccaSMT` is the only module that sees Z3's C API; `EccaXML` the only one that sees libxml2's. The `ecca` executable is a thin command line over them.
let package = Package(
    name: "ecca",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ecca", targets: ["ecca"]),
        .library(name: "EccaAnalysis", targets: ["EccaAnalysis", "EccaFormats", "ClauseGraph", "EccaXML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        .systemLibrary(
            name: "CZ3",
            pkgConfig: "z3",
            providers: [.apt(["libz3-dev"]), .brew(["z3"])]
        ),
        // What ecca prints from its inputs, made safe to print (`ControlCharacters`): below every module that prints.
        .target(name: "EccaText"),
        .target(name: "EccaXML", dependencies: ["CLibXML2", "EccaText"]),
        .target(name: "EccaSMT", dependencies: ["CZ3"]),
        .target(name: "ClauseGraph", dependencies: ["EccaText"]),
        .target(name: "EccaFormats", dependencies: ["EccaXML", "ClauseGraph", "CLibCrypto", "EccaText"]),
        .target(name: "EccaAnalysis", dependencies: ["ClauseGraph", "EccaFormats", "EccaSMT"]),
        .target(
            name: "EccaReports",
            dependencies: ["EccaAnalysis", "EccaFormats", "ClauseGraph", "EccaXML", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates")]
        ),
        .executableTarget(
            name: "ecca",
            dependencies: [
                "EccaAnalysis", "EccaReports", "EccaFormats", "ClauseGraph", "EccaXML", "EccaSMT",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildCommitPlugin"]
        ),
        // The commit a build is made from, for the receipts of its reports.
        .plugin(name: "BuildCommitPlugin", capability: .buildTool()),
        .target(name: "EccaTestSupport", path: "Tests/EccaTestSupport"),
        .testTarget(name: "EccaXMLTests", dependencies: ["EccaXML", "EccaTestSupport"]),
        .testTarget(name: "EccaSMTTests", dependencies: ["EccaSMT", "EccaTestSupport"]),
        .testTarget(name: "ClauseGraphTests", dependencies: ["ClauseGraph", "EccaFormats", "EccaTestSupport"]),
        .testTarget(name: "EccaAnalysisTests", dependencies: ["EccaAnalysis", "EccaFormats", "ClauseGraph", "EccaTestSupport"]),
        .testTarget(name: "EccaFormatsTests", dependencies: ["EccaFormats", "EccaXML", "ClauseGraph", "EccaTestSupport"]),
        .testTarget(name: "EccaReportsTests", dependencies: ["EccaReports", "EccaAnalysis", "EccaFormats", "ClauseGraph", "EccaTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "EccaCLITests", dependencies: ["ecca", "EccaFormats", "EccaTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
