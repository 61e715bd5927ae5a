/// Every annotation records the rule or model that made it, so a report can say why.
///
/// Rule names are stable dotted strings, `stage.rule` (e.g. `quotes.cue-after-quote`,
/// `entities.title-person`, `places.population`).
public protocol Attributed {
  /// The rule or model that produced this annotation.
  var rule: String { get }
}
