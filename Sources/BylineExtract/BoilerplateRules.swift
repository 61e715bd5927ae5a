/// Rules that say which elements and which text blocks are page furniture, not article text.
///
/// Element rules look at the tag and at the words of `class`/`id` (split on non-letters, so
/// `share-bar` → `share`, `bar`, and `header` never matches `ad`). Block rules look at a
/// collapsed text block ("Read more: …", "Most Read", "1.2K Shares").
enum BoilerplateRules {
  /// Elements never holding article text.
  static let dropTags: Set<String> = [
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
    "button", "select", "input", "textarea", "option", "video", "audio", "map", "dialog",
    "head", "title", "meta", "link",
  ]

  /// Elements that are page furniture unless they hold most of the page's paragraph text.
  static let furnitureTags: Set<String> = [
    "nav", "aside", "footer", "header", "form", "figure", "figcaption", "menu",
  ]

  /// Words of class/id that mark furniture: `class="social-share"`, `id="related"`.
  static let furnitureWords: Set<String> = [
    "nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "share",
    "sharing", "shares", "social", "socials", "related", "comment", "comments", "footer",
    "newsletter", "cookie", "cookies", "consent", "gdpr", "ad", "ads", "advert", "adverts",
    "advertisement", "advertising", "adslot", "dfp", "promo", "promotion", "promoted",
    "sponsor", "sponsored", "caption", "credit", "credits", "sidebar", "outbrain", "taboola",
    "popup", "modal", "subscribe", "subscription", "paywall", "signup", "teaser", "teasers",
    "recommended", "recommendations", "trending", "popular", "mostread", "readnext",
    "masthead", "toolbar", "pagination", "pager", "skip", "banner", "widget", "widgets",
    "tags", "tagcloud", "byline", "dateline", "timestamp", "author", "meta", "disqus",
    "print", "hidden", "overlay", "jumplink", "moreinfo",
  ]

  /// Furniture words that also appear on real content wrappers (`TestReport__Section--Ads`,
  /// Blogger's `widget Blog`): these only remove elements with little plain text.
  static let weakFurnitureWords: Set<String> = [
    "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adslot", "dfp", "promo",
    "promotion", "promoted", "widget", "widgets", "banner", "meta", "hidden", "popup", "modal",
    "overlay", "skip", "print", "tags", "pagination", "pager", "toolbar", "moreinfo", "jumplink",
    "masthead", "teaser", "teasers", "subscription",
  ]

  /// Multi-word class/id names that mark furniture, matched on the squashed class string.
  static let furniturePhrases: [String] = [
    "most-read", "most_read", "mostread", "read-next", "readnext", "read_next", "more-stories",
    "morestories", "read-more", "readmore", "also-read", "see-also", "author-bio", "authorbio",
    "about-author", "post-meta", "entry-meta", "article-meta", "top-stories", "more-from",
  ]

  /// Class/id words that say "this is the article" and protect an element from word rules.
  static let contentWords: Set<String> = [
    "article", "content", "main", "body", "post", "entry", "story", "text", "articlebody",
  ]

  /// The lower-case words of a class/id string: letters and digits runs, camelCase split.
  static func words(_ classAndID: String) -> [String] {
    // Class names are nearly always ASCII: split on bytes (Unicode property look-ups per
    // Character made this a quarter of extraction time).
    if classAndID.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(classAndID) }
    var out: [String] = []
    var cur = ""
    var previousLower = false
    for ch in classAndID {
      if ch.isLetter {
        // camelCase: "newsCaption" → "news", "caption".
        if ch.isUppercase && previousLower && !cur.isEmpty {
          out.append(cur)
          cur = ""
        }
        previousLower = ch.isLowercase
        cur.append(contentsOf: ch.lowercased())
      } else {
        previousLower = false
        if !cur.isEmpty { out.append(cur) }
        cur = ""
      }
    }
    if !cur.isEmpty { out.append(cur) }
    return out
  }

  /// ``words(_:)`` for ASCII input, on bytes; `splitCamelCase: false` gives the words of the
  /// lower-cased string (`"newsCaption"` → `"newscaption"`) without building it.
  static func asciiWords(_ s: String, splitCamelCase: Bool = true) -> [String] {
    var copy = s
    return copy.withUTF8 { b in
      var out: [String] = []
      var start = -1
      var hasUpper = false
      var previousLower = false
      func emit(_ end: Int) {
        let word = UnsafeBufferPointer(rebasing: b[start..<end])
        out.append(
          hasUpper
            ? String(decoding: word.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
            : String(decoding: word, as: UTF8.self))
        start = -1
        hasUpper = false
      }
      for i in 0..<b.count {
        let c = b[i]
        let upper = c >= 65 && c <= 90
        let lower = c >= 97 && c <= 122
        if upper || lower {
          // camelCase: "newsCaption" → "news", "caption".
          if splitCamelCase && upper && previousLower && start >= 0 { emit(i) }
          if start < 0 { start = i }
          hasUpper = hasUpper || upper
          previousLower = lower
        } else {
          previousLower = false
          if start >= 0 { emit(i) }
        }
      }
      if start >= 0 { emit(b.count) }
      return out
    }
  }

  /// True when the class/id of an element names furniture (`"share-tools"`, `"ad-slot"`).
  /// 0 = not furniture, 1 = weak furniture words only, 2 = strong furniture.
  static func furnitureStrength(_ classAndID: String) -> Int {
    furnitureStrength(words: words(classAndID), lower: classAndID.lowercased())
  }

  /// ``furnitureStrength(_:)`` from the class/id's ``words(_:)`` and its lower-cased form
  /// (nodes cache both).
  static func furnitureStrength(words ws: [String], lower: String) -> Int {
    // One pass with the same answers as ``classLooksLikeFurniture(words:lower:)`` followed by
    // the phrase and strong-word tests (it ran for every element with a class).
    guard !ws.isEmpty else { return 0 }
    if ws.contains(where: { $0 == "embed" || $0 == "embedded" || $0 == "tweet" }) { return 0 }
    var l = lower
    let phrase = l.withUTF8 { h in
      furniturePhraseBytes.contains { n in n.withUnsafeBufferPointer { HTMLText.contains(h, $0) } }
    }
    if phrase { return 2 }
    var weak = false
    for w in ws where furnitureWords.contains(w) {
      if !weakFurnitureWords.contains(w) { return 2 }
      weak = true
    }
    if weak { return 1 }
    for w in ws where w.utf8.count >= 6 && furnitureInfixes.contains(where: { HTMLText.contains(w, $0) }) {
      return 1
    }
    return 0
  }

  /// ``furniturePhrases`` as UTF-8 bytes, for searching without bridging.
  private static let furniturePhraseBytes: [[UInt8]] = furniturePhrases.map { Array($0.utf8) }

  static func classLooksLikeFurniture(_ classAndID: String) -> Bool {
    guard !classAndID.isEmpty else { return false }
    return classLooksLikeFurniture(words: words(classAndID), lower: classAndID.lowercased())
  }

  static func classLooksLikeFurniture(words ws: [String], lower: String) -> Bool {
    guard !ws.isEmpty else { return false }
    // Embedded posts (tweets, Instagram) are part of the story.
    if ws.contains(where: { $0 == "embed" || $0 == "embedded" || $0 == "tweet" }) { return false }
    for p in furniturePhrases where HTMLText.contains(lower, p) { return true }
    for w in ws where furnitureWords.contains(w) { return true }
    // Glued names: "imagecaption", "photocredit", "socialbar".
    for w in ws where w.utf8.count >= 6 && furnitureInfixes.contains(where: { HTMLText.contains(w, $0) }) {
      return true
    }
    return false
  }

  /// Furniture words also found glued to others in class names.
  static let furnitureInfixes = [
    "caption", "credit", "advert", "sharing", "social", "newsletter", "breadcrumb", "cookie",
    "related", "sidebar", "comment",
  ]

  /// True when the class/id names the article body (`"article-body"`, `"entry-content"`).
  static func classLooksLikeContent(_ classAndID: String) -> Bool {
    classLooksLikeContent(words: words(classAndID))
  }

  static func classLooksLikeContent(words ws: [String]) -> Bool {
    ws.contains { contentWords.contains($0) }
  }

  // MARK: Text blocks

  /// Lower-case starts of blocks that link elsewhere or advertise.
  static let boilerplateStarts: [String] = [
    "read more", "read also", "also read", "see also", "related:", "related news",
    "related stories", "related articles", "related content", "related coverage", "most read",
    "most popular", "most viewed", "read next", "recommended", "advertisement", "sponsored",
    "share this", "share on", "share via", "click here to", "sign up", "subscribe to",
    "subscribe now", "follow us", "lesen sie auch", "lesen sie mehr", "mehr zum thema",
    "weiterlesen", "das könnte sie auch", "lire aussi", "à lire aussi", "leer más", "lee también",
    "leggi anche", "you may also like", "you might also like", "more from", "more on this",
    "continue reading", "next article", "previous article", "top stories", "trending",
    "image source", "image caption", "photo:", "photo credit", "image:", "credit:", "foto:",
    "bild:", "getty images", "all rights reserved", "copyright ©", "©",
  ]

  /// Whole blocks that are furniture.
  static let boilerplateLines: Set<String> = [
    "share", "tweet", "email", "print", "comments", "comment", "advertisement", "anzeige",
    "werbung", "related", "more", "menu", "close", "search", "login", "log in", "sign in",
    "subscribe", "newsletter", "facebook", "twitter", "linkedin", "whatsapp", "pinterest",
    "reddit", "copy link", "share this article", "share this story", "story continues below",
    "article continues below", "continue reading below", "skip to content", "back to top",
    "advert", "adverts", "ad", "don't miss", "don’t miss", "watch", "listen", "see more",
    "view comments", "show comments", "load more", "this slideshow requires javascript",
    "enable javascript", "loading", "loading...", "close", "top", "next", "previous",
  ]

  /// Short blocks (< 100 characters) containing these are photo credits or updates.
  static let shortBlockMarkers: [String] = [
    "getty images", "shutterstock", "afp via getty", "photo credit", "image credit", "bildquelle",
    "© imago", "dpa picture", "(photo:", "(foto:", "(bild:",
  ]

  /// Starts of short blocks (< 60 characters) that are time stamps: "Updated at 1:23 p.m.".
  static let shortStampStarts: [String] = [
    "updated", "last updated", "published", "posted", "aktualisiert", "veröffentlicht", "stand:",
    "erstellt", "mis à jour", "publié",
  ]

  /// Marks trimmed from both ends of a block before ``boilerplateLines`` is consulted.
  static let blockTrimScalars: Set<Unicode.Scalar> = Set(" .:!|»›>-–—".unicodeScalars)

  /// True when a text block is furniture: "Read more: …", "Most Read", "1.2K Shares".
  static func isBoilerplateBlock(_ text: String, linkDensity: Double) -> Bool {
    let length = text.unicodeScalars.count
    // Every rule below looks at a short block whole, or at the first words of a long one:
    // lower-casing only a prefix of long paragraphs keeps this off the profile. The longest
    // listed start is under 40 characters; 64 leaves room for case mappings that grow.
    let short = length < 160
    let lower = short ? text.lowercased() : String(text.prefix(64)).lowercased()
    if short {
      let trimmed = HTMLText.trimming(lower, blockTrimScalars)
      if boilerplateLines.contains(trimmed) { return true }
      if isShareCount(trimmed) { return true }
    }
    if length < 100, shortBlockMarkers.contains(where: { HTMLText.contains(lower, $0) }) { return true }
    if length < 60, shortStampStarts.contains(where: { lower.hasPrefix($0) }),
      text.contains(where: { $0.isNumber })
    {
      return true
    }
    for s in boilerplateStarts where lower.hasPrefix(s) {
      if short || linkDensity > 0.3 { return true }
    }
    return false
  }

  /// "1.2K shares", "37 Comments", "2,431 views".
  static func isShareCount(_ lower: String) -> Bool {
    // Most blocks start with an ASCII non-digit: no need to split them.
    if let b = lower.utf8.first, b < 0x80, !(b >= 48 && b <= 57) { return false }
    let parts = lower.split(separator: " ")
    guard parts.count == 2 || parts.count == 1 else { return false }
    let num = parts[0]
    guard let f = num.first, f.isNumber else { return false }
    guard num.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," || $0 == "k" || $0 == "m" }) else {
      return false
    }
    if parts.count == 1 { return false }
    return ["shares", "share", "comments", "comment", "views", "likes", "reads"].contains(String(parts[1]))
  }
}

import Foundation
