import Foundation

/// Reads a file or stream line by line in 1 MiB chunks, splitting on `\n` only (JSON strings
/// may hold U+2028/U+2029/U+0085, which are not line ends here). A trailing `\r` is dropped.
final class LineReader {
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var position = 0
  private var atEnd = false

  init(handle: FileHandle) {
    self.handle = handle
  }

  /// The next line without its terminator, or nil at the end of input.
  func next() throws -> [UInt8]? {
    while true {
      if let nl = buffer[position...].firstIndex(of: 10) {
        var line = Array(buffer[position..<nl])
        position = nl + 1
        if line.last == 13 { line.removeLast() }
        return line
      }
      if atEnd {
        guard position < buffer.count else { return nil }
        let line = Array(buffer[position...])
        position = buffer.count
        return line
      }
      let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
      if chunk.isEmpty { atEnd = true }
      buffer.removeSubrange(0..<position)
      position = 0
      buffer.append(contentsOf: chunk)
    }
  }
}
