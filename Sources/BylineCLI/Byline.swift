import ArgumentParser
import BylineKit

@main
struct Byline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "byline", abstract: "News article analysis.")
}
