/// The page a tree was parsed from, kept by its text nodes so that their text is copied out
/// (and its UTF-8 re-validated) only when something reads it: most of a page's text — script
/// bodies, navigation, footers — is only counted, on bytes, or never looked at.
final class HTMLSource {
  /// The page as a String, or as the valid UTF-8 bytes it was read from.
  private let page: String?
  private let bytes: [UInt8]

  init(_ page: String) {
    var p = page
    p.makeContiguousUTF8()
    self.page = p
    self.bytes = []
  }

  /// A page given as bytes that are valid UTF-8 (checked by the caller).
  init(validUTF8 bytes: [UInt8]) {
    self.page = nil
    self.bytes = bytes
  }

  /// Calls `body` with the page's UTF-8 bytes (valid for the call only).
  func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    // A String source was made contiguous in `init`, so its storage is always available.
    if let page, let r = page.utf8.withContiguousStorageIfAvailable(body) { return r }
    return bytes.withUnsafeBufferPointer(body)
  }

  /// The text of `range` (UTF-8 offsets on character boundaries the tokenizer chose).
  func string(_ range: Range<Int>) -> String {
    withBytes { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
  }
}
