import BylineCore

/// A calendar reference with only the parts that are known, written out as a TIMEX3 value.
///
/// `year == nil` prints as `XXXX`; a decade (`199`) or century (`19`) replaces the year; one of
/// quarter, half, season, ISO week or month may follow; a day only follows a month; `part` is a
/// time suffix (`T18:17`, `TNI`, `TMO`) added after a day, week or weekday.
struct CalendarPoint: Hashable, Sendable {
  var year: Int?
  var month: Int?
  var day: Int?
  /// ISO week number (with `year` as the ISO week-numbering year); 0 = unknown week (`WXX`).
  var week: Int?
  /// ISO weekday inside an unknown week (`XXXX-WXX-1`), for SET values.
  var weekday: Int?
  var weekend = false
  var quarter: Int?
  var half: Int?
  var season: String?
  /// Three-digit decade prefix (`199` for the 1990s).
  var decade: Int?
  /// Two-digit century prefix (`19` for the 1900s).
  var century: Int?
  /// Time-of-day suffix with its `T`: `T18:17`, `TNI`.
  var part: String?

  init(year: Int? = nil, month: Int? = nil, day: Int? = nil) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// A day-precision point from a publication date (time dropped).
  init(_ d: PublicationDate) {
    self.init(year: d.year, month: d.month, day: d.day)
  }

  /// The day as a `PublicationDate`, when year, month and day are known and valid.
  var date: PublicationDate? {
    guard let y = year, let m = month, let d = day else { return nil }
    let p = PublicationDate(year: y, month: m, day: d)
    return p.isValid ? p : nil
  }

  /// True when the point names one day.
  var isDay: Bool { year != nil && month != nil && day != nil }

  /// TIMEX3 value.
  var value: String {
    if let c = century { return pad(c, 2) }
    if let d = decade { return pad(d, 3) }
    var s = year.map { pad($0, 4) } ?? "XXXX"
    if let q = quarter {
      s += "-Q" + String(q)
    } else if let h = half {
      s += "-H" + String(h)
    } else if let se = season {
      s += "-" + se
    } else if let w = week {
      s += w == 0 ? "-WXX" : "-W" + pad(w, 2)
      if let wd = weekday { s += "-" + String(wd) }
      if weekend { s += "-WE" }
      if let p = part, weekday != nil { s += p }
    } else if let m = month {
      s += "-" + pad(m, 2)
      if let d = day {
        s += "-" + pad(d, 2)
        if let p = part { s += p }
      }
    } else if let p = part, year == nil {
      s += "-XX-XX" + p
    }
    return s
  }
}

/// Calendar arithmetic on plain numbers (proleptic Gregorian, ISO weeks).
enum Cal {
  /// `(year, month)` moved by `n` months.
  static func addMonths(_ y: Int, _ m: Int, _ n: Int) -> (Int, Int) {
    let t = y * 12 + (m - 1) + n
    return (floorDiv(t, 12), t - floorDiv(t, 12) * 12 + 1)
  }

  /// ISO week-numbering year and week of a day.
  static func isoWeek(_ d: PublicationDate) -> (year: Int, week: Int) {
    let wd = d.isoWeekday
    // The Thursday of the same ISO week decides the year.
    let thursday = d.adding(days: 4 - wd)
    let jan1 = PublicationDate(year: thursday.year, month: 1, day: 1)
    return (thursday.year, (thursday.dayNumber - jan1.dayNumber) / 7 + 1)
  }

  /// The point for the ISO week containing `d`.
  static func weekPoint(_ d: PublicationDate) -> CalendarPoint {
    let (y, w) = isoWeek(d)
    var p = CalendarPoint(year: y)
    p.week = w
    return p
  }

  /// Quarter (1–4) of a month.
  static func quarter(ofMonth m: Int) -> Int { (m - 1) / 3 + 1 }

  /// TIMEX3 season code of a month, with the year it counts for (winter of December counts
  /// for the next year's January–February as the same season in the same year, kept simple).
  static func season(ofMonth m: Int) -> String {
    switch m {
    case 3...5: return "SP"
    case 6...8: return "SU"
    case 9...11: return "FA"
    default: return "WI"
    }
  }

  /// Order of seasons in a calendar year (spring first; winter last).
  static func seasonIndex(_ code: String) -> Int {
    switch code {
    case "SP": return 0
    case "SU": return 1
    case "FA": return 2
    default: return 3
    }
  }

  /// The `n`-th ISO weekday `wd` of a month (`n` = -1: the last one).
  static func nthWeekday(year: Int, month: Int, weekday wd: Int, n: Int) -> PublicationDate? {
    if n > 0 {
      let first = PublicationDate(year: year, month: month, day: 1)
      let offset = (wd - first.isoWeekday + 7) % 7
      let d = first.adding(days: offset + (n - 1) * 7)
      return d.month == month ? d : nil
    }
    let last = PublicationDate(year: year, month: month, day: PublicationDate.daysIn(month: month, year: year))
    return last.adding(days: -((last.isoWeekday - wd + 7) % 7))
  }

  /// Western Easter Sunday (anonymous Gregorian algorithm).
  static func easter(_ y: Int) -> PublicationDate {
    let a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4
    let f = (b + 8) / 25, g = (b - f + 1) / 3
    let h = (19 * a + b - d - g + 15) % 30
    let i = c / 4, k = c % 4
    let l = (32 + 2 * e + 2 * i - h - k) % 7
    let m = (a + 11 * h + 22 * l) / 451
    let month = (h + l - 7 * m + 114) / 31
    let day = (h + l - 7 * m + 114) % 31 + 1
    return PublicationDate(year: y, month: month, day: day)
  }

  static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}

func pad(_ v: Int, _ width: Int) -> String {
  let s = String(v)
  return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
