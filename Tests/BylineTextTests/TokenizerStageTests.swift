import BylineCore
import BylineTestSupport
import BylineText
import Testing

@Suite struct TokenizerStageTests {
  private func run(_ text: String) throws -> Document {
    var doc = DocumentBuilder.make(text)
    try TokenizerStage().process(&doc)
    return doc
  }

  @Test func tokensAreUTF8RangesWithoutWhitespace() throws {
    let doc = try run("Mr. Smith said: “Hello, 世界!” café 2024")
    let texts = doc.tokens.map { doc.string($0.range) }
    #expect(texts.contains("Hello"))
    #expect(texts.contains("café"))
    #expect(!texts.contains(" "))
    let year = try #require(doc.tokens.last)
    #expect(year.kind == .number)
    let hello = try #require(doc.tokens.first { doc.string($0.range) == "Hello" })
    #expect(hello.range == TextRange(19, 24))
  }

  @Test func possessiveSplitsOff() throws {
    let doc = try run("Syria's demand and Turkey’s troops")
    let texts = doc.tokens.map { doc.string($0.range) }
    #expect(texts == ["Syria", "'s", "demand", "and", "Turkey", "’s", "troops"])
  }

  @Test func sentencesKeepAbbreviationsAndStopAtBlocks() throws {
    let doc = try run("Mr. Smith met U.S. officials on Monday. They talked.\n\nA headline without a period\n\nNext one.")
    let texts = doc.sentences.map { doc.string($0) }
    #expect(texts == ["Mr. Smith met U.S. officials on Monday.", "They talked.", "A headline without a period", "Next one."])
  }

  @Test func emptyTextHasNoTokens() throws {
    let doc = try run("")
    #expect(doc.tokens.isEmpty && doc.sentences.isEmpty)
  }
}
