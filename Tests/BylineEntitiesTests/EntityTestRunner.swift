import BylineCore
import BylineEntities
import BylineTestSupport
import BylineText
import Testing

/// The rule-based entity stage over the repository's lexicons and a small hand-made gazetteer, shared by
/// the entity test suites.
enum EntityTestRunner {
  /// The rule-based finder alone (these suites test the rules, whether or not a tagger
  /// model is installed).
  static let stage: EntityStage? = try? EntityStage(
    finder: RuleMentionFinder(
      lexicons: EntityLexicons(lexicons: LexiconStore(directory: TestPaths.lexicons)), gazetteer: TestGazetteer.make()))

  /// Tokenizes `text` and runs the entity stage on it.
  static func run(_ text: String) throws -> Document {
    var doc = DocumentBuilder.make(text)
    try TokenizerStage().process(&doc)
    try #require(stage).process(&doc)
    return doc
  }
}
