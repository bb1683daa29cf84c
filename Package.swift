// swift-tools-version: 6.2
import PackageDescription

let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
  name: "ipt-advisor",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "ipt", targets: ["ipt"]),
    .library(name: "RuleEngine", targets: ["RuleEngine"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
  ],
  targets: [
    // Leaf: source files, locations, the one diagnostic type, and its text formatter.
    .target(name: "RuleDiagnostics", swiftSettings: strictSettings),
    // LOAD: YAML -> syntax model with locations; the expression parser. The only user of Yams.
    .target(
      name: "RuleSyntax",
      dependencies: ["RuleDiagnostics", .product(name: "Yams", package: "Yams")],
      swiftSettings: strictSettings),
    // EVALUATE + EXPLAIN: the runtime. Knows nothing of YAML or of the front end.
    .target(name: "RuleEngine", dependencies: ["RuleDiagnostics"], swiftSettings: strictSettings),
    // CHECK + COMPILE: names, types, graph, strata -> immutable Program; case syntax -> CaseFacts.
    .target(
      name: "RuleCompiler", dependencies: ["RuleDiagnostics", "RuleSyntax", "RuleEngine"],
      swiftSettings: strictSettings),
    // Tooling over the pipeline: pack tests, coverage.
    .target(
      name: "RuleTester",
      dependencies: ["RuleDiagnostics", "RuleSyntax", "RuleCompiler", "RuleEngine", "RuleWorkspace"],
      swiftSettings: strictSettings),
    // File IO at the edge: reading files, finding a pack's files, loading and compiling packs.
    .target(
      name: "RuleWorkspace",
      dependencies: ["RuleDiagnostics", "RuleSyntax", "RuleCompiler", "RuleEngine"],
      swiftSettings: strictSettings),
    // RENDER: text, Markdown, JSON. The only module that knows output formats.
    .target(
      name: "RuleRender", dependencies: ["RuleDiagnostics", "RuleEngine", "RuleTester"],
      swiftSettings: strictSettings),
    // The CLI: argument parsing, file IO, exit codes.
    .executableTarget(
      name: "ipt",
      dependencies: [
        "RuleDiagnostics", "RuleSyntax", "RuleCompiler", "RuleEngine", "RuleRender", "RuleTester",
        "RuleWorkspace", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings),
    // Test-only helpers: the repository root, loading packs and cases from disk.
    .target(
      name: "TestSupport",
      dependencies: ["RuleDiagnostics", "RuleSyntax", "RuleCompiler", "RuleEngine", "RuleWorkspace"],
      path: "Tests/TestSupport", swiftSettings: strictSettings),
    // Benchmark driver (docs/benchmarks.md).
    .executableTarget(
      name: "ipt-bench",
      dependencies: ["RuleDiagnostics", "RuleSyntax", "RuleCompiler", "RuleEngine", "RuleRender", "RuleWorkspace"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "RuleSyntaxTests", dependencies: ["RuleSyntax", "RuleDiagnostics", "TestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "RuleCompilerTests",
      dependencies: ["RuleCompiler", "RuleSyntax", "RuleDiagnostics", "RuleEngine", "TestSupport"],
      exclude: ["Fixtures"], swiftSettings: strictSettings),
    .testTarget(
      name: "RuleEngineTests",
      dependencies: ["RuleEngine", "RuleCompiler", "RuleSyntax", "RuleDiagnostics", "TestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "RuleRenderTests",
      dependencies: ["RuleRender", "RuleEngine", "RuleCompiler", "RuleDiagnostics", "TestSupport"],
      exclude: ["Snapshots"], swiftSettings: strictSettings),
    .testTarget(
      name: "FormulationCheckTests",
      dependencies: ["RuleRender", "RuleEngine", "RuleCompiler", "RuleSyntax", "RuleDiagnostics", "TestSupport", "RuleWorkspace"],
      exclude: ["Snapshots"], swiftSettings: strictSettings),
    .testTarget(
      name: "CLITests", dependencies: ["ipt", "TestSupport"], swiftSettings: strictSettings),
    .testTarget(
      name: "PackTests",
      dependencies: ["RuleTester", "RuleRender", "RuleEngine", "RuleCompiler", "RuleWorkspace", "RuleDiagnostics", "TestSupport"],
      exclude: ["Fixtures"], swiftSettings: strictSettings),
  ]
)
