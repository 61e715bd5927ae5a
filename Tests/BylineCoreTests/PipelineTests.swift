import BylineCore
import Testing

private struct FakeStage: Stage {
  let name: String
  let summary = "test stage"
  let requires: Set<Layer>
  let produces: Set<Layer>
  func process(_ document: inout Document) throws {}
}

@Suite struct PipelineTests {
  @Test func rejectsAMissingRequirementOnce() {
    let quotes = FakeStage(name: "quotes", requires: [.tokens, .entities], produces: [.quotes])
    let tokens = FakeStage(name: "tokenize", requires: [.blocks], produces: [.tokens])
    let entities = FakeStage(name: "entities", requires: [.tokens], produces: [.entities])
    #expect(throws: PipelineError.missingRequirement(stage: "quotes", layer: .entities, providers: ["entities"])) {
      try Pipeline([tokens, quotes, entities])
    }
    #expect(throws: Never.self) { try Pipeline([tokens, entities, quotes]) }
  }

  @Test func runMarksProducedLayers() throws {
    let p = try Pipeline([FakeStage(name: "t", requires: [.blocks], produces: [.tokens])])
    var doc = Document(id: "a", text: "Hello.")
    try p.run(&doc)
    #expect(doc.layers == [.blocks, .tokens])
  }

  @Test func paragraphsSplitAtBlankLines() {
    let doc = Document(id: "a", text: "One.\n\n  Two, still two\nthree.\n\n\nFour.")
    #expect(doc.blocks.map { doc.string($0.range) } == ["One.", "Two, still two\nthree.", "Four."])
    let lines = Document(id: "b", text: "A line\nB line\n")
    #expect(lines.blocks.map { lines.string($0.range) } == ["A line", "B line"])
  }

  @Test func scalarOffsets() {
    let doc = Document(id: "a", text: "Café “x” 🇫🇷 b")
    let map = ScalarOffsetMap(doc.bytes)
    let b = doc.bytes.count - 1
    #expect(map.scalarOffset(b) == Array(doc.text.unicodeScalars).count - 1)
    #expect(map.scalarOffset(doc.bytes.count) == doc.text.unicodeScalars.count)
  }
}
