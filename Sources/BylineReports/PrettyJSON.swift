/// Re-indents compact JSON (as ``JSONWriter`` makes it) with two spaces per level, for
/// per-article files meant to be read and diffed by people. Strings are copied untouched.
public enum PrettyJSON {
  public static func format(_ compact: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(compact.count * 2)
    var depth = 0
    var inString = false
    var escaped = false
    func newline() {
      out.append(10)
      out.append(contentsOf: repeatElement(32, count: depth * 2))
    }
    var i = 0
    while i < compact.count {
      let c = compact[i]
      if inString {
        out.append(c)
        if escaped { escaped = false } else if c == 92 { escaped = true } else if c == 34 { inString = false }
        i += 1
        continue
      }
      switch c {
      case 34:
        inString = true
        out.append(c)
      case 123, 91:  // { [
        let close: UInt8 = c == 123 ? 125 : 93
        if i + 1 < compact.count, compact[i + 1] == close {  // empty: keep on one line
          out.append(c)
          out.append(close)
          i += 2
          continue
        }
        out.append(c)
        depth += 1
        newline()
      case 125, 93:  // } ]
        depth -= 1
        newline()
        out.append(c)
      case 44:
        out.append(c)
        newline()
      case 58:
        out.append(contentsOf: [58, 32])
      default:
        out.append(c)
      }
      i += 1
    }
    return out
  }
}
