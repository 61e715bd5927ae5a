import BylineCore
import Foundation

extension Gazetteer {
  /// The gazetteer of a Lexicons folder, loaded once per process and shared (the entity and
  /// place stages both need it; loading twice would double start-up time).
  public static func shared(from store: LexiconStore) throws(LexiconError) -> Gazetteer {
    let path = store.directory.standardizedFileURL.path
    GazetteerCache.lock.lock()
    defer { GazetteerCache.lock.unlock() }
    if let g = GazetteerCache.byPath[path] { return g }
    let g = try load(from: store)
    GazetteerCache.byPath[path] = g
    return g
  }
}

/// Process-wide cache behind ``Gazetteer/shared(from:)``; every access holds `lock`.
private enum GazetteerCache {
  static let lock = NSLock()
  nonisolated(unsafe) static var byPath: [String: Gazetteer] = [:]
}
