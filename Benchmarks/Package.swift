// swift-tools-version:6.1
import PackageDescription

// Release-build benchmarks for Byline, kept in their own package so that the library's build
// (and CI) does not pay for the benchmark harness. Run: `cd Benchmarks && swift package benchmark`.
let package = Package(
  name: "BylineBenchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(name: "Byline", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "BylineBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "BylineKit", package: "Byline"),
      ],
      path: "Benchmarks/BylineBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")])
  ],
  swiftLanguageModes: [.v6]
)
