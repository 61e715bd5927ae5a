import BylineCore

/// Turns input records into analysed documents: extraction (for pages), then the pipeline.
///
/// Never throws: a record that cannot be read, extracted or analysed comes back with an `error`
/// and no annotations, so a batch always goes on. Thread-safe; share one instance.
public struct Analyzer: Sendable {
  public let pipeline: Pipeline
  public let extraction: ArticleExtraction
  /// Largest body analysed, in UTF-8 bytes; longer records get an error report.
  public var maxTextBytes = 16 << 20

  public init(pipeline: Pipeline, extraction: ArticleExtraction) {
    self.pipeline = pipeline
    self.extraction = extraction
  }

  /// Analyses one record.
  public func analyze(_ record: InputRecord) -> AnalysisResult {
    analyze(record, runPipeline: true)
  }

  /// Only finds the article (text and metadata) without running the stages.
  public func extract(_ record: InputRecord) -> AnalysisResult {
    analyze(record, runPipeline: false)
  }

  private func analyze(_ record: InputRecord, runPipeline: Bool) -> AnalysisResult {
    var meta = ArticleMetadata(url: record.url, title: record.title)
    let base: Document
    do {
      switch record.content {
      case .unreadable(let reason):
        return AnalysisResult(document: Document(id: record.id, text: "", metadata: meta), error: reason)
      case .text(let text):
        base = Document(id: record.id, text: text, metadata: meta)
      case .html(let bytes, let charset):
        let article = try extraction.html(bytes, charset, record.url)
        base = article.document(id: record.id)
      case .page(let page):
        base = try extraction.page(page).document(id: record.id)
      }
    } catch {
      return AnalysisResult(document: Document(id: record.id, text: "", metadata: meta), error: "extraction failed: \(error)")
    }
    // Metadata given with the record wins over what the page says.
    meta = base.metadata
    if let url = record.url { meta.url = url }
    if let title = record.title { meta.title = title }
    var warning: String?
    if let p = record.published {
      if let date = PublicationDate(iso: p) {
        meta.published = date
      } else {
        warning = "\"published\" is not an ISO 8601 date: \(p)"
      }
    }
    guard base.bytes.count <= maxTextBytes else {
      return AnalysisResult(
        document: Document(id: record.id, text: "", metadata: meta),
        error: "article text is \(base.bytes.count) bytes; the limit is \(maxTextBytes)")
    }
    // Reuse the extracted document (its UTF-8 bytes are already built); only metadata changes.
    var doc = base
    doc.metadata = meta
    let unannotated = doc
    guard runPipeline else { return AnalysisResult(document: doc, error: warning) }
    do {
      try pipeline.run(&doc)
    } catch {
      return AnalysisResult(document: unannotated, error: error.description)
    }
    return AnalysisResult(document: doc, error: warning)
  }
}
