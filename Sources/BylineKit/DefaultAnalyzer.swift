import BylineAttribution
import BylineCore
import BylineExtract
import BylineText
import Foundation

/// Byline's standard configuration: the stage order and the extractors, in one place.
public enum DefaultAnalyzer {
  /// The default stages, in run order, with lexicons loaded from `lexicons`.
  public static func stages(lexicons: LexiconStore) throws -> [any Stage] {
    [
      TokenizerStage(),
      // No entity stage yet: quotes resolve speakers from capitalised name runs.
      try QuoteStage(lexicons: lexicons, usesEntities: false),
      try SourceStage(lexicons: lexicons, usesEntities: false),
    ]
  }

  /// The default extractors.
  public static var extraction: ArticleExtraction {
    ArticleExtraction(
      html: { _, _, _ in throw ExtractionUnavailable() },
      page: { _ in throw ExtractionUnavailable() })
  }

  /// An analyzer that only extracts articles (no stages, no lexicons needed).
  public static func extractor() throws -> Analyzer {
    Analyzer(pipeline: try Pipeline([]), extraction: extraction)
  }

  /// An analyzer with the default stages and extractors.
  public static func make(lexicons: LexiconStore) throws -> Analyzer {
    Analyzer(pipeline: try Pipeline(stages(lexicons: lexicons)), extraction: extraction)
  }
}

struct ExtractionUnavailable: Error, CustomStringConvertible {
  var description: String { "page extraction is not part of this build" }
}
