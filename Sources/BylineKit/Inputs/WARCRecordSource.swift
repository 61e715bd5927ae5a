import Foundation

/// Records from a WARC file: one per HTML `response` record.
struct WARCRecordSource {
  let url: URL
  let id: String
  private var done = false

  init(url: URL, id: String) {
    self.url = url
    self.id = id
  }

  mutating func next() -> InputRecord? {
    guard !done else { return nil }
    done = true
    return InputRecord(id: id, content: .unreadable("WARC input is not supported by this build yet"))
  }
}
