import Foundation

/// Writes files so that a reader never sees a half-written one: data goes to a temporary file
/// in the same folder, which is renamed over the target when complete.
public final class AtomicFile {
  /// The final path.
  public let url: URL
  private let temporaryURL: URL
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var finished = false

  /// Opens a temporary file beside `url`.
  public init(_ url: URL) throws {
    self.url = url
    let dir = url.deletingLastPathComponent()
    temporaryURL = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    guard FileManager.default.createFile(atPath: temporaryURL.path, contents: nil) else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporaryURL.path])
    }
    handle = try FileHandle(forWritingTo: temporaryURL)
  }

  /// Appends bytes (buffered).
  public func write(_ bytes: [UInt8]) throws {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 20 { try flush() }
  }

  /// Appends a string's UTF-8.
  public func write(_ string: String) throws { try write(Array(string.utf8)) }

  /// Flushes, closes and renames the file into place.
  public func commit() throws {
    try flush()
    try handle.close()
    finished = true
    // rename(2) replaces the target in one step on the same file system.
    guard rename(temporaryURL.path, url.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporaryURL)  // nothing useful left to keep
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: reason])
    }
  }

  /// Drops the temporary file; the target is left as it was.
  public func abandon() {
    guard !finished else { return }
    finished = true
    // Best effort: the temporary file may already be gone; nothing else depends on it.
    try? handle.close()
    try? FileManager.default.removeItem(at: temporaryURL)
  }

  /// Writes a whole file atomically.
  public static func write(_ bytes: [UInt8], to url: URL) throws {
    let f = try AtomicFile(url)
    do {
      try f.write(bytes)
      try f.commit()
    } catch {
      f.abandon()
      throw error
    }
  }

  private func flush() throws {
    guard !buffer.isEmpty else { return }
    try handle.write(contentsOf: buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  deinit { abandon() }
}
