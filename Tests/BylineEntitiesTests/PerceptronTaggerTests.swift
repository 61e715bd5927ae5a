import BylineCore
@testable import BylineEntities
import BylineTestSupport
import BylineText
import Foundation
import Testing

/// The averaged-perceptron tagger: tag encoding, training on hand-made sentences, the model
/// file, and the shipped model.
@Suite struct PerceptronTaggerTests {
  static let lexicons = EntityLexicons(
    titles: ["president", "minister"], orgHeads: ["Bank", "Party"], orgOfHeads: ["Bank"],
    knownNames: [("Acme", .org)], demonyms: [("French", "FR")], firstNames: ["Alice", "Bob", "Carol"],
    stopwords: ["The"], calendar: ["Monday"], cueVerbs: ["said"])

  /// Hand-made training sentences (written by the Byline team) with their mentions.
  static let corpus: [(String, [(String, EntityType)])] = [
    ("Alice Morgan met Bob Stone in Paris on Monday.", [("Alice Morgan", .person), ("Bob Stone", .person), ("Paris", .place)]),
    ("The Central Bank said Carol Hunt will visit Moscow.", [("Central Bank", .org), ("Carol Hunt", .person), ("Moscow", .place)]),
    ("French officials praised Acme for its work in Ankara.", [("French", .misc), ("Acme", .org), ("Ankara", .place)]),
    ("Bob Stone left the Labour Party and moved to Damascus.", [("Bob Stone", .person), ("Labour Party", .org), ("Damascus", .place)]),
    ("In Paris, Carol Hunt joined Acme as a French engineer.", [("Paris", .place), ("Carol Hunt", .person), ("Acme", .org), ("French", .misc)]),
    ("Alice Morgan said the Central Bank would act.", [("Alice Morgan", .person), ("Central Bank", .org)]),
  ]

  static func document(_ text: String, _ mentions: [(String, EntityType)]) throws -> (Document, [EntityMention]) {
    var doc = DocumentBuilder.make(text)
    try TokenizerStage().process(&doc)
    var gold: [EntityMention] = []
    var after = 0
    for (name, type) in mentions {
      let r = try #require(DocumentBuilder.range(of: name, in: doc, after: after))
      gold.append(EntityMention(range: r, type: type, rule: "gold"))
      after = r.utf8End
    }
    return (doc, gold.sorted { $0.range < $1.range })
  }

  static func trainTiny() throws -> (PerceptronNERModel, NERFeatureExtractor) {
    let extractor = NERFeatureExtractor(lexicons: lexicons, gazetteer: TestGazetteer.make(), rules: nil, bucketBits: 14)
    var trainer = PerceptronNERTrainer(extractor: extractor)
    let examples = try corpus.map { text, mentions in
      let (doc, gold) = try document(text, mentions)
      return NERExample(features: extractor.features(doc), gold: NERTags.encode(gold, tokens: doc.tokens))
    }
    for _ in 0..<10 { for e in examples { trainer.train(e) } }
    return (trainer.averagedModel(), extractor)
  }

  @Test func tagsRoundTripThroughBIO() throws {
    let (doc, gold) = try Self.document(Self.corpus[1].0, Self.corpus[1].1)
    let tags = NERTags.encode(gold, tokens: doc.tokens)
    // "The Central Bank said …": O B-ORG I-ORG O …
    #expect(Array(tags.prefix(4)) == [0, 3, 4, 0])
    let back = NERTags.decode(tags, tokens: doc.tokens, rule: "gold")
    #expect(back.map(\.range) == gold.map(\.range))
    #expect(back.map(\.type) == gold.map(\.type))
  }

  @Test func learnsTheTrainingSentences() throws {
    let (model, extractor) = try Self.trainTiny()
    var score = NERScore()
    for (text, mentions) in Self.corpus {
      let (doc, gold) = try Self.document(text, mentions)
      let tags = model.tag(extractor.features(doc), extractor: extractor)
      score.add(predicted: NERTags.decode(tags, tokens: doc.tokens, rule: "t"), gold: gold)
    }
    #expect(score.f1 == 1, "\(score)")
  }

  @Test func generalisesToANewSentence() throws {
    let (model, _) = try Self.trainTiny()
    let finder = PerceptronMentionFinder(model: model, lexicons: Self.lexicons, gazetteer: TestGazetteer.make(), rules: nil)
    var doc = DocumentBuilder.make("Carol Hunt met Alice Morgan in Moscow.")
    try TokenizerStage().process(&doc)
    try EntityStage(finder: finder).process(&doc)
    let found = doc.entities.map { "\(doc.string($0.range))/\($0.type.rawValue)" }
    #expect(found == ["Carol Hunt/PERSON", "Alice Morgan/PERSON", "Moscow/PLACE"])
    #expect(doc.entities.allSatisfy { $0.rule == "entities.tagger" && !$0.entityID.isEmpty })
  }

  @Test func modelFileRoundTrips() throws {
    let (model, extractor) = try Self.trainTiny()
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("byline-ner-\(ProcessInfo.processInfo.processIdentifier).model")
    defer { try? FileManager.default.removeItem(at: url) }
    try model.write(to: url)
    let loaded = try PerceptronNERModel(contentsOf: url)
    #expect(loaded.bucketBits == 14 && loaded.usesGazetteer && !loaded.usesRules)
    for (text, mentions) in Self.corpus {
      let (doc, _) = try Self.document(text, mentions)
      let f = extractor.features(doc)
      #expect(loaded.tag(f, extractor: extractor) == model.tag(f, extractor: extractor))
    }
  }

  @Test func rejectsAFileThatIsNotAModel() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("byline-not-a-model-\(ProcessInfo.processInfo.processIdentifier)")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data("hello".utf8).write(to: url)
    #expect(throws: LexiconError.self) { try PerceptronNERModel(contentsOf: url) }
  }

  @Test func trainingIsDeterministic() throws {
    let (a, _) = try Self.trainTiny()
    let (b, _) = try Self.trainTiny()
    #expect(a.nonZeroCount == b.nonZeroCount && a.nonZeroCount > 0)
  }

  /// The shipped model (when installed) loads quickly and finds the names of a plain sentence.
  @Test func shippedModelTagsAPlainSentence() throws {
    let store = LexiconStore(directory: TestPaths.lexicons)
    let url = store.url(EntityStage.modelPath)
    guard FileManager.default.fileExists(atPath: url.path) else { return }
    let t0 = ContinuousClock.now
    let model = try PerceptronNERModel(contentsOf: url)
    #expect(ContinuousClock.now - t0 < .seconds(5))  // debug build; release loads in ~40 ms
    let lex = try EntityLexicons(lexicons: store)
    let gazetteer = TestGazetteer.make()
    let finder = PerceptronMentionFinder(
      model: model, lexicons: lex, gazetteer: gazetteer, rules: RuleMentionFinder(lexicons: lex, gazetteer: gazetteer))
    var doc = DocumentBuilder.make("Turkish President Recep Tayyip Erdogan met Angela Merkel in Ankara on Monday.")
    try TokenizerStage().process(&doc)
    let found = finder.mentions(in: doc).map { "\(doc.string($0.range))/\($0.type.rawValue)" }
    #expect(found == ["Turkish/MISC", "Recep Tayyip Erdogan/PERSON", "Angela Merkel/PERSON", "Ankara/PLACE"])
  }

  /// Number words are never names on their own, whatever the tagger says of them.
  @Test func numberWordsAreNotNames() throws {
    var doc = DocumentBuilder.make("Five cities on four continents won. Hundreds of people came, and Seven Oaks voted.")
    try TokenizerStage().process(&doc)
    func mention(_ text: String, _ type: EntityType) -> EntityMention {
      let start = doc.text.utf8.count - doc.text[doc.text.range(of: text)!.lowerBound...].utf8.count
      return EntityMention(range: TextRange(start, start + text.utf8.count), type: type, rule: "test")
    }
    #expect(PerceptronMentionFinder.isNumberWord(mention("Five", .misc), in: doc))
    #expect(PerceptronMentionFinder.isNumberWord(mention("Hundreds", .misc), in: doc))
    #expect(!PerceptronMentionFinder.isNumberWord(mention("Seven Oaks", .place), in: doc))
  }
}
