import ArgumentParser
import BylineCore
import BylineEntities
import BylineKit
import BylinePlaces
import Foundation

struct TrainNER: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train-ner",
    abstract: "Train the entity tagger on CoNLL or JSONL files and write a model file.",
    discussion: """
      Files ending in .jsonl hold {"id","text","entities":[{start,end,type}]} records \
      (Unicode-scalar offsets); other files are CoNLL columns (word first, IOB tag last). \
      Prints dev precision, recall and F1 per epoch and keeps the best epoch. Put the model \
      at Lexicons/models/ner.model to use it in `analyze`.
      """)

  @Option(name: .customLong("train"), parsing: .upToNextOption, help: "Training files.")
  var train: [String]

  @Option(help: "Development file (scored after each epoch).")
  var dev: String?

  @Option(help: "Where to write the model.")
  var out: String

  @Option(help: "Training passes.")
  var epochs: Int = 10

  @Option(help: "Seed of the training order.")
  var seed: UInt64 = 2003

  @Option(help: "log2 of the number of feature rows.")
  var bits: Int = 20

  @Option(help: "Drop averaged weights smaller than this.")
  var prune: Float = 0.05

  @Flag(help: "Do not use the rule-based finder's output as features.")
  var noRules = false

  @Flag(help: "Also train on copies of the training documents with undotted initialisms (\"U.S.\" → \"US\").")
  var undotted = false

  @Option(help: "The Lexicons folder.")
  var lexicons: String?

  func run() throws {
    let store = try LexiconLocator.locate(explicit: lexicons, executablePath: CommandLine.arguments[0])
    let entityLexicons = try EntityLexicons(lexicons: store)
    let gazetteer = try Gazetteer.shared(from: store)
    let rules = noRules ? nil : RuleMentionFinder(lexicons: entityLexicons, gazetteer: gazetteer)
    let extractor = NERFeatureExtractor(lexicons: entityLexicons, gazetteer: gazetteer, rules: rules, bucketBits: bits)
    var items: [NERCorpus.Item] = []
    for path in train {
      let corpus = try NERCorpus(contentsOf: URL(fileURLWithPath: path))
      items += corpus.items
      if undotted { items += try corpus.undottedCopies() }
    }
    let devItems = try dev.map { try NERCorpus(contentsOf: URL(fileURLWithPath: $0)).items } ?? []
    print("train: \(items.count) documents; dev: \(devItems.count) documents")
    let training = NERTraining(epochs: epochs, seed: seed, pruneBelow: prune)
    let (model, best) = training.train(items, dev: devItems, extractor: extractor) { e in
      print("epoch \(e.number): train errors \(e.trainErrors)/\(e.trainTokens) tokens; dev \(e.dev)")
    }
    try model.write(to: URL(fileURLWithPath: out))
    print("wrote \(out) (epoch \(best.number), dev \(best.dev), \(model.nonZeroCount) weights)")
    let speed = try NERTraining.measure(model: URL(fileURLWithPath: out), on: devItems.isEmpty ? items : devItems, extractor: extractor)
    print(speed)
  }
}
