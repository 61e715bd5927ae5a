import ArgumentParser

@main
struct Byline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "byline",
    abstract: "Finds the article in news pages and reports its quotes, entities, places, dates and sources.",
    discussion: """
      Reports follow the report contract (schema_version 1): see the README.
      """,
    subcommands: [Analyze.self, Extract.self, Stages.self, TrainNER.self])
}
