import BylineCore
import BylinePlaces

/// The static (history-free) features of one document's tokens, as weight-table rows.
public struct NERFeatures: Sendable {
  /// Rows of token `i`: `buckets[offsets[i]..<offsets[i + 1]]`.
  var buckets: [Int32]
  var offsets: [Int32]
  /// Per token, hashes the history features combine with previous tags.
  var lower: [UInt64]
  var shape: [UInt64]
  var ruleTag: [UInt8]
  /// Tokens that start a line: decoding starts afresh there (no mention crosses a line
  /// break). ICU sentence starts are not used: they fall inside names ("J. Adams").
  var lineStart: [Bool]
  /// Number of tokens.
  public var count: Int { lower.count }
}

/// Turns a tokenised ``Document`` into hashed features for ``PerceptronNERModel``.
///
/// Features of a token (each a template number combined with a value, hashed into
/// `2^bucketBits` rows): lower-cased word, exact word, word shape ("Xx", "X.X."), prefixes and
/// suffixes of 1–4 bytes, capitalisation class with sentence-start and all-caps-line flags,
/// position in the sentence, lower-cased words and shapes at ±1 and ±2 (within the
/// sentence), word bigrams, lexicon membership (given names, title words before, organisation,
/// event and place heads, demonyms, known names and gazetteer names as B/I spans), document
/// evidence (the word is written capitalised mid-sentence, or in lower case, elsewhere in the
/// article) and, when a ``RuleMentionFinder`` is given, the rules' B/I tag and rule name at
/// the token and its neighbours (stacking). History features (previous tag, previous two
/// tags, previous tag with word / shape / rule tag) are added while decoding.
///
/// Words are hashed from the document's bytes (ASCII lower-cased), with no per-token String;
/// only gazetteer lookups of capitalised spans build a String.
public struct NERFeatureExtractor: Sendable {
  /// log2 of the number of weight rows.
  public let bucketBits: Int
  let mask: UInt64
  let firstNames: Set<UInt64>
  let titleWords: Set<UInt64>
  let orgHeads: Set<UInt64>
  let miscHeads: Set<UInt64>
  let placeHeads: Set<UInt64>
  let demonyms: Set<UInt64>
  /// Hash of a name with single spaces → type index + 1.
  let knownNames: [UInt64: UInt8]
  let gazetteer: Gazetteer?
  /// When set, the rule-based finder's output is a feature.
  public let rules: RuleMentionFinder?

  /// - Parameters:
  ///   - lexicons: the entity word lists (`Lexicons/entities/`).
  ///   - gazetteer: place names; nil leaves the gazetteer feature out.
  ///   - rules: the rule-based finder whose output becomes features; nil leaves them out.
  ///   - bucketBits: log2 of the weight rows (20 = 1,048,576).
  public init(lexicons: EntityLexicons, gazetteer: Gazetteer?, rules: RuleMentionFinder?, bucketBits: Int = 20) {
    self.bucketBits = bucketBits
    mask = (UInt64(1) << UInt64(bucketBits)) - 1
    firstNames = Set(lexicons.firstNames.map { FeatureHash.string($0) })
    var tw = Set<UInt64>()
    for t in lexicons.titles { for w in t.split(separator: " ") { tw.insert(FeatureHash.string(String(w), lower: true)) } }
    titleWords = tw
    orgHeads = Set(lexicons.orgHeads.map { FeatureHash.string($0) })
    miscHeads = Set(lexicons.miscHeads.map { FeatureHash.string($0) })
    placeHeads = Set(lexicons.placeHeads.map { FeatureHash.string($0) })
    demonyms = Set(lexicons.demonyms.keys.map { FeatureHash.string($0) })
    var known: [UInt64: UInt8] = [:]
    for (name, type) in lexicons.knownNames.sorted(by: { $0.key < $1.key }) {
      known[FeatureHash.string(name)] = UInt8(NERTags.typeIndex(type) + 1)
    }
    knownNames = known
    self.gazetteer = gazetteer
    self.rules = rules
  }

  @inline(__always) func row(_ template: UInt64, _ value: UInt64) -> Int32 {
    Int32(truncatingIfNeeded: FeatureHash.mix(template, value) & mask)
  }

  /// Capitalisation classes.
  enum Cap: UInt8 { case other = 0, lower, capitalized, allCaps, digit, mixed }

  /// The static features of every token of `document` (which has tokens and sentences).
  public func features(_ document: Document) -> NERFeatures {
    let tokens = document.tokens
    let n = tokens.count
    var lower = [UInt64](repeating: 0, count: n)
    var exact = [UInt64](repeating: 0, count: n)
    var shape = [UInt64](repeating: 0, count: n)
    var cap = [UInt8](repeating: 0, count: n)
    var sentence = [Int32](repeating: 0, count: n)
    var position = [Int32](repeating: 0, count: n)
    var pre = [UInt64](repeating: 0, count: n * 4)
    var suf = [UInt64](repeating: 0, count: n * 4)
    let sentences = document.sentences
    document.bytes.withUnsafeBufferPointer { bytes in
      var s = 0
      var pos: Int32 = 0
      for i in 0..<n {
        let r = tokens[i].range
        while s < sentences.count, sentences[s].utf8End <= r.utf8Start {
          s += 1
          pos = 0
        }
        sentence[i] = Int32(s)
        position[i] = pos
        pos += 1
        var hl = FeatureHash.fnvOffset
        var he = FeatureHash.fnvOffset
        var hs = FeatureHash.fnvOffset
        var lastShape: UInt8 = 0
        var upper = 0
        var lowerCount = 0
        var digits = 0
        var firstUpper = false
        var firstLower = false
        let len = r.utf8End - r.utf8Start
        var k = r.utf8Start
        while k < r.utf8End {
          var b = bytes[k]
          var width = 1
          // Curly quotes hash as straight ones ("’s" = "'s", as in the training text).
          if b == 0xE2, k + 2 < r.utf8End, bytes[k + 1] == 0x80 {
            let c = bytes[k + 2]
            if c == 0x98 || c == 0x99 { b = 39; width = 3 } else if c == 0x9C || c == 0x9D { b = 34; width = 3 }
          }
          var lb = b
          var sh: UInt8
          if b >= 65, b <= 90 {
            lb = b + 32; sh = 88; upper += 1  // X
          } else if b >= 97, b <= 122 {
            sh = 120; lowerCount += 1  // x
          } else if b >= 48, b <= 57 {
            sh = 100; digits += 1  // d
          } else if b >= 0xC0 {
            // A non-ASCII letter ("Đà", "Ölkə"): its case from the scalar's properties.
            let p = NERFeatureExtractor.scalar(bytes, k, r.utf8End).properties
            if p.isUppercase { sh = 88; upper += 1 } else if p.isAlphabetic { sh = 120; lowerCount += 1 } else { sh = 0 }
          } else if b >= 0x80 {
            sh = 0
          } else {
            sh = b
          }
          if k == r.utf8Start { firstUpper = sh == 88; firstLower = sh == 120 }
          hl = FeatureHash.add(hl, lb)
          he = FeatureHash.add(he, b)
          if sh != 0, sh != lastShape { hs = FeatureHash.add(hs, sh); lastShape = sh }
          let off = k - r.utf8Start
          if off < 4 { pre[i * 4 + off] = hl }
          k += width
        }
        for m in 0..<min(4, len) {
          suf[i * 4 + m] = FeatureHash.bytes(bytes, r.utf8End - m - 1, r.utf8End, lower: true)
        }
        lower[i] = hl
        exact[i] = he
        shape[i] = hs
        let c: Cap
        if upper + lowerCount == 0 {
          c = digits > 0 ? .digit : .other
        } else if firstUpper {
          c = lowerCount == 0 ? .allCaps : (upper == 1 ? .capitalized : .mixed)
        } else if firstLower {
          c = upper == 0 ? .lower : .mixed
        } else {
          c = .mixed
        }
        cap[i] = c.rawValue
      }
    }
    // All-caps lines: sentences with letters and no lower-case word.
    let sentenceCount = (sentence.last.map { Int($0) } ?? 0) + 1
    var hasLower = [Bool](repeating: false, count: sentenceCount)
    var hasLetters = [Bool](repeating: false, count: sentenceCount)
    for i in 0..<n {
      let c = cap[i]
      if c == Cap.lower.rawValue || c == Cap.capitalized.rawValue || c == Cap.mixed.rawValue {
        hasLower[Int(sentence[i])] = true
      }
      if c != Cap.other.rawValue, c != Cap.digit.rawValue { hasLetters[Int(sentence[i])] = true }
    }
    // Document evidence: capitalised mid-sentence (outside caps lines); written in lower case.
    var capMid = Set<UInt64>()
    var lowerSeen = Set<UInt64>()
    for i in 0..<n {
      let sent = Int(sentence[i])
      if cap[i] == Cap.capitalized.rawValue, position[i] > 0, hasLower[sent] { capMid.insert(lower[i]) }
      if cap[i] == Cap.lower.rawValue { lowerSeen.insert(lower[i]) }
    }
    // Known names and gazetteer names: longest match from each capitalised token.
    var known = [UInt8](repeating: 0, count: n)
    var gaz = [UInt8](repeating: 0, count: n)
    document.bytes.withUnsafeBufferPointer { bytes in
      var i = 0
      while i < n {
        let c = cap[i]
        guard c == Cap.capitalized.rawValue || c == Cap.allCaps.rawValue || c == Cap.mixed.rawValue else {
          i += 1
          continue
        }
        var h = FeatureHash.fnvOffset
        var bestLen = 0
        var bestType: UInt8 = 0
        var j = i
        while j < n, j - i < 6, sentence[j] == sentence[i] {
          let r = tokens[j].range
          if j > i {
            let gap = r.utf8Start - tokens[j - 1].range.utf8End
            if gap > 1 || (gap == 1 && bytes[r.utf8Start - 1] != 32) { break }
            if gap == 1 { h = FeatureHash.add(h, 32) }
          }
          for k in r.utf8Start..<r.utf8End { h = FeatureHash.add(h, bytes[k]) }
          if let t = knownNames[h] { bestLen = j - i + 1; bestType = t }
          j += 1
        }
        if bestLen > 0 {
          for k in i..<(i + bestLen) { known[k] = bestType * 2 + (k == i ? 0 : 1) }
        }
        i += 1
      }
      guard let gazetteer else { return }
      i = 0
      while i < n {
        let c = cap[i]
        guard c == Cap.capitalized.rawValue || c == Cap.allCaps.rawValue else {
          i += 1
          continue
        }
        var best = 0
        var j = i
        while j < n, j - i < 4, sentence[j] == sentence[i] {
          if j > i {
            let gap = tokens[j].range.utf8Start - tokens[j - 1].range.utf8End
            if gap > 1 { break }
          }
          let cj = cap[j]
          if cj == Cap.capitalized.rawValue || cj == Cap.allCaps.rawValue {
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[i].range.utf8Start..<tokens[j].range.utf8End]), as: UTF8.self)
            if gazetteer.contains(name) { best = j - i + 1 }
          } else if cj != Cap.other.rawValue {
            break
          }
          j += 1
        }
        if best > 0 {
          for k in i..<(i + best) { gaz[k] = k == i ? (best == 1 ? 1 : 2) : 3 }
          i += best
        } else {
          i += 1
        }
      }
    }
    // Rule-based mentions as tags.
    var ruleTag = [UInt8](repeating: 0, count: n)
    var ruleName = [UInt64](repeating: 0, count: n)
    if let rules {
      let mentions = rules.mentions(in: document)
      ruleTag = NERTags.encode(mentions, tokens: tokens)
      var m = 0
      for i in 0..<n where ruleTag[i] != 0 {
        while m < mentions.count, mentions[m].range.utf8End <= tokens[i].range.utf8Start { m += 1 }
        if m < mentions.count { ruleName[i] = FeatureHash.string(mentions[m].rule) }
      }
    }
    // Assemble the rows.
    var buckets: [Int32] = []
    buckets.reserveCapacity(n * 56)
    var offsets = [Int32](repeating: 0, count: n + 1)
    let bos: UInt64 = 0x1111
    let eos: UInt64 = 0x2222
    for i in 0..<n {
      let sent = sentence[i]
      let capsLine: UInt64 = hasLetters[Int(sent)] && !hasLower[Int(sent)] ? 1 : 0
      let start: UInt64 = position[i] == 0 ? 1 : 0
      func lw(_ d: Int) -> UInt64 {
        let j = i + d
        if j < 0 || j >= n || sentence[j] != sent { return d < 0 ? bos : eos }
        return lower[j]
      }
      func sh(_ d: Int) -> UInt64 {
        let j = i + d
        if j < 0 || j >= n || sentence[j] != sent { return d < 0 ? bos : eos }
        return shape[j]
      }
      func ex(_ d: Int) -> UInt64 {
        let j = i + d
        if j < 0 || j >= n || sentence[j] != sent { return d < 0 ? bos : eos }
        return exact[j]
      }
      let c = UInt64(cap[i])
      buckets.append(row(1, 0))
      buckets.append(row(2, lower[i]))
      buckets.append(row(3, exact[i]))
      buckets.append(row(4, shape[i]))
      for m in 0..<4 where pre[i * 4 + m] != 0 {
        buckets.append(row(10 + UInt64(m), pre[i * 4 + m]))
        buckets.append(row(20 + UInt64(m), suf[i * 4 + m]))
      }
      buckets.append(row(30, c | start << 3 | capsLine << 4))
      buckets.append(row(31, c | UInt64(min(position[i], 3)) << 3))
      buckets.append(row(32, capsLine))
      if capsLine == 1 { buckets.append(row(33, lower[i])) }
      for d in [-2, -1, 1, 2] {
        buckets.append(row(UInt64(42 + d), lw(d)))
        buckets.append(row(UInt64(52 + d), sh(d)))
      }
      buckets.append(row(60, FeatureHash.mix(lw(-1), lower[i])))
      buckets.append(row(61, FeatureHash.mix(lower[i], lw(1))))
      buckets.append(row(62, FeatureHash.mix(FeatureHash.mix(sh(-1), shape[i]), sh(1))))
      buckets.append(row(63, FeatureHash.mix(lw(-1), c)))
      buckets.append(row(64, FeatureHash.mix(lw(1), c)))
      // Lexicons.
      if firstNames.contains(exact[i]) { buckets.append(row(80, c)) }
      if titleWords.contains(lower[i]) { buckets.append(row(81, c)) }
      if titleWords.contains(lw(-1)) { buckets.append(row(82, c)) }
      if orgHeads.contains(exact[i]) { buckets.append(row(83, 0)) }
      if orgHeads.contains(ex(1)) || orgHeads.contains(ex(2)) { buckets.append(row(84, c)) }
      if demonyms.contains(exact[i]) { buckets.append(row(85, 0)) }
      if miscHeads.contains(exact[i]) { buckets.append(row(86, 0)) }
      if placeHeads.contains(exact[i]) || placeHeads.contains(ex(1)) { buckets.append(row(87, c)) }
      if known[i] != 0 { buckets.append(row(88, UInt64(known[i]))) }
      if gaz[i] != 0 {
        buckets.append(row(89, UInt64(gaz[i])))
        buckets.append(row(90, UInt64(gaz[i]) | start << 3 | capsLine << 4))
      }
      if i + 1 < n, gaz[i + 1] == 1 || gaz[i + 1] == 2 { buckets.append(row(91, c)) }
      // Document evidence.
      let mid: UInt64 = capMid.contains(lower[i]) ? 1 : 0
      let low: UInt64 = lowerSeen.contains(lower[i]) ? 1 : 0
      buckets.append(row(95, c | mid << 3 | low << 4 | start << 5 | capsLine << 6))
      // Rule stacking.
      if rules != nil {
        let rt = UInt64(ruleTag[i])
        buckets.append(row(100, rt))
        buckets.append(row(101, i > 0 ? UInt64(ruleTag[i - 1]) : 99))
        buckets.append(row(102, i + 1 < n ? UInt64(ruleTag[i + 1]) : 99))
        if rt != 0 { buckets.append(row(103, FeatureHash.mix(rt, ruleName[i]))) }
        buckets.append(row(104, rt | c << 4 | capsLine << 8))
        buckets.append(row(105, FeatureHash.mix(rt, lower[i])))
      }
      offsets[i + 1] = Int32(buckets.count)
    }
    return NERFeatures(
      buckets: buckets, offsets: offsets, lower: lower, shape: shape, ruleTag: ruleTag,
      lineStart: NERFeatureExtractor.lineStarts(document))
  }

  /// The scalar whose UTF-8 starts at `k` (U+FFFD when malformed).
  static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int, _ end: Int) -> Unicode.Scalar {
    let b = bytes[k]
    let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
    guard k + len <= end else { return "\u{FFFD}" }
    var v = UInt32(b) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
    for j in 1..<len { v = v << 6 | UInt32(bytes[k + j] & 0x3F) }
    return Unicode.Scalar(v) ?? "\u{FFFD}"
  }

  static func lineStarts(_ document: Document) -> [Bool] {
    let tokens = document.tokens
    let bytes = document.bytes
    var out = [Bool](repeating: false, count: tokens.count)
    for i in tokens.indices {
      if i == 0 { out[i] = true; continue }
      for k in tokens[i - 1].range.utf8End..<tokens[i].range.utf8Start where bytes[k] == 10 {
        out[i] = true
        break
      }
    }
    return out
  }

  /// Rows of the history features of token `i` given the two previous tags.
  @inline(__always) func historyRows(_ f: NERFeatures, _ i: Int, _ prev: Int, _ prev2: Int) -> (Int32, Int32, Int32, Int32, Int32) {
    let p = UInt64(prev)
    return (
      row(200, p), row(201, p | UInt64(prev2) << 8), row(202, FeatureHash.mix(p, f.lower[i])),
      row(203, FeatureHash.mix(p, f.shape[i])), row(204, p | UInt64(f.ruleTag[i]) << 8)
    )
  }
}
