import Advisor
import ArgumentParser
import Foundation
import RuleDiagnostics
import RuleRender

extension ExitCode {
  static let invalidInput = ExitCode(2)
}
