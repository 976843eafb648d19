// swift-tools-version:6.0
import PackageDescription

/// Benchmarks for ecca, kept out of the main package so its build stays light.
/// `Benchmarks/batch-bench.sh` builds and runs them; see the README's performance section.
let package = Package(
    name: "ecca-benchmarks",
    platforms: [.macOS(.v14)],
    // Named, because a path dependency is otherwise known by its folder name, which differs per checkout.
    dependencies: [.package(name: "ecca", path: "..")],
    targets: [
        .executableTarget(
            name: "FreshSolverBaseline",
            dependencies: [.product(name: "EccaAnalysis", package: "ecca")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
