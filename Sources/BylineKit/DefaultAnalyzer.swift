import BylineAttribution
import BylineCore
import BylineDates
import BylineEntities
import BylineExtract
import BylinePlaces
import BylineText
import Foundation

/// Byline's standard configuration: the stage order and the extractors, in one place.
public enum DefaultAnalyzer {
  /// The default stages, in run order, with lexicons loaded from `lexicons`.
  public static func stages(lexicons: LexiconStore) throws -> [any Stage] {
    let gazetteer = try Gazetteer.shared(from: lexicons)
    return [
      TokenizerStage(),
      try EntityStage(lexicons: lexicons, gazetteer: gazetteer),
      // Demonyms ("Syrian") resolve to the country they refer to, and place names inside
      // organisation names ("Washington Post") are places too (rule places.embedded), as
      // geoparsing benchmarks count them; filter on the rule to drop them. `localNames` stays
      // off: it reports names the gazetteer lacks with a neighbour's coordinates and no
      // GeoNames id, which a map user would take for a real resolution.
      try PlaceStage(lexicons: lexicons, options: .init(resolveDemonyms: true, embedded: true)),
      try DateStage(lexicons: lexicons),
      try QuoteStage(lexicons: lexicons),
      try SourceStage(lexicons: lexicons),
    ]
  }

  /// The default extractors.
  public static var extraction: ArticleExtraction {
    ArticleExtraction(
      html: { bytes, charset, url in
        try HTMLArticleExtractor.extract(html: bytes, charset: charset, url: url)
      },
      page: { _ in throw ExtractionUnavailable() })
  }

  /// The default extractors with the text-dump extractor, which reads its block headers and
  /// byline wording from `textdump/line_patterns.tsv` in `lexicons`.
  public static func extraction(lexicons: LexiconStore) throws -> ArticleExtraction {
    var ex = extraction
    let dump = try TextDumpExtractor(lexicons: lexicons)
    ex.page = { dump.extract(page: $0) }
    return ex
  }

  /// An analyzer that only extracts articles (no stages); with `lexicons`, text dumps
  /// (`page` input) are extracted too.
  public static func extractor(lexicons: LexiconStore? = nil) throws -> Analyzer {
    let ex = try lexicons.map { try extraction(lexicons: $0) } ?? extraction
    return Analyzer(pipeline: try Pipeline([]), extraction: ex)
  }

  /// An analyzer with the default stages and extractors.
  public static func make(lexicons: LexiconStore) throws -> Analyzer {
    Analyzer(pipeline: try Pipeline(stages(lexicons: lexicons)), extraction: try extraction(lexicons: lexicons))
  }
}

struct ExtractionUnavailable: Error, CustomStringConvertible {
  var description: String { "page extraction is not part of this build" }
}
