import BylineCore
import Foundation

/// A plain-text table of a pipeline's stages (`byline stages`).
public enum StageTable {
  public static func render(_ pipeline: Pipeline) -> String {
    var rows = [["stage", "requires", "produces", "what it does"]]
    for s in pipeline.stages {
      rows.append([
        s.name, s.requires.sorted().map(\.rawValue).joined(separator: ","),
        s.produces.sorted().map(\.rawValue).joined(separator: ","), s.summary,
      ])
    }
    let widths = (0..<3).map { c in rows.map { $0[c].count }.max() ?? 0 }
    return rows.map { r in
      (0..<3).map { r[$0].padding(toLength: widths[$0] + 2, withPad: " ", startingAt: 0) }.joined() + r[3]
    }.joined(separator: "\n")
  }
}
