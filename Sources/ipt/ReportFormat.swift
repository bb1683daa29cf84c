import Advisor
import ArgumentParser
import Foundation
import RuleDiagnostics
import RuleRender

/// The formats of a human-readable or machine report.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text, markdown, html, json
}
