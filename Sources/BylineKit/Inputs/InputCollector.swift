import Foundation

/// Expands command-line paths into an ordered list of inputs: files as named, directories
/// recursively (entries sorted by path so runs are reproducible), `-` for standard input.
public enum InputCollector {
  /// One input to read.
  public struct Input: Sendable, Equatable {
    /// The file, or nil for standard input.
    public let url: URL?
    public let kind: InputFileKind?
    /// Id for single-article files: the path as given, or relative to the directory named.
    public let id: String
  }

  /// Problems found while expanding paths (missing files); reported, not fatal.
  public struct Missing: Error, Sendable, Equatable {
    public let path: String
  }

  public static func inputs(for paths: [String]) -> (inputs: [Input], missing: [Missing]) {
    var inputs: [Input] = []
    var missing: [Missing] = []
    let fm = FileManager.default
    for path in paths {
      if path == "-" {
        inputs.append(Input(url: nil, kind: .jsonl, id: "-"))
        continue
      }
      var isDir: ObjCBool = false
      guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
        missing.append(Missing(path: path))
        continue
      }
      let url = URL(fileURLWithPath: path)
      guard isDir.boolValue else {
        inputs.append(Input(url: url, kind: InputFileKind(fileName: url.lastPathComponent), id: path))
        continue
      }
      let base = url.standardizedFileURL.path
      var found: [Input] = []
      if let walker = fm.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) {
        for case let file as URL in walker {
          let name = file.lastPathComponent
          if name.hasPrefix(".") { continue }
          guard let kind = InputFileKind(fileName: name),
            (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
          else { continue }  // a file whose type cannot be read is simply not an input here
          var rel = file.standardizedFileURL.path
          if rel.hasPrefix(base + "/") { rel.removeFirst(base.count + 1) }
          found.append(Input(url: file, kind: kind, id: rel))
        }
      }
      inputs.append(contentsOf: found.sorted { $0.id < $1.id })
    }
    return (inputs, missing)
  }
}
