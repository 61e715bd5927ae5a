/// The page a tree was parsed from, kept by its text nodes so that their text is copied out
/// (and its UTF-8 re-validated) only when something reads it: most of a page's text — script
/// bodies, navigation, footers — is only counted, on bytes, or never looked at.
final class HTMLSource {
  /// The page; its UTF-8 is what text-node byte ranges index.
  let page: String

  init(_ page: String) {
    var p = page
    p.makeContiguousUTF8()
    self.page = p
  }

  /// Calls `body` with the page's UTF-8 bytes (valid for the call only).
  func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let r = page.utf8.withContiguousStorageIfAvailable(body) { return r }
    return body(UnsafeBufferPointer(start: nil, count: 0))  // unreachable: made contiguous
  }

  /// The text of `range` (UTF-8 offsets on character boundaries the tokenizer chose).
  func string(_ range: Range<Int>) -> String {
    withBytes { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
  }
}
