import BylineCore

/// One orthographic word: the tokens written without a space between them that belong
/// together ("al-Assad", "U.S.", "Chester-le-Street", "AT&T").
///
/// Names are built from words, not tokens, so a hyphenated or dotted name is never cut.
struct Word: Sendable {
  /// How the word is written.
  enum Shape: UInt8, Sendable {
    /// First letter upper-case, not all capitals ("Erdogan", "al-Assad", "I").
    case capitalized
    /// Two or more letters, all upper-case ("NATO", "U.S.").
    case allCaps
    /// Starts with a lower-case letter ("said", "rain-affected").
    case lower
    /// No leading letter: numbers, punctuation, "'s".
    case other
  }

  var range: TextRange
  var firstToken: Int
  /// Last token, inclusive.
  var lastToken: Int
  var text: String
  var shape: Shape
  var sentence: Int
  /// First letter-word of its sentence, or right after an opening quote or a colon: a
  /// capital here says nothing about being a name.
  var sentenceStart: Bool

  var isCapital: Bool { shape == .capitalized || shape == .allCaps }
}

/// Name particles that may stand between capitalised words of one name ("Ludwig van
/// Beethoven", "Osama bin Laden") or start a hyphenated surname ("al-Assad").
let nameParticles: Set<String> = [
  "al", "el", "ad", "as", "ash", "at", "bin", "ibn", "abu", "ben", "bint", "de", "da", "das", "do", "dos",
  "du", "del", "della", "der", "den", "di", "van", "von", "la", "le", "y", "zu", "ter", "ten",
]

enum WordBuilder {
  /// Abbreviations whose final period belongs to the word ("Corp.", "Jr.").
  static let dottedAbbreviations: Set<String> = [
    "Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "St", "Mt", "Ft", "Bros", "No", "Mr", "Mrs", "Ms", "Dr",
    "Prof", "Gen", "Gov", "Sen", "Rep", "Lt", "Col", "Capt", "Sgt", "Adm", "Maj", "Rev", "Cmdr",
  ]

  /// The words of `document`, in text order, each tagged with its sentence.
  static func words(in document: Document, stopwords: Set<String> = []) -> [Word] {
    let bytes = document.bytes
    let tokens = document.tokens
    let sentences = document.sentences
    var words: [Word] = []
    words.reserveCapacity(tokens.count)
    var sentence = 0
    // Sentence breaks skipped so far; word.sentence = sentence - sentenceOffset.
    var sentenceOffset = 0
    var sawLetterWordInSentence = false
    var i = 0
    while i < tokens.count {
      let start = tokens[i].range.utf8Start
      while sentence < sentences.count, sentences[sentence].utf8End <= start {
        // A break right after an initial or a title ("M. Vaughan", "Gen. Smith") is not a
        // sentence end: keep the words in one sentence.
        if let prev = words.last, prev.text.utf8.last == 0x2E, tokens[i].kind == .word, isUpperASCII(bytes[start]),
          (prev.shape == .capitalized
            && (prev.text.utf8.count == 2 || dottedAbbreviations.contains(String(prev.text.dropLast()))))
            || (prev.shape == .allCaps && prev.text.dropLast().contains(".")
              && !stopwords.contains(nextWordText(document, tokens, i)))
        {
          sentenceOffset += 1
        }
        sentence += 1
        sawLetterWordInSentence = sentenceOffset > 0 && words.last?.sentence == sentence - sentenceOffset
      }
      var j = i
      // Glue "-"-joined and "&"-joined parts and an abbreviation's period ("U.S.-backed").
      if tokens[i].kind == .word || tokens[i].kind == .number {
        var grew = true
        while grew {
          grew = false
          if j + 2 < tokens.count, adjacent(tokens, j), adjacent(tokens, j + 1),
            tokens[j + 2].kind == .word || tokens[j + 2].kind == .number,
            isJoiner(bytes, tokens[j + 1].range), !isPossessive(bytes, tokens[j + 2].range)
          {
            j += 2
            grew = true
            continue
          }
          if bytes[tokens[j].range.utf8End - 1] != 0x2E, j + 1 < tokens.count, adjacent(tokens, j),
            tokens[j + 1].range.utf8End - tokens[j + 1].range.utf8Start == 1,
            bytes[tokens[j + 1].range.utf8Start] == 0x2E
          {
            let r = TextRange(start, tokens[j].range.utf8End)
            let len = r.utf8End - r.utf8Start
            let hasInnerDot = bytes[r.utf8Start..<r.utf8End].contains(0x2E)
            let single = len == 1 && isUpperASCII(bytes[r.utf8Start])
            if single || hasInnerDot || dottedAbbreviations.contains(document.string(r)) {
              j += 1
              grew = true
            }
          }
        }
      }
      // "US$", "C$", "HK$": a currency sign glued to one to three capitals.
      if tokens[j].kind == .word, j + 1 < tokens.count, adjacent(tokens, j),
        tokens[j + 1].range.utf8End - tokens[j + 1].range.utf8Start == 1, bytes[tokens[j + 1].range.utf8Start] == 0x24,
        tokens[j].range.utf8End - start <= 3, (start..<tokens[j].range.utf8End).allSatisfy({ isUpperASCII(bytes[$0]) })
      {
        j += 1
      }
      let range = TextRange(start, tokens[j].range.utf8End)
      let text = document.string(range)
      let shape = self.shape(of: text, kind: tokens[i].kind, bytes: bytes, range: range)
      var sentenceStart = false
      if shape != .other {
        if !sawLetterWordInSentence {
          sentenceStart = true
        } else if let prev = words.last, prev.shape == .other, isOpener(prev.text) {
          sentenceStart = true
        }
        sawLetterWordInSentence = true
      }
      words.append(
        Word(
          range: range, firstToken: i, lastToken: j, text: text, shape: shape, sentence: sentence - sentenceOffset,
          sentenceStart: sentenceStart))
      i = j + 1
    }
    return words
  }

  /// The text of the word token at `i` (for the sentence-merge check).
  static func nextWordText(_ d: Document, _ t: [Token], _ i: Int) -> String { d.string(t[i].range) }

  @inline(__always) static func adjacent(_ t: [Token], _ j: Int) -> Bool {
    t[j].range.utf8End == t[j + 1].range.utf8Start
  }

  /// A one-byte "-" or "&" token.
  @inline(__always) static func isJoiner(_ b: [UInt8], _ r: TextRange) -> Bool {
    r.utf8End - r.utf8Start == 1 && (b[r.utf8Start] == 0x2D || b[r.utf8Start] == 0x26)
  }

  @inline(__always) static func isUpperASCII(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }

  static func isPossessive(_ b: [UInt8], _ r: TextRange) -> Bool {
    r.utf8Start < b.count && (b[r.utf8Start] == 0x27 || b[r.utf8Start] == 0xE2)
  }

  static func isOpener(_ s: String) -> Bool {
    s == "\"" || s == "“" || s == "‘" || s == ":" || s == "'" || s == "(" || s == "-" || s == "--" || s == "—"
  }

  static func shape(of text: String, kind: Token.Kind, bytes: [UInt8], range: TextRange) -> Word.Shape {
    guard kind == .word else { return .other }
    let first = bytes[range.utf8Start]
    if first == 0x27 || first == 0xE2 { return .other }  // "'s", "’s"
    if first >= 0x30 && first <= 0x39 { return .other }  // "64th", "1990s"
    var letters = 0
    var uppers = 0
    var firstUpper: Bool?
    // ASCII words (nearly all in English news) need no Unicode property lookups.
    if bytes[range.utf8Start..<range.utf8End].allSatisfy({ $0 < 0x80 }) {
      for i in range.utf8Start..<range.utf8End {
        let c = bytes[i]
        let up = c >= 0x41 && c <= 0x5A
        if up || (c >= 0x61 && c <= 0x7A) {
          letters += 1
          if up { uppers += 1 }
          if firstUpper == nil { firstUpper = up }
        }
      }
    } else {
      for s in text.unicodeScalars {
        let p = s.properties
        if p.isAlphabetic {
          letters += 1
          let up = p.isUppercase
          if up { uppers += 1 }
          if firstUpper == nil { firstUpper = up }
        }
      }
    }
    guard letters > 0, let fu = firstUpper else { return .other }
    if uppers == letters && letters >= 2 { return .allCaps }
    if fu { return .capitalized }
    // "al-Assad": a lower-case particle glued to a capitalised surname.
    if let dash = text.firstIndex(of: "-"), nameParticles.contains(String(text[..<dash])) {
      let rest = text[text.index(after: dash)...]
      if let c = rest.unicodeScalars.first, c.properties.isUppercase { return .capitalized }
    }
    return .lower
  }
}
