import Foundation

/// Records from a WARC file: one per HTML `response` record, plus an `.unreadable` record for
/// each broken record (and one for a file that is not WARC at all). Responses that are not
/// article pages (images, errors, redirects) are passed over.
struct WARCRecordSource {
  let url: URL
  /// The input's id, used for records that have no WARC-Record-ID of their own.
  let id: String
  private var reader: WARCReader?
  private var opened = false

  init(url: URL, id: String) {
    self.url = url
    self.id = id
  }

  mutating func next() -> InputRecord? {
    if !opened {
      opened = true
      do {
        reader = try WARCReader(url: url)
      } catch {
        return InputRecord(id: id, content: .unreadable("not a readable WARC file: \(error)"))
      }
    }
    guard let reader else { return nil }
    while let entry = reader.next() {
      switch entry {
      case .page(let page):
        return InputRecord(id: page.id, content: .html(page.body, charset: page.charset), url: page.url)
      case .skipped:
        continue
      case .failed(let failure):
        return InputRecord(
          id: failure.id ?? "\(id)@\(failure.offset)", content: .unreadable(failure.description),
          url: failure.url)
      }
    }
    self.reader = nil
    return nil
  }
}
