import BylineCore

/// Finds a publication date (and time) in one short page line: "22 Jul 2024 18:17",
/// "July 22, 2024", "Published: March 3, 2023 at 10:15 a.m. EST", "11/20/2019 01:14 PM",
/// "2019-11-19T12:48:14Z".
///
/// A minimal parser for the page-dump extractor; it should be replaced by the shared
/// `DateLineParser` once that lands. Limits: English month names only; numeric `a/b/yyyy` is
/// read as month/day unless the first number is over 12; time zones are kept only for the
/// abbreviations listed in `zones` (wall-clock time is never converted).
enum TextDumpDateLine {
  private struct Tok {
    var text: String  // lowercased
    var isNumber: Bool
    /// The separator text before this token (lowercased, spaces kept).
    var before: String
  }

  private static let months: [String: Int] = [
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
  ]

  /// UTC offsets in minutes of zone abbreviations pages print after a time.
  private static let zones: [String: Int] = [
    "utc": 0, "gmt": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
    "mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "bst": 60, "cet": 60, "cest": 120,
  ]

  private static func tokens(_ line: String) -> [Tok] {
    var out: [Tok] = []
    var cur = String.UnicodeScalarView()
    var sep = String.UnicodeScalarView()
    var curIsNumber = false
    func flush() {
      guard !cur.isEmpty else { return }
      out.append(Tok(text: String(cur).lowercased(), isNumber: curIsNumber, before: String(sep)))
      cur = String.UnicodeScalarView()
      sep = String.UnicodeScalarView()
    }
    for s in line.unicodeScalars {
      let digit = s.value >= 48 && s.value <= 57
      let letter = !digit && TextDumpScan.isWord(s)
      if digit || letter {
        if !cur.isEmpty && digit != curIsNumber { flush() }
        curIsNumber = digit
        cur.append(s)
      } else {
        flush()
        sep.append(s)
      }
    }
    flush()
    return out
  }

  /// True when the line holds a calendar date or a relative age ("3 hours ago").
  static func containsDate(_ line: String) -> Bool {
    if parse(line) != nil { return true }
    let t = tokens(line)
    for i in t.indices.dropLast(2) where t[i].isNumber {
      let unit = t[i + 1].text
      if ["minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "mins", "hrs"]
        .contains(unit), t[i + 2].text == "ago"
      {
        return true
      }
    }
    return false
  }

  /// The first date in the line with the time that follows (or precedes) it, or nil.
  static func parse(_ line: String) -> PublicationDate? {
    let t = tokens(line)
    guard !t.isEmpty else { return nil }
    func num(_ i: Int) -> Int? {
      guard i >= 0, i < t.count, t[i].isNumber, t[i].text.count <= 4 else { return nil }
      return Int(t[i].text)
    }
    func month(_ i: Int) -> Int? {
      guard i >= 0, i < t.count, !t[i].isNumber else { return nil }
      return months[t[i].text]
    }
    /// Skips an ordinal suffix token ("22nd" is "22" + "nd").
    func afterOrdinal(_ i: Int) -> Int {
      if i < t.count, ["st", "nd", "rd", "th"].contains(t[i].text), t[i].before.isEmpty {
        return i + 1
      }
      return i
    }
    for i in t.indices {
      var found: (PublicationDate, Int)?  // date and index just after it
      if let m = month(i) {
        // "July 22, 2024", "Jul. 22nd 2024"
        if let d = num(i + 1), t[i + 1].text.count <= 2 {
          let j = afterOrdinal(i + 2)
          if let y = num(j), t[j].text.count == 4 {
            found = (PublicationDate(year: y, month: m, day: d), j + 1)
          }
        }
        // "22 Jul 2024", "22nd July 2024"
        if found == nil, i >= 1, let y = num(i + 1), t[i + 1].text.count == 4 {
          var k = i - 1
          if ["st", "nd", "rd", "th"].contains(t[k].text), k >= 1 { k -= 1 }
          if let d = num(k), t[k].text.count <= 2 {
            found = (PublicationDate(year: y, month: m, day: d), i + 2)
          }
        }
      } else if let a = num(i), t[i].text.count == 4, i + 2 < t.count, t[i + 1].before == "-",
        t[i + 2].before == "-", let b = num(i + 1), let c = num(i + 2)
      {
        // "2024-07-22"
        found = (PublicationDate(year: a, month: b, day: c), i + 3)
      } else if let a = num(i), t[i].text.count <= 2, i + 2 < t.count,
        t[i + 1].before == "/" || t[i + 1].before == ".",
        t[i + 2].before == t[i + 1].before, let b = num(i + 1), t[i + 1].text.count <= 2,
        let c = num(i + 2), t[i + 2].text.count == 4 || t[i + 2].text.count == 2
      {
        // "11/20/2019" (month first unless the first number cannot be a month), "21.06.2014"
        let year = c < 100 ? 2000 + c : c
        let dayFirst = a > 12 || t[i + 1].before == "."
        found = (
          PublicationDate(year: year, month: dayFirst ? b : a, day: dayFirst ? a : b), i + 3
        )
      }
      guard let (found, next) = found, found.isValid else { continue }
      var date = found
      if !addTime(t, from: next, to: &date) {
        _ = addTime(t, from: max(0, i - 6), to: &date, before: i)
      }
      return date
    }
    return nil
  }

  /// Reads "18:17", "10:15 a.m.", "01:14 PM", "12:48:14Z", "6 pm EST" starting at token `from`
  /// (up to `before`); returns false when no time is there.
  private static func addTime(
    _ t: [Tok], from: Int, to date: inout PublicationDate, before: Int? = nil
  ) -> Bool {
    let limit = min(before ?? t.count, t.count)
    var i = from
    // Allow "at", "T", "-", "|" and weekday-free gaps of at most two tokens.
    while i < limit, i < from + (before == nil ? 3 : 6) {
      guard t[i].isNumber, t[i].text.count <= 2, let h = Int(t[i].text) else {
        i += 1
        continue
      }
      var hour = h
      var minute = 0
      var second: Int?
      var j = i + 1
      if j < limit, t[j].before == ":", t[j].isNumber, t[j].text.count == 2 {
        minute = Int(t[j].text) ?? 0
        j += 1
        if j < limit, t[j].before == ":", t[j].isNumber, t[j].text.count == 2 {
          second = Int(t[j].text)
          j += 1
        }
      } else if !(j < limit && ["am", "pm", "a", "p"].contains(t[j].text)) {
        i += 1
        continue
      }
      // a.m. / p.m. / AM / PM
      if j < limit, !t[j].isNumber {
        let w = t[j].text
        var ampm: String?
        if w == "am" || w == "pm" {
          ampm = w
          j += 1
        } else if (w == "a" || w == "p"), j + 1 < limit, t[j + 1].text == "m" {
          ampm = w + "m"
          j += 2
        }
        if let ap = ampm {
          if ap == "pm", hour < 12 { hour += 12 }
          if ap == "am", hour == 12 { hour = 0 }
        }
      }
      guard hour <= 23, minute <= 59 else { return false }
      date.hour = hour
      date.minute = minute
      date.second = second
      if j < limit, !t[j].isNumber, let off = zones[t[j].text] {
        date.utcOffsetMinutes = off
      } else if j < limit, t[j].isNumber, t[j].before == "+" || t[j].before == "-",
        t[j].text.count == 2 || t[j].text.count == 4
      {
        let v = Int(t[j].text) ?? 0
        var minutes = t[j].text.count == 4 ? (v / 100) * 60 + v % 100 : v * 60
        if j + 1 < limit, t[j].text.count == 2, t[j + 1].before == ":", t[j + 1].isNumber {
          minutes += Int(t[j + 1].text) ?? 0
        }
        date.utcOffsetMinutes = t[j].before == "-" ? -minutes : minutes
      }
      return true
    }
    return false
  }
}
