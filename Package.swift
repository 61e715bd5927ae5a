// swift-tools-version:6.1
import PackageDescription

/// Byline: news-article analysis. Library targets carry all logic; `byline` is a thin CLI.
let package = Package(
  name: "Byline",
  platforms: [.macOS(.v14)],
  products: [
    .library(name: "BylineKit", targets: ["BylineKit"]),
    .library(name: "BylineCore", targets: ["BylineCore"]),
    .executable(name: "byline", targets: ["BylineCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // MARK: C boundaries
    .systemLibrary(
      name: "CZlib", pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]),
    .target(
      name: "CBylineICU",
      linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]),

    // MARK: Library
    .target(name: "BylineCore"),
    .target(name: "BylineText", dependencies: ["BylineCore", "CBylineICU"]),
    .target(name: "BylineExtract", dependencies: ["BylineCore"]),
    .target(name: "BylinePlaces", dependencies: ["BylineCore"]),
    .target(name: "BylineEntities", dependencies: ["BylineCore", "BylinePlaces"]),
    .target(name: "BylineDates", dependencies: ["BylineCore"]),
    .target(name: "BylineAttribution", dependencies: ["BylineCore"]),
    .target(name: "BylineReports", dependencies: ["BylineCore"]),
    .target(
      name: "BylineKit",
      dependencies: [
        "BylineCore", "BylineText", "BylineExtract", "BylinePlaces", "BylineEntities",
        "BylineDates", "BylineAttribution", "BylineReports", "CZlib",
      ]),

    // MARK: CLI (no analysis logic)
    .executableTarget(
      name: "BylineCLI",
      dependencies: ["BylineKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

    // MARK: Tests
    .target(name: "BylineTestSupport", dependencies: ["BylineCore"], path: "Tests/BylineTestSupport"),
    .testTarget(name: "BylineCoreTests", dependencies: ["BylineCore", "BylineTestSupport"]),
    .testTarget(name: "BylineTextTests", dependencies: ["BylineText", "BylineTestSupport"]),
    .testTarget(name: "BylineExtractTests", dependencies: ["BylineExtract", "BylineTestSupport"]),
    .testTarget(name: "BylinePlacesTests", dependencies: ["BylinePlaces", "BylineTestSupport"]),
    .testTarget(
      name: "BylineEntitiesTests", dependencies: ["BylineEntities", "BylineText", "BylineTestSupport"]),
    .testTarget(name: "BylineDatesTests", dependencies: ["BylineDates", "BylineText", "BylineTestSupport"]),
    .testTarget(
      name: "BylineAttributionTests",
      dependencies: ["BylineAttribution", "BylineText", "BylineTestSupport"]),
    .testTarget(name: "BylineReportsTests", dependencies: ["BylineReports", "BylineTestSupport"]),
    .testTarget(
      name: "BylineKitTests", dependencies: ["BylineKit", "BylineText", "BylineTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
