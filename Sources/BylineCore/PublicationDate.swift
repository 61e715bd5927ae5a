/// A calendar date with an optional time of day and UTC offset, as pages state them.
///
/// Written out in ISO 8601 with only the precision that is known: `2024-07-22`,
/// `2024-07-22T18:17`, `2024-07-22T18:17:05+03:00`. No time zone conversion is ever applied:
/// the wall-clock time the page gives is kept.
public struct PublicationDate: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var year: Int
  /// 1–12.
  public var month: Int
  /// 1–31.
  public var day: Int
  public var hour: Int?
  public var minute: Int?
  public var second: Int?
  /// Offset from UTC in minutes (`+03:00` → 180), when stated.
  public var utcOffsetMinutes: Int?

  public init(
    year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil, second: Int? = nil,
    utcOffsetMinutes: Int? = nil
  ) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
    self.utcOffsetMinutes = utcOffsetMinutes
  }

  /// True when the fields form a real Gregorian date and a valid time.
  public var isValid: Bool {
    guard (1...9999).contains(year), (1...12).contains(month) else { return false }
    guard (1...PublicationDate.daysIn(month: month, year: year)).contains(day) else { return false }
    if let h = hour, !(0...23).contains(h) { return false }
    if let m = minute, !(0...59).contains(m) { return false }
    if let s = second, !(0...60).contains(s) { return false }
    return true
  }

  /// `YYYY-MM-DD`.
  public var dayString: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }

  /// ISO 8601 with the known precision.
  public var description: String {
    var s = dayString
    guard let h = hour else { return s }
    s += "T" + pad(h, 2) + ":" + pad(minute ?? 0, 2)
    if let sec = second { s += ":" + pad(sec, 2) }
    if let off = utcOffsetMinutes {
      if off == 0 {
        s += "Z"
      } else {
        s += (off < 0 ? "-" : "+") + pad(abs(off) / 60, 2) + ":" + pad(abs(off) % 60, 2)
      }
    }
    return s
  }

  /// ISO weekday: 1 = Monday … 7 = Sunday.
  public var isoWeekday: Int {
    // Days since 0001-01-01 (a Monday in the proleptic Gregorian calendar).
    (dayNumber % 7 + 7) % 7 + 1
  }

  /// Days since 0001-01-01; lets callers add days and compare.
  public var dayNumber: Int {
    let y = year - 1
    var n = y * 365 + y / 4 - y / 100 + y / 400
    for m in 1..<month { n += PublicationDate.daysIn(month: m, year: year) }
    return n + day - 1
  }

  /// The date `days` days later (earlier when negative); time fields are kept.
  public func adding(days: Int) -> PublicationDate {
    var d = PublicationDate.fromDayNumber(dayNumber + days)
    d.hour = hour
    d.minute = minute
    d.second = second
    d.utcOffsetMinutes = utcOffsetMinutes
    return d
  }

  /// The date for a day number as returned by ``dayNumber``.
  public static func fromDayNumber(_ number: Int) -> PublicationDate {
    var y = max(1, number / 366)
    while PublicationDate(year: y + 1, month: 1, day: 1).dayNumber <= number { y += 1 }
    var rest = number - PublicationDate(year: y, month: 1, day: 1).dayNumber
    var m = 1
    while rest >= daysIn(month: m, year: y) {
      rest -= daysIn(month: m, year: y)
      m += 1
    }
    return PublicationDate(year: y, month: m, day: rest + 1)
  }

  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func < (a: PublicationDate, b: PublicationDate) -> Bool {
    (a.year, a.month, a.day, a.hour ?? -1, a.minute ?? -1, a.second ?? -1)
      < (b.year, b.month, b.day, b.hour ?? -1, b.minute ?? -1, b.second ?? -1)
  }

  /// Parses ISO 8601 forms: `2024-07-22`, `2024-07-22T18:17`, `2024-07-22 18:17:05`,
  /// `2024-07-22T18:17:05.123+03:00`, `20240722`. Returns nil for anything else or invalid dates.
  public init?(iso string: String) {
    let b = Array(string.utf8)
    var i = 0
    func digits(_ n: Int) -> Int? {
      guard i + n <= b.count else { return nil }
      var v = 0
      for k in 0..<n {
        let c = b[i + k]
        guard c >= 48, c <= 57 else { return nil }
        v = v * 10 + Int(c - 48)
      }
      i += n
      return v
    }
    func skip(_ c: UInt8) -> Bool {
      if i < b.count, b[i] == c { i += 1; return true }
      return false
    }
    while i < b.count, b[i] == 32 { i += 1 }
    guard let y = digits(4) else { return nil }
    let dashed = skip(45)
    guard let mo = digits(2) else { return nil }
    if dashed { guard skip(45) else { return nil } }
    guard let d = digits(2) else { return nil }
    self.init(year: y, month: mo, day: d)
    if i < b.count, b[i] == 84 || b[i] == 116 || b[i] == 32 {  // T, t or space
      i += 1
      guard let h = digits(2) else { return nil }
      _ = skip(58)
      guard let mi = digits(2) else { return nil }
      hour = h
      minute = mi
      if skip(58) {
        guard let s = digits(2) else { return nil }
        second = s
        if skip(46) || skip(44) { while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 } }
      }
      while i < b.count, b[i] == 32 { i += 1 }
      if skip(90) || skip(122) {
        utcOffsetMinutes = 0
      } else if i < b.count, b[i] == 43 || b[i] == 45 {
        let sign = b[i] == 45 ? -1 : 1
        i += 1
        guard let oh = digits(2) else { return nil }
        _ = skip(58)
        let om = digits(2) ?? 0
        utcOffsetMinutes = sign * (oh * 60 + om)
      }
    }
    while i < b.count, b[i] == 32 { i += 1 }
    guard i == b.count, isValid else { return nil }
  }
}

private func pad(_ v: Int, _ width: Int) -> String {
  let s = String(v)
  return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
