import BylineCore

/// Finds a human-written date (and time) in a short line of text, as bylines and date lines
/// show them.
///
/// Understood forms (month names in English, German, French, Spanish, Italian, Portuguese,
/// Dutch, Polish, Russian, Ukrainian; weekdays and words around the date are skipped):
/// - `22 Jul 2024 18:17`, `22nd July 2024`, `22. Juli 2024, 18:17 Uhr`, `22 de julio de 2024`
/// - `July 22, 2024 6:17 PM`, `Monday, July 22, 2024`, `Jul. 22nd 2024 at 6:17 pm`
/// - `22.07.2024`, `22.07.24 18.17 Uhr`, `2024-07-22`, `2024-07-22T18:17:05+03:00`, `2024/07/22`
/// - `07/22/2024` (month first when the first number is ≤ 12, day first otherwise; with
///   `preferDayFirst`, day first unless the second number is > 12)
/// - `2024年7月22日`
/// A time right before the date (`18:17, 22 July 2024`) is also taken. `GMT`/`UTC`/`Z` after
/// the time set a zero UTC offset, `GMT+10` / `UTC-05:00` that offset; numeric offsets after an ISO time are kept; no conversion is
/// applied. Years must lie in 1900–2100. Returns nil when no valid date is found.
public struct DateLineParser: Sendable {
  /// Read ambiguous slashed dates (`03/04/2024`) day first, as outside the United States.
  public var preferDayFirst: Bool

  public init(preferDayFirst: Bool = false) {
    self.preferDayFirst = preferDayFirst
  }

  /// A date found in a line and the UTF-8 byte range it covers.
  public struct Match: Sendable, Hashable {
    public var date: PublicationDate
    public var utf8Start: Int
    public var utf8End: Int
  }

  /// The first date in `line`, or nil.
  public func parse(_ line: String) -> PublicationDate? { firstMatch(in: line)?.date }

  /// The first date in `line` with its UTF-8 range, or nil.
  public func firstMatch(in line: String) -> Match? {
    let toks = DateToken.tokenize(line)
    var i = 0
    while i < toks.count {
      if let (date, end) = matchDate(toks, i) {
        var d = date
        var last = end
        if let (t, tEnd) = matchTime(toks, skipJoiners(toks, end)) {
          d.hour = t.hour
          d.minute = t.minute
          d.second = t.second
          d.utcOffsetMinutes = t.offset
          last = tEnd
        } else if let (t, _) = timeBefore(toks, i) {
          d.hour = t.hour
          d.minute = t.minute
          d.second = t.second
          d.utcOffsetMinutes = t.offset
        }
        guard d.isValid else {
          i += 1
          continue
        }
        return Match(date: d, utf8Start: toks[i].start, utf8End: toks[last - 1].end)
      }
      i += 1
    }
    return nil
  }

  // MARK: Dates

  private func year(_ t: DateToken) -> Int? {
    guard case .number(let v, let digits) = t.kind else { return nil }
    if digits == 4, (1900...2100).contains(v) { return v }
    return nil
  }

  private func shortOrLongYear(_ t: DateToken) -> Int? {
    guard case .number(let v, let digits) = t.kind else { return nil }
    if digits == 4, (1900...2100).contains(v) { return v }
    if digits == 2 { return 2000 + v }
    return nil
  }

  private func dayNumber(_ t: DateToken) -> Int? {
    guard case .number(let v, let digits) = t.kind, digits <= 2, (1...31).contains(v) else {
      return nil
    }
    return v
  }

  private func monthWord(_ t: DateToken) -> Int? {
    guard case .word(let w) = t.kind else { return nil }
    return MonthNames.month(w)
  }

  /// Skips an ordinal suffix ("nd"), a period, "de"/"del", a comma after a day number.
  private func skipDayTail(_ toks: [DateToken], _ j: Int) -> Int {
    var k = j
    if k < toks.count, case .word(let w) = toks[k].kind, ["st", "nd", "rd", "th", "er", "e"].contains(w),
      toks[k].glued
    {
      k += 1
    }
    return skipMonthTail(toks, k)
  }

  private func skipMonthTail(_ toks: [DateToken], _ j: Int) -> Int {
    var k = j
    while k < toks.count {
      if toks[k].isPunct(".") || toks[k].isPunct(",") {
        k += 1
      } else if case .word(let w) = toks[k].kind, w == "de" || w == "del" {
        k += 1
      } else {
        break
      }
    }
    return k
  }

  /// Returns the date and the index after it.
  private func matchDate(_ t: [DateToken], _ i: Int) -> (PublicationDate, Int)? {
    let n = t.count
    // ISO / year-first: 2024-07-22, 2024/07/22, 2024.07.22, 2024年7月22日
    if let y = year(t[i]), i + 4 < n, let sep = t[i + 1].punct, "-/.年".contains(sep),
      case .number(let mo, _) = t[i + 2].kind, t[i + 3].punct == (sep == "年" ? "月" : sep),
      let d = dayNumber(t[i + 4])
    {
      var end = i + 5
      if sep == "年", end < n, t[end].punct == "日" { end += 1 }
      let date = PublicationDate(year: y, month: mo, day: d)
      if date.isValid {
        return (date, end)
      }
    }
    // Numeric day-first or month-first: 22.07.2024, 07/22/2024, 22-07-2024, 22.07.24
    if case .number(let a, let ad) = t[i].kind, ad <= 2, i + 4 < n, let sep = t[i + 1].punct,
      ".-/".contains(sep), case .number(let b, let bd) = t[i + 2].kind, bd <= 2,
      t[i + 3].punct == sep, let y = shortOrLongYear(t[i + 4]), !t[i + 4].followedByDigitGroup(t, i + 4)
    {
      var day = a
      var month = b
      if sep == "/" && a <= 12 && (!preferDayFirst || b > 12) {  // month first (US)
        day = b
        month = a
      }
      let date = PublicationDate(year: y, month: month, day: day)
      if date.isValid { return (date, i + 5) }
    }
    // Day month-name year: 22 July 2024, 22. Juli 2024, 22 de julio de 2024, 22nd of July 2024
    if let d = dayNumber(t[i]) {
      var k = skipDayTail(t, i + 1)
      if k < n, case .word(let w) = t[k].kind, w == "of" { k += 1 }
      if k < n, let m = monthWord(t[k]) {
        var k2 = skipMonthTail(t, k + 1)
        // Two names of one month: "24 نيسان / أبريل 2020" (Levantine / Egyptian Arabic).
        if k2 + 1 < n, t[k2].isPunct("/"), monthWord(t[k2 + 1]) == m { k2 = skipMonthTail(t, k2 + 2) }
        if k2 < n, let y = year(t[k2]) {
          return (PublicationDate(year: y, month: m, day: d), k2 + 1)
        }
      }
    }
    // Month-name day, year: July 22, 2024; Jul. 22nd 2024
    if let m = monthWord(t[i]) {
      var k = i + 1
      if k < n, t[k].isPunct(".") { k += 1 }
      if k < n, let d = dayNumber(t[k]) {
        let k2 = skipDayTail(t, k + 1)
        if k2 < n, let y = year(t[k2]) {
          return (PublicationDate(year: y, month: m, day: d), k2 + 1)
        }
      }
    }
    return nil
  }

  // MARK: Times

  struct Time {
    var hour: Int
    var minute: Int
    var second: Int?
    var offset: Int?
  }

  /// Skips words and marks that join a date and its time: ",", "at", "um", "à", "-", "|", "•".
  private func skipJoiners(_ t: [DateToken], _ j: Int) -> Int {
    var k = j
    var steps = 0
    while k < t.count, steps < 3 {
      if let p = t[k].punct, ",-|•·/–—(".contains(p) {
        k += 1
      } else if case .word(let w) = t[k].kind,
        ["at", "um", "à", "a", "as", "alle", "om", "o", "в", "о", "t", "kl", "klo", "hrs"].contains(w)
      {
        k += 1
      } else {
        break
      }
      steps += 1
    }
    return k
  }

  /// `18:17`, `18:17:05`, `6:17 PM`, `6.17 p.m.`, `18.17 Uhr`, `18h17`, then an optional
  /// GMT/UTC/Z or ±hh:mm.
  private func matchTime(_ t: [DateToken], _ i: Int) -> (Time, Int)? {
    let n = t.count
    guard i + 2 < n, case .number(var h, let hd) = t[i].kind, hd <= 2, h <= 24 else { return nil }
    guard let sep = t[i + 1].punct.map({ String($0) }) ?? t[i + 1].wordValue, sep == ":" || sep == "." || sep == "h"
    else { return nil }
    guard case .number(let m, let md) = t[i + 2].kind, md == 2, m < 60 else { return nil }
    var k = i + 3
    var second: Int?
    if k + 1 < n, t[k].isPunct(":"), case .number(let s, 2) = t[k + 1].kind, s <= 60 {
      second = s
      k += 2
    }
    var meridiem = false
    if k < n, case .word(let w) = t[k].kind {
      if w == "am" || w == "a" && k + 2 < n && t[k + 1].isPunct(".") && t[k + 2].wordValue == "m" {
        if h == 12 { h = 0 }
        k += (w == "am" ? 1 : 3)
        meridiem = true
      } else if w == "pm" || w == "p" && k + 2 < n && t[k + 1].isPunct(".") && t[k + 2].wordValue == "m" {
        if h < 12 { h += 12 }
        k += (w == "pm" ? 1 : 3)
        meridiem = true
      }
      if meridiem, k < n, t[k].isPunct(".") { k += 1 }
    }
    if sep == "." && !meridiem {
      // "18.17" alone is too ambiguous; require "Uhr" or "h".
      guard k < n, let w = t[k].wordValue, w == "uhr" || w == "h" else { return nil }
    }
    if k < n, let w = t[k].wordValue, w == "uhr" { k += 1 }
    var offset: Int?
    if k < n, let w = t[k].wordValue, ["gmt", "utc", "z"].contains(w) {
      offset = 0
      k += 1
      // "GMT+10", "UTC-05:00": the zone's offset follows.
      if k + 1 < n, let p = t[k].punct, p == "+" || p == "-", t[k].glued, case .number(let v, let vd) = t[k + 1].kind,
        vd <= 2, v <= 14
      {
        var mins = v * 60
        k += 2
        if k + 1 < n, t[k].isPunct(":"), case .number(let om, 2) = t[k + 1].kind, om < 60 {
          mins += om
          k += 2
        }
        offset = p == "-" ? -mins : mins
      }
    } else if k + 1 < n, let p = t[k].punct, p == "+" || p == "-",
      case .number(let v, let vd) = t[k + 1].kind, vd == 4 || vd == 2
    {
      var mins = vd == 4 ? (v / 100) * 60 + v % 100 : v * 60
      var end = k + 2
      if vd == 2, k + 3 < n, t[k + 2].isPunct(":"), case .number(let om, 2) = t[k + 3].kind {
        mins += om
        end = k + 4
      }
      if mins <= 14 * 60 {
        offset = p == "-" ? -mins : mins
        k = end
      }
    }
    guard h <= 23 else { return nil }
    return (Time(hour: h, minute: m, second: second, offset: offset), k)
  }

  /// A time right before the date: "18:17, 22 July 2024" / "18:17 GMT 22.07.2024".
  private func timeBefore(_ t: [DateToken], _ i: Int) -> (Time, Int)? {
    for start in stride(from: i - 1, through: max(0, i - 8), by: -1) {
      if let (time, end) = matchTime(t, start), skipJoiners(t, end) == i || end == i {
        return (time, end)
      }
    }
    return nil
  }
}

/// A token of a date line: a number, a lower-cased word or one punctuation character, with its
/// UTF-8 range. `glued` is true when no space separates it from the previous token.
struct DateToken {
  enum Kind {
    case number(Int, digits: Int)
    case word(String)
    case punct(Character)
  }

  var kind: Kind
  var start: Int
  var end: Int
  var glued: Bool

  var punct: Character? {
    if case .punct(let c) = kind { return c }
    return nil
  }

  var wordValue: String? {
    if case .word(let w) = kind { return w }
    return nil
  }

  func isPunct(_ c: Character) -> Bool { punct == c }

  /// True when this number is directly followed by another glued digit group ("2024.5"), which
  /// means it is not a stand-alone year.
  func followedByDigitGroup(_ toks: [DateToken], _ i: Int) -> Bool {
    guard i + 2 < toks.count, toks[i + 1].glued, toks[i + 1].punct == ".", toks[i + 2].glued,
      case .number = toks[i + 2].kind
    else { return false }
    return true
  }

  static func tokenize(_ s: String) -> [DateToken] {
    var out: [DateToken] = []
    var offset = 0
    var lastEnd = -1
    var current: (isNumber: Bool, text: String, start: Int)?
    func flush(_ end: Int) {
      guard let c = current else { return }
      let glued = c.start == lastEnd
      if c.isNumber {
        let v = Int(c.text.prefix(9)) ?? 0
        out.append(DateToken(kind: .number(v, digits: c.text.count), start: c.start, end: end, glued: glued))
      } else {
        out.append(DateToken(kind: .word(c.text.lowercased()), start: c.start, end: end, glued: glued))
      }
      lastEnd = end
      current = nil
    }
    for u in s.unicodeScalars {
      let len = UTF8.width(u)
      let isDigit = u.value >= 48 && u.value <= 57
      let isHan = (0x5E74 == u.value || 0x6708 == u.value || 0x65E5 == u.value)  // 年 月 日
      let isLetter = !isHan && u.properties.isAlphabetic
      if isDigit || isLetter {
        if let c = current, c.isNumber != isDigit { flush(offset) }
        if current == nil { current = (isDigit, "", offset) }
        current!.text.unicodeScalars.append(u)
      } else {
        flush(offset)
        if !HTMLText.isSpace(u) {
          out.append(
            DateToken(kind: .punct(Character(u)), start: offset, end: offset + len, glued: offset == lastEnd))
          lastEnd = offset + len
        }
      }
      offset += len
    }
    flush(offset)
    return out
  }
}
