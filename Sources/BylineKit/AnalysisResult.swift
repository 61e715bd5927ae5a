import BylineCore

/// A record after analysis: its document (annotations empty when it failed) and its error.
public struct AnalysisResult: Sendable {
  public var document: Document
  /// Why the record could not be analysed; nil on success.
  public var error: String?

  public init(document: Document, error: String? = nil) {
    self.document = document
    self.error = error
  }
}
