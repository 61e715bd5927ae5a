import BylineCore
import BylinePlaces

/// Finds PERSON / ORG / PLACE / MISC mentions with lexicons, capitalisation and context rules.
///
/// How it works, per document:
/// 1. Words (``WordBuilder``) are grouped into runs of capitalised words, allowing name
///    particles and "of"/"&" between them ("Ludwig van Beethoven", "Bank of England"). A run
///    never starts with a stop-word ("The European Union" → "European Union") nor contains a
///    month or weekday; a sentence-initial word that the article also uses in lower case is
///    dropped ("Reading the report" ↛ "Reading").
/// 2. Each run is typed by the first rule that applies (see ``classify``): known name,
///    organisation head, "<head> of <Name>", title before a name (title kept outside),
///    demonym, given name, gazetteer, cue verb, acronym.
/// 3. Document-level rules: a single word equal to the surname of a person named earlier or
///    later is that person ("Erdogan"); an untyped run takes the type of the same string
///    typed elsewhere; an untyped sentence-initial word with no other evidence is dropped.
/// 4. Sentences written in capitals or title case (headlines, datelines) are matched
///    case-insensitively against the names found in the body and the lexicons only.
///
/// Limits: English only; no nested entities; sports clubs named after places come out as
/// PLACE; types of unknown names are a guess (two or three capitalised words → PERSON,
/// one word → ORG).
public struct RuleMentionFinder: MentionFinder {
  public let lexicons: EntityLexicons
  public let gazetteer: Gazetteer
  /// Smallest population for a gazetteer city to count as a place when its word starts a
  /// sentence or stands in a headline (countries and first-order divisions always count).
  public var sentenceStartPopulation: Int

  public init(lexicons: EntityLexicons, gazetteer: Gazetteer, sentenceStartPopulation: Int = 100_000) {
    self.lexicons = lexicons
    self.gazetteer = gazetteer
    self.sentenceStartPopulation = sentenceStartPopulation
  }

  public func mentions(in document: Document) -> [EntityMention] {
    var scan = Scan(finder: self, words: WordBuilder.words(in: document, stopwords: lexicons.stopwords), sentenceCount: document.sentences.count)
    scan.findRuns()
    scan.resolveDocumentLevel()
    scan.matchCaselessSentences()
    scan.markResultLines()
    scan.markTeams()
    return scan.output()
  }
}
