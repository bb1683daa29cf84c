import Advisor
import ArgumentParser
import RuleDiagnostics
import RuleRender
import RuleWorkspace

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, markdown, html, jsonl
}
