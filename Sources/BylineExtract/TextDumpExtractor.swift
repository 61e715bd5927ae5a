import BylineCore
import Foundation

/// Finds the article in a plain-text page dump: a copied web page with menus, tickers,
/// "Most Read"/"Related News" blocks, captions and footers around one article.
///
/// Method: every non-empty line is classified (``TextDumpLine/classify(page:lexicon:)``: prose,
/// short, boilerplate, meta, block header, comment header) and scored (``scores(_:)``): prose
/// lines count their words, every other line costs points. The body is the run of lines with
/// the highest total (maximum-sum segment), then refined by these rules:
/// - `textdump.duplicate`: a paragraph that appears again later is kept only at its last place
///   (a standfirst repeated in the body), a summary restating a nearby paragraph gives way to
///   it, and a very long line holding several paragraphs (a whole-article copy) is dropped.
/// - `textdump.link_list`: after a block header ("Related News", "Most Read") short lines are
///   dropped until the next prose line.
/// - `textdump.subheading`: a run of up to 8 short lines between prose lines is kept ("Assad
///   ready to meet Erdogan" → a `.heading` block; a line ending in a stop → `.paragraph`).
/// - `textdump.edge_sentences`: lines of ≥ 15 words without a final stop right before or after
///   the segment are kept.
/// - `textdump.list`: a line ending in ":" ("Tour dates:") keeps the lines that follow it
///   without blank lines between them (up to 60), also after the last prose line.
/// Metadata (title, authors, date, source line, site name, tags) comes from
/// ``TextDumpMetadataReader`` around the body.
///
/// Requires: nothing but the lexicon `textdump/line_patterns.tsv`. Produces: an
/// ``ExtractedArticle`` whose text is the body paragraphs (NFC) joined by blank lines.
/// Limits: one article per page; prose is recognised by sentence punctuation and length, so
/// pages of mostly short lines (recipes, tables, polls) lose recall; a site's "About us"
/// paragraph under a press release is kept; English header and byline wording (plus a few
/// German/Portuguese/French author-box words) only.
public struct TextDumpExtractor: Sendable {
  public let lexicon: TextDumpLexicon

  /// A short line kept inside the body must sit in a run of at most this many short lines.
  static let maxShortRun = 8
  /// A line without a final stop at the body's edge is kept from this many words on.
  static let looseSentenceWords = 15.0
  /// A date or byline line after this many words of prose (since the previous such line) marks
  /// a teaser list: later prose counts `metaDiscount` times its size.
  static let metaDiscountAfter = 50.0
  static let metaDiscount = 0.5

  public init(lexicon: TextDumpLexicon) {
    self.lexicon = lexicon
  }

  /// Loads `textdump/line_patterns.tsv` from the Lexicons folder.
  public init(lexicons: LexiconStore) throws {
    self.init(lexicon: try TextDumpLexicon(lexicons: lexicons))
  }

  /// Extracts the article body and metadata from a page dump. An empty page, or one with no
  /// prose, gives an empty body.
  public func extract(page: String) -> ExtractedArticle {
    var lines = TextDumpLine.classify(page: page, lexicon: lexicon)
    dropCopies(&lines)
    let body = bodyLines(lines)
    var paragraphs: [(text: String, kind: Block.Kind)] = []
    for i in body {
      let l = lines[i]
      let kind: Block.Kind =
        l.kind == .prose || TextDumpScan.endsSentence(l.text) || l.weight > 15 ? .paragraph : .heading
      paragraphs.append((l.text.precomposedStringWithCanonicalMapping, kind))
    }
    let metadata = TextDumpMetadataReader(lexicon: lexicon).read(
      lines: lines, body: body, page: page)
    return ExtractedArticle(paragraphs: paragraphs, metadata: metadata)
  }

  /// Rule `textdump.duplicate`: a prose line whose words recur in a later prose line is turned
  /// into boilerplate, so only the last copy counts ("Rapprochement efforts … "security
  /// concerns"." as standfirst, then again in the body without the quotes).
  func dropCopies(_ lines: inout [TextDumpLine]) {
    var last: [String: Int] = [:]
    for (i, l) in lines.enumerated() where l.kind == .prose { last[l.key] = i }
    for i in lines.indices where lines[i].kind == .prose && last[lines[i].key] != i {
      lines[i].kind = .boilerplate
    }
    // Rule `textdump.near_duplicate`: a summary that restates a paragraph among the next 30
    // lines (≥ 80 % of its ≥ 10 distinct words in that paragraph, which has at most 2.5 times
    // as many) gives way to it.
    let wordSets = lines.map { $0.kind == .prose ? Set($0.key.split(separator: " ")) : [] }
    for i in lines.indices where lines[i].kind == .prose && wordSets[i].count >= 10 {
      for j in (i + 1)..<min(lines.count, i + 31)
      where lines[j].kind == .prose && Double(wordSets[j].count) <= 2.5 * Double(wordSets[i].count) {
        let shared = wordSets[i].intersection(wordSets[j]).count
        if Double(shared) >= 0.8 * Double(wordSets[i].count) {
          lines[i].kind = .boilerplate
          break
        }
      }
    }
    // A very long line holding several other paragraphs is a whole-article copy (a summary
    // field or a print version), not a paragraph.
    for i in lines.indices where lines[i].kind == .prose && lines[i].weight >= 150 {
      var contained = 0
      for j in lines.indices where j != i && lines[j].kind == .prose && lines[j].weight >= 10 {
        if lines[i].key.contains(lines[j].key) {
          contained += 1
          if contained >= 2 { break }
        }
      }
      if contained >= 2 { lines[i].kind = .boilerplate }
    }
  }

  /// Per-line scores for the maximum-sum segment.
  ///
  /// - prose: its weight (words); +30 for the first prose line within 3 lines after a meta line
  ///   while fewer than 50 words of prose were seen (the lede under the byline/date block);
  ///   ×0.5 once a meta line follows ≥ 50 words of prose written since the previous meta line
  ///   or the page start (a teaser list below the article: "Tuesday November 19, 2019" under
  ///   each teaser); ×0.3 once a comment header follows ≥ 100 words of prose.
  /// - short: −2, or −5 inside a link list opened by a block header.
  /// - block header −8, comment header −20, meta −20, boilerplate −10.
  func scores(_ lines: [TextDumpLine]) -> [Double] {
    var out: [Double] = []
    out.reserveCapacity(lines.count)
    var inList = false
    var lastMeta = Int.min / 2
    var proseSoFar = 0.0
    var discount = 1.0
    var proseAtLastMeta = 0.0
    for (i, l) in lines.enumerated() {
      switch l.kind {
      case .endHeader:
        inList = true
        if proseSoFar >= 100 { discount = 0.3 }
        out.append(-20)
      case .skipHeader:
        inList = true
        out.append(-8)
      case .prose:
        inList = false
        var v = l.weight * discount
        if i - lastMeta <= 3, proseSoFar < 50 {
          v += 30
          lastMeta = Int.min / 2
        }
        proseSoFar += l.weight
        out.append(v)
      case .meta:
        lastMeta = i
        if proseSoFar - proseAtLastMeta >= Self.metaDiscountAfter {
          discount = min(discount, Self.metaDiscount)
        }
        proseAtLastMeta = proseSoFar
        out.append(-20)
      case .short:
        out.append(inList ? -5 : -2)
      case .boilerplate:
        out.append(-10)
      }
    }
    return out
  }

  /// The contiguous short lines (no blank line between them, at most 60) after line `k` when
  /// `k` ends with a colon, or nil.
  func listAfter(_ k: Int, _ lines: [TextDumpLine]) -> Range<Int>? {
    guard TextDumpScan.endsWithColon(lines[k].text) else { return nil }
    var e = k + 1
    while e < lines.count, e - k <= 60, lines[e].kind == .short,
      lines[e].index == lines[e - 1].index + 1 || (e == k + 1 && lines[e].index == lines[k].index + 2)
    {
      e += 1
    }
    return e > k + 1 ? (k + 1)..<e : nil
  }

  /// Indices (into `lines`) of the body's lines, in page order.
  func bodyLines(_ lines: [TextDumpLine]) -> [Int] {
    let values = scores(lines)
    // Maximum-sum segment (Kadane); ties keep the earliest segment.
    var best = 0.0
    var bestRange = 0..<0
    var current = 0.0
    var start = 0
    for (i, v) in values.enumerated() {
      if current <= 0 {
        current = 0
        start = i
      }
      current += v
      if current > best {
        best = current
        bestRange = start..<(i + 1)
      }
    }
    // Rule `textdump.edge_sentences`: long short lines (≥ 15 words, no final stop, not in a
    // link list) right before or after the segment are sentences that lack a full stop.
    func looseSentence(_ j: Int) -> Bool {
      lines[j].kind == .short && lines[j].weight >= Self.looseSentenceWords && values[j] > -3
    }
    var lower = bestRange.lowerBound
    var upper = bestRange.upperBound
    if !bestRange.isEmpty {
      while lower > 0, looseSentence(lower - 1) { lower -= 1 }
      while upper < lines.count, looseSentence(upper) { upper += 1 }
    }
    let loose = lower..<bestRange.lowerBound
    let trailing = bestRange.upperBound..<upper
    var kept: [Int] = Array(loose)
    var inList = false
    var i = bestRange.lowerBound
    while i < bestRange.upperBound {
      let l = lines[i]
      switch l.kind {
      case .skipHeader, .endHeader:
        inList = true
        i += 1
      case .prose:
        inList = false
        kept.append(i)
        i += 1
      case .short where !inList:
        // Rule `textdump.subheading`: a short run between prose lines stays ("Assad ready to
        // meet Erdogan").
        var e = i
        while e < bestRange.upperBound, lines[e].kind == .short { e += 1 }
        if e < bestRange.upperBound, lines[e].kind == .prose, e - i <= Self.maxShortRun {
          kept.append(contentsOf: i..<e)
        } else if let k = kept.last, let list = listAfter(k, lines), list.upperBound >= e {
          kept.append(contentsOf: i..<e)
        }
        i = e
      default:
        i += 1
      }
    }
    kept.append(contentsOf: trailing)
    // Rule `textdump.list`: a list announced by the body ("Tour dates:") continues after the
    // last prose line while its items follow one another without blank lines.
    // The announcing line itself may follow the last kept line directly.
    if let k = kept.last, k + 1 < lines.count, lines[k + 1].kind == .short,
      lines[k + 1].index <= lines[k].index + 2, TextDumpScan.endsWithColon(lines[k + 1].text),
      listAfter(k + 1, lines) != nil
    {
      kept.append(k + 1)
    }
    if let k = kept.last, let list = listAfter(k, lines) {
      kept.append(contentsOf: list)
    }
    // Rule `textdump.duplicate` again on the kept text (short lines too).
    var seenLater = Set<String>()
    var result: [Int] = []
    for k in kept.reversed() {
      let key = lines[k].key
      if !key.isEmpty, seenLater.contains(key) { continue }
      seenLater.insert(key)
      result.append(k)
    }
    return result.reversed()
  }
}
