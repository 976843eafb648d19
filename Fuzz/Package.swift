// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets for ecca's readers of untrusted input (issue 8; the official importers, issue 7)
/// and its condition evaluator.
/// Kept out of the main package: they are built only with `-sanitize=fuzzer`, by
/// `scripts/fuzz.sh`, which also assembles the seed corpus from Regulations/ and Samples/.
let package = Package(
    name: "ecca-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "ecca", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "EccaAnalysis", package: "ecca")]),
        .executableTarget(name: "FuzzRulesReader", dependencies: ["FuzzSupport", .product(name: "EccaAnalysis", package: "ecca")]),
        .executableTarget(name: "FuzzRequestXML", dependencies: ["FuzzSupport", .product(name: "EccaAnalysis", package: "ecca")]),
        .executableTarget(name: "FuzzRequestJSON", dependencies: ["FuzzSupport", .product(name: "EccaAnalysis", package: "ecca")]),
        .executableTarget(name: "FuzzOfficialImport", dependencies: ["FuzzSupport", .product(name: "EccaAnalysis", package: "ecca")]),
        .executableTarget(name: "FuzzConditionEvaluator", dependencies: ["FuzzSupport", .product(name: "EccaAnalysis", package: "ecca")]),
    ],
    swiftLanguageModes: [.v6]
)
