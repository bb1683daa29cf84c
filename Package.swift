// swift-tools-version: 6.2
import PackageDescription

let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("ExistentialAny"),
]

/// scripts/fuzz.sh builds the libFuzzer driver (below) with IPT_FUZZ=1. That build needs neither
/// the bundled pack nor its build tool, which cannot link there (libFuzzer brings its own `main`).
let fuzzing = Context.environment["IPT_FUZZ"] != nil

let package = Package(
  name: "ipt-advisor",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "ipt", targets: ["ipt"]),
    // The front door: load a pack, evaluate cases, check formulations, run pack tests.
    .library(name: "Advisor", targets: ["Advisor"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
  ],
  targets: [
    // Leaf: source files, locations, the one diagnostic type and its codes, the text formatter.
    .target(name: "RuleDiagnostics", swiftSettings: strictSettings),
    // The system libyaml (Debian's libyaml-dev), found by pkg-config.
    .systemLibrary(
      name: "CLibYAML", pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    // LOAD: YAML -> syntax model with locations; the expression parser. The only user of libyaml.
    .target(
      name: "RuleSyntax", dependencies: ["RuleDiagnostics", "CLibYAML"],
      swiftSettings: strictSettings),
    // EVALUATE + EXPLAIN: the runtime. Knows nothing of YAML or of the front end.
    .target(name: "RuleEngine", dependencies: ["RuleDiagnostics"], swiftSettings: strictSettings),
    // CHECK + COMPILE: names, types, graph, strata -> immutable Program; case syntax -> CaseFacts.
    .target(
      name: "RuleCompiler", dependencies: ["RuleDiagnostics", "RuleSyntax", "RuleEngine"],
      swiftSettings: strictSettings),
    // IO edge: reading files, a pack's folder (on disk or bundled), SHA-256 of what was read.
    .target(
      name: "RuleWorkspace",
      dependencies: ["RuleDiagnostics", .product(name: "Crypto", package: "swift-crypto")],
      swiftSettings: strictSettings, plugins: fuzzing ? [] : ["EmbedPackPlugin"]),
    // RENDER: the typed report, the document model and its text, Markdown, HTML and JSON forms.
    .target(
      name: "RuleRender", dependencies: ["RuleDiagnostics", "RuleEngine"],
      swiftSettings: strictSettings),
    // Tooling: pack tests, coverage, and their report.
    .target(
      name: "RuleTester",
      dependencies: [
        "RuleDiagnostics", "RuleSyntax", "RuleCompiler", "RuleEngine", "RuleRender",
        "RuleWorkspace",
      ],
      swiftSettings: strictSettings),
    // Tooling: a trainee's formulation against the engine, its policy and its report.
    .target(
      name: "TraineeCheck",
      dependencies: ["RuleDiagnostics", "RuleSyntax", "RuleCompiler", "RuleEngine", "RuleRender"],
      swiftSettings: strictSettings),
    // The front door that the CLI, the benchmark, the tests and later services call.
    .target(
      name: "Advisor",
      dependencies: [
        "RuleDiagnostics", "RuleSyntax", "RuleCompiler", "RuleEngine", "RuleWorkspace",
        "RuleRender",
        "RuleTester", "TraineeCheck",
      ],
      swiftSettings: strictSettings),
    // The supervisor's audit trail: an append-only, hash-chained SQLite store of runs and reviews.
    .target(
      name: "AuditStore",
      dependencies: [
        "Advisor", "RuleDiagnostics", "RuleEngine", "RuleRender", "RuleWorkspace", "TraineeCheck",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strictSettings),
    // The web workbench, the JSON API and the CDS Hooks service over the front door (ipt serve).
    .target(
      name: "AdvisorServer",
      dependencies: [
        "Advisor", "AuditStore", "RuleDiagnostics", "RuleEngine", "RuleRender", "RuleWorkspace",
        "TraineeCheck", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "MultipartKit", package: "multipart-kit"),
      ],
      swiftSettings: strictSettings),
    // The CLI: argument parsing, standard streams, exit codes. One file per command.
    .executableTarget(
      name: "ipt",
      dependencies: [
        "Advisor", "AdvisorServer", "AuditStore", "RuleDiagnostics", "RuleEngine", "RuleRender",
        "RuleTester",
        "RuleWorkspace", "TraineeCheck",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings),
    // Tooling: the fuzz targets' stages and the promise each checks (docs/reliability.md).
    .target(
      name: "RuleFuzz",
      dependencies: ["RuleDiagnostics", "RuleSyntax", "RuleCompiler", "RuleEngine"],
      swiftSettings: strictSettings),
    // Benchmark driver (docs/benchmarks.md).
    .executableTarget(
      name: "ipt-bench",
      dependencies: ["Advisor", "RuleDiagnostics", "RuleEngine", "RuleRender", "RuleWorkspace"],
      swiftSettings: strictSettings),
    // Build tool: writes the default pack (rules/ipt-core) into a Swift source file.
    .executableTarget(name: "EmbedPack", swiftSettings: strictSettings),
    .plugin(
      name: "EmbedPackPlugin", capability: .buildTool(), dependencies: ["EmbedPack"]),
    // Test-only helpers: the repository root, packs and cases through the front door.
    .target(
      name: "TestSupport",
      dependencies: ["Advisor", "RuleDiagnostics", "RuleEngine", "RuleWorkspace"],
      path: "Tests/TestSupport", swiftSettings: strictSettings),
    .testTarget(
      name: "RuleSyntaxTests", dependencies: ["RuleSyntax", "RuleDiagnostics", "TestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "RuleCompilerTests",
      dependencies: [
        "Advisor", "RuleCompiler", "RuleSyntax", "RuleDiagnostics", "RuleEngine", "RuleWorkspace",
        "TestSupport",
      ],
      exclude: ["Fixtures"], swiftSettings: strictSettings),
    .testTarget(
      name: "RuleEngineTests",
      dependencies: ["Advisor", "RuleEngine", "RuleDiagnostics", "TestSupport"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "RuleRenderTests",
      dependencies: ["Advisor", "RuleRender", "RuleEngine", "RuleDiagnostics", "TestSupport"],
      exclude: ["Snapshots"], swiftSettings: strictSettings),
    .testTarget(
      name: "FormulationCheckTests",
      dependencies: [
        "Advisor", "TraineeCheck", "RuleRender", "RuleEngine", "RuleDiagnostics", "TestSupport",
      ],
      exclude: ["Snapshots"], swiftSettings: strictSettings),
    .testTarget(
      name: "CLITests",
      dependencies: ["ipt", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: strictSettings),
    .testTarget(
      name: "PackTests",
      dependencies: [
        "Advisor", "RuleFuzz", "RuleTester", "TraineeCheck", "RuleRender", "RuleEngine",
        "RuleCompiler", "RuleSyntax", "RuleWorkspace",
        "RuleDiagnostics", "TestSupport",
      ],
      exclude: ["Fixtures"], swiftSettings: strictSettings),
    .testTarget(
      name: "AuditStoreTests",
      dependencies: [
        "Advisor", "AuditStore", "RuleDiagnostics", "RuleEngine", "RuleRender", "RuleWorkspace",
        "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
      ],
      exclude: ["Snapshots"], swiftSettings: strictSettings),
    .testTarget(
      name: "AdvisorServerTests",
      dependencies: [
        "Advisor", "AdvisorServer", "AuditStore", "RuleDiagnostics", "RuleEngine", "RuleRender",
        "TestSupport", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: strictSettings),
    .testTarget(
      name: "ArchitectureTests", dependencies: ["TestSupport"], swiftSettings: strictSettings),
  ]
)

// The libFuzzer driver has no main of its own (libFuzzer's is linked in by --sanitize=fuzzer), so it
// is part of the package only for scripts/fuzz.sh, which sets IPT_FUZZ=1.
if fuzzing {
  package.targets.append(
    .executableTarget(
      name: "ipt-fuzz", dependencies: ["RuleDiagnostics", "RuleEngine", "RuleFuzz"],
      swiftSettings: strictSettings))
}
