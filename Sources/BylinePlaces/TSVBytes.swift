import Foundation
import BylineCore

/// A byte-level reader for large TSV lexicons (same format as `TSVTable`: UTF-8, `#` comment
/// lines, blank lines ignored, a header row, every row as many fields as the header), without
/// building a `String` per line first.
enum TSVBytes {
  /// One field of the current row: a byte range of the file.
  struct Field {
    let buffer: UnsafeBufferPointer<UInt8>
    let start: Int
    let end: Int

    var isEmpty: Bool { start == end }
    var string: String { String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self) }

    /// A non-negative or negative decimal integer, nil when the field is anything else.
    var intValue: Int? {
      var i = start
      var negative = false
      if i < end, buffer[i] == UInt8(ascii: "-") { negative = true; i += 1 }
      guard i < end, end - i <= 18 else { return nil }
      var v = 0
      while i < end {
        let d = Int(buffer[i]) - 48
        guard d >= 0 && d <= 9 else { return nil }
        v = v * 10 + d
        i += 1
      }
      return negative ? -v : v
    }

    /// Calls `body` with each non-empty piece between separators.
    func forEachPiece(separator: UInt8, _ body: (String) -> Void) {
      var s = start
      var i = start
      while i <= end {
        if i == end || buffer[i] == separator {
          if i > s { body(String(decoding: UnsafeBufferPointer(rebasing: buffer[s..<i]), as: UTF8.self)) }
          s = i + 1
        }
        i += 1
      }
    }
  }

  /// The file's bytes; nil when it is absent and not `required`.
  static func read(url: URL, required: Bool) throws(LexiconError) -> Data? {
    if !required && !FileManager.default.fileExists(atPath: url.path) { return nil }
    do {
      return try Data(contentsOf: url)
    } catch {
      throw .unreadable(file: url.path, reason: error.localizedDescription)
    }
  }

  /// Calls `row(lineNumber, columnIndices, field)` for every data row; `columnIndices[k]` is
  /// the position of `required[k]` in the header and `field(position)` returns that field.
  static func forEachRow(
    data: Data, path: String, required: [String],
    _ row: (Int, [Int], (Int) -> Field) throws(LexiconError) -> Void
  ) throws(LexiconError) {
    let result: LexiconError? = data.withUnsafeBytes { raw -> LexiconError? in
      let buf = raw.bindMemory(to: UInt8.self)
      let n = buf.count
      var header: [String]? = nil
      var cols: [Int] = []
      var starts: [Int] = []
      var ends: [Int] = []
      var lineNumber = 0
      var pos = 0
      while pos < n {
        lineNumber += 1
        var lineEnd = pos
        while lineEnd < n && buf[lineEnd] != 10 { lineEnd += 1 }
        let next = lineEnd + 1
        var end = lineEnd
        if end > pos && buf[end - 1] == 13 { end -= 1 }
        defer { pos = next }
        if end == pos || buf[pos] == UInt8(ascii: "#") { continue }
        var blank = true
        for i in pos..<end where buf[i] != 32 && buf[i] != 9 { blank = false; break }
        if blank { continue }
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        var s = pos
        for i in pos...end where i == end || buf[i] == 9 {
          starts.append(s)
          ends.append(i)
          s = i + 1
        }
        guard let h = header else {
          let fields = (0..<starts.count).map {
            String(decoding: UnsafeBufferPointer(rebasing: buf[starts[$0]..<ends[$0]]), as: UTF8.self)
          }
          for name in required {
            guard let c = fields.firstIndex(of: name) else {
              return .badLine(file: path, line: lineNumber, reason: "header lacks column \"\(name)\"")
            }
            cols.append(c)
          }
          header = fields
          continue
        }
        guard starts.count == h.count else {
          return .badLine(
            file: path, line: lineNumber,
            reason: "expected \(h.count) tab-separated fields, found \(starts.count)")
        }
        do {
          try row(lineNumber, cols) { Field(buffer: buf, start: starts[$0], end: ends[$0]) }
        } catch let e as LexiconError {
          return e
        } catch {
          return .badLine(file: path, line: lineNumber, reason: "\(error)")
        }
      }
      if header == nil { return .badLine(file: path, line: max(lineNumber, 1), reason: "no header row") }
      return nil
    }
    if let e = result { throw e }
  }
}
