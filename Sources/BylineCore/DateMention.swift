/// TIMEX3 types.
public enum TimexType: String, Sendable, Hashable, Codable {
  case date = "DATE", time = "TIME", duration = "DURATION", set = "SET"
}

/// A temporal expression normalised TimeML-style.
public struct DateMention: Hashable, Sendable, Attributed {
  public var range: TextRange
  public var type: TimexType
  /// The TIMEX3 value: `2024-07-15`, `2024-08`, `P13Y`, `PAST_REF`, `XXXX-07-15`, ….
  public var value: String
  /// TIMEX3 `mod` (`START`, `MID`, `END`, `APPROX`, `BEFORE`, `AFTER`, …), if any.
  public var mod: String?
  public var rule: String

  public init(range: TextRange, type: TimexType, value: String, mod: String? = nil, rule: String) {
    self.range = range
    self.type = type
    self.value = value
    self.mod = mod
    self.rule = rule
  }
}
