import BylineCore
import Foundation

/// Finds the `Lexicons/` folder for command-line use: an explicit path, else
/// `$BYLINE_LEXICONS`, else `./Lexicons`, else a `Lexicons/` folder in the executable's folder
/// or one of its parents (a `swift build` binary sits in `.build/<config>/` under the package).
public enum LexiconLocator {
  public struct NotFound: Error, CustomStringConvertible {
    public let tried: [String]
    public var description: String {
      "no Lexicons folder found (tried \(tried.joined(separator: ", "))); pass --lexicons DIR or set BYLINE_LEXICONS"
    }
  }

  public static func locate(explicit: String?, executablePath: String) throws -> LexiconStore {
    let fm = FileManager.default
    var tried: [String] = []
    func ok(_ path: String) -> Bool {
      tried.append(path)
      var isDir: ObjCBool = false
      return fm.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
    if let explicit {
      guard ok(explicit) else { throw NotFound(tried: tried) }
      return LexiconStore(directory: URL(fileURLWithPath: explicit))
    }
    if let env = ProcessInfo.processInfo.environment["BYLINE_LEXICONS"], ok(env) {
      return LexiconStore(directory: URL(fileURLWithPath: env))
    }
    if ok("Lexicons") { return LexiconStore(directory: URL(fileURLWithPath: "Lexicons")) }
    var dir = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<5 {
      let candidate = dir.appendingPathComponent("Lexicons")
      if ok(candidate.path) { return LexiconStore(directory: candidate) }
      dir = dir.deletingLastPathComponent()
    }
    throw NotFound(tried: tried)
  }
}
