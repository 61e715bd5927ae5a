/// One processing step of the analysis pipeline: a function of the document.
///
/// A stage states which layers it reads (`requires`) and writes (`produces`); ``Pipeline``
/// checks the chain once when it is built. Stages hold only immutable configuration (lexicons,
/// options), so one instance serves many documents on many threads.
public protocol Stage: Sendable {
  /// Short name used by `byline stages`, diagnostics and rule names ("quotes").
  var name: String { get }
  /// One line saying what the stage does.
  var summary: String { get }
  /// Layers that must exist before the stage runs.
  var requires: Set<Layer> { get }
  /// Layers the stage adds.
  var produces: Set<Layer> { get }
  /// Adds this stage's annotations to `document`. Throws only when the document cannot be
  /// processed at all; the caller then reports the error for that record and goes on.
  func process(_ document: inout Document) throws
}
