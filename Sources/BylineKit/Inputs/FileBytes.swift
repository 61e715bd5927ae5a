#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

#if canImport(Glibc)
  private let systemRead = Glibc.read
#elseif canImport(Darwin)
  private let systemRead = Darwin.read
#endif

/// Reads a whole file into a byte array with `open`/`fstat`/`read`: one copy from the kernel
/// (reading through `Data` and converting to `[UInt8]` copied every page twice and was a
/// twentieth of `byline extract`'s time).
enum FileBytes {
  /// Why a file could not be read.
  enum Failure: Error, Equatable, CustomStringConvertible {
    /// The operating system refused (`open`/`read`), with its message.
    case system(String)
    /// The file is larger than the limit given (its size in bytes).
    case tooLarge(Int)

    var description: String {
      switch self {
      case .system(let message): return message
      case .tooLarge(let size): return "file is \(size) bytes"
      }
    }
  }

  /// The bytes of the file at `path`; throws ``Failure/tooLarge(_:)`` above `limit` bytes.
  static func read(path: String, limit: Int) throws -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw Failure.system(String(cString: strerror(errno))) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw Failure.system(String(cString: strerror(errno))) }
    let size = Int(info.st_size)
    guard size <= limit else { throw Failure.tooLarge(size) }
    // Read straight into uninitialised storage: zero-filling first touched every page twice.
    var failure: Failure?
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
      var filled = 0
      while filled < size {
        let n = systemRead(fd, buf.baseAddress! + filled, size - filled)
        if n < 0 {
          if errno == EINTR { continue }
          failure = .system(String(cString: strerror(errno)))
          break
        }
        if n == 0 { break }  // the file shrank while being read
        filled += n
      }
      count = filled
    }
    if let failure { throw failure }
    return bytes
  }
}
