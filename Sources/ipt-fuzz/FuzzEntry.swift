import Foundation
import RuleDiagnostics
import RuleEngine
import RuleFuzz

// The libFuzzer entry points (built only with IPT_FUZZ=1 and --sanitize=fuzzer; see
// scripts/fuzz.sh). IPT_FUZZ_TARGET names the target: yaml, expression, case or pack.

/// The target chosen by IPT_FUZZ_TARGET.
nonisolated(unsafe) private var target = FuzzTarget.yaml
/// The default pack, for the case target (read from IPT_FUZZ_PACK, default rules/ipt-core).
nonisolated(unsafe) private var casePack: Program?

/// libFuzzer calls this once before the first input: picks the target and loads the pack.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
  _ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  let environment = ProcessInfo.processInfo.environment
  let name = environment["IPT_FUZZ_TARGET"] ?? "yaml"
  guard let chosen = FuzzTarget(rawValue: name) else {
    FileHandle.standardError.write(Data("ipt-fuzz: unknown IPT_FUZZ_TARGET '\(name)'\n".utf8))
    exit(64)
  }
  target = chosen
  if chosen == .caseFile {
    let folder = environment["IPT_FUZZ_PACK"] ?? "rules/ipt-core"
    let manager = FileManager.default
    let paths = (manager.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
      .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("tests/") && !$0.hasPrefix("cases/") }
    let files = paths.sorted().compactMap { path in
      (try? String(contentsOfFile: "\(folder)/\(path)", encoding: .utf8)).map {
        SourceFile(path: "\(folder)/\(path)", text: $0)
      }
    }
    casePack = FuzzTarget.program(directory: folder, files: files).value
    if casePack == nil {
      FileHandle.standardError.write(Data("ipt-fuzz: the pack \(folder) does not compile\n".utf8))
      exit(70)
    }
  }
  return 0
}

/// libFuzzer calls this for every input: runs the target and checks the promise.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  do {
    _ = try target.run(bytes, casePack: casePack)
  } catch {
    FileHandle.standardError.write(Data("ipt-fuzz: \(target.rawValue): \(error)\n".utf8))
    abort()
  }
  return 0
}
