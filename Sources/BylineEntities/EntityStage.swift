import BylineCore
import BylinePlaces
import Foundation

/// Finds named entities (PERSON, ORG, PLACE, MISC) and links mentions of one entity.
///
/// - Requires: `tokens`, `sentences`.
/// - Produces: `entities`, in text order, non-overlapping, each with `entityID` ("E1"… in
///   order of first mention), `canonical` (the fullest name in the article) and `rule`
///   (`entities.<rule>`, see ``RuleMentionFinder``).
/// - Options: the ``MentionFinder`` (default: ``PerceptronMentionFinder`` when
///   `Lexicons/models/ner.model` exists, else ``RuleMentionFinder`` over `Lexicons/entities/`
///   and the shared ``Gazetteer``); coreference is ``EntityCoreference``.
/// - Limits: English; CoNLL-2003 span conventions (no leading "the", titles outside PERSON
///   spans: "Turkish President Recep Tayyip Erdogan" → MISC "Turkish" + PERSON "Recep Tayyip
///   Erdogan"); unknown names are typed by guesswork.
public struct EntityStage: Stage {
  public let name = "entities"
  /// Says which finder runs: the trained tagger or the rules.
  public var summary: String {
    let how =
      finder is PerceptronMentionFinder
      ? "averaged-perceptron tagger over lexicon and rule features"
      : "lexicons, capitalisation and context rules"
    return "Named entities (PERSON/ORG/PLACE/MISC) by \(how), linked within the article"
  }
  public let requires: Set<Layer> = [.tokens, .sentences]
  public let produces: Set<Layer> = [.entities]

  public let finder: any MentionFinder
  public let coreference: EntityCoreference

  /// The shipped tagger model, inside the Lexicons folder.
  public static let modelPath = "models/ner.model"

  /// The stage with its lexicons loaded from `Lexicons/entities/`: the trained tagger
  /// (``PerceptronMentionFinder``) when `Lexicons/models/ner.model` exists, otherwise the
  /// rule-based finder alone.
  public init(lexicons: LexiconStore, gazetteer: Gazetteer) throws {
    let entityLexicons = try EntityLexicons(lexicons: lexicons)
    let rules = RuleMentionFinder(lexicons: entityLexicons, gazetteer: gazetteer)
    let modelURL = lexicons.url(EntityStage.modelPath)
    if FileManager.default.fileExists(atPath: modelURL.path) {
      let model = try PerceptronNERModel(contentsOf: modelURL)
      self.init(finder: PerceptronMentionFinder(model: model, lexicons: entityLexicons, gazetteer: gazetteer, rules: rules))
    } else {
      self.init(finder: rules)
    }
  }

  /// A stage over any mention finder (a trained tagger, or rules with in-memory lexicons).
  public init(finder: any MentionFinder, coreference: EntityCoreference = EntityCoreference()) {
    self.finder = finder
    self.coreference = coreference
  }

  public func process(_ document: inout Document) throws {
    document.entities = coreference.link(finder.mentions(in: document), in: document)
  }
}
