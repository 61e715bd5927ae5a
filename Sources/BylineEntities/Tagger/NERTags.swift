import BylineCore

/// The BIO tag set of the trained tagger: `O`, then `B-`/`I-` for PERSON, ORG, PLACE, MISC.
///
/// Tag numbers: 0 = O, `1 + 2·t` = B-type, `2 + 2·t` = I-type, with t the index of the type in
/// ``types``.
public enum NERTags {
  /// Entity types in tag order (CoNLL PER, ORG, LOC, MISC).
  public static let types: [EntityType] = [.person, .org, .place, .misc]
  /// Number of tags (9).
  public static let count = 1 + 2 * types.count

  @inline(__always) static func typeIndex(_ t: EntityType) -> Int {
    switch t {
    case .person: return 0
    case .org: return 1
    case .place: return 2
    case .misc: return 3
    }
  }

  /// True when `tag` may follow `previous`: an I-tag only continues a B or I of its type.
  @inline(__always) static func allowed(_ tag: Int, after previous: Int) -> Bool {
    if tag == 0 || tag & 1 == 1 { return true }
    return previous == tag || previous == tag - 1
  }

  /// Gold tags for `tokens`: a token inside a mention (wholly) gets its B/I tag; tokens cut
  /// by a mention boundary stay O. Mentions are assumed sorted and non-overlapping.
  public static func encode(_ mentions: [EntityMention], tokens: [Token]) -> [UInt8] {
    var tags = [UInt8](repeating: 0, count: tokens.count)
    var m = 0
    let sorted = mentions.sorted { $0.range < $1.range }
    for (i, tok) in tokens.enumerated() {
      while m < sorted.count, sorted[m].range.utf8End <= tok.range.utf8Start { m += 1 }
      guard m < sorted.count else { break }
      let r = sorted[m].range
      guard tok.range.utf8Start >= r.utf8Start, tok.range.utf8End <= r.utf8End else { continue }
      let t = typeIndex(sorted[m].type)
      let begins = i == 0 || tokens[i - 1].range.utf8Start < r.utf8Start || tags[i - 1] == 0
      tags[i] = UInt8(begins ? 1 + 2 * t : 2 + 2 * t)
    }
    return tags
  }

  /// Mentions from a tag sequence: each B (or stray I) starts a mention that runs over the
  /// following I-tags of its type.
  public static func decode(_ tags: [UInt8], tokens: [Token], rule: String) -> [EntityMention] {
    var out: [EntityMention] = []
    var i = 0
    while i < tags.count {
      let tag = Int(tags[i])
      if tag == 0 { i += 1; continue }
      let t = (tag - 1) / 2
      var j = i + 1
      while j < tags.count, Int(tags[j]) == 2 + 2 * t { j += 1 }
      out.append(
        EntityMention(
          range: TextRange(tokens[i].range.utf8Start, tokens[j - 1].range.utf8End), type: types[t],
          rule: rule))
      i = j
    }
    return out
  }
}
