import Foundation

/// Paths tests need, found from this file's location (never from the working directory).
public enum TestPaths {
  /// The package root.
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The `Lexicons/` folder.
  public static var lexicons: URL { packageRoot.appendingPathComponent("Lexicons") }

  /// The `Examples/` folder.
  public static var examples: URL { packageRoot.appendingPathComponent("Examples") }

  /// The shared folder beside the project (`../shared`), or nil when it is absent; tests that
  /// need it skip then.
  public static var shared: URL? {
    let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }
}
