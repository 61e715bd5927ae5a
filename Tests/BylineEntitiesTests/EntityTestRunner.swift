import BylineCore
import BylineEntities
import BylineTestSupport
import BylineText
import Testing

/// The entity stage over the repository's lexicons and a small hand-made gazetteer, shared by
/// the entity test suites.
enum EntityTestRunner {
  static let stage: EntityStage? = try? EntityStage(
    lexicons: LexiconStore(directory: TestPaths.lexicons), gazetteer: TestGazetteer.make())

  /// Tokenizes `text` and runs the entity stage on it.
  static func run(_ text: String) throws -> Document {
    var doc = DocumentBuilder.make(text)
    try TokenizerStage().process(&doc)
    try #require(stage).process(&doc)
    return doc
  }
}
