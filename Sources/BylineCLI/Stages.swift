import ArgumentParser
import BylineKit
import Foundation

struct Stages: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the analysis stages in run order, with what each requires and produces.")

  @Option(help: "The Lexicons folder.")
  var lexicons: String?

  func run() throws {
    let store = try LexiconLocator.locate(explicit: lexicons, executablePath: CommandLine.arguments[0])
    let analyzer = try DefaultAnalyzer.make(lexicons: store)
    print(StageTable.render(analyzer.pipeline))
  }
}
