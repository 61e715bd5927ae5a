/// An ordered list of stages whose requirements were checked once, at construction.
public struct Pipeline: Sendable {
  /// The stages in run order.
  public let stages: [any Stage]

  /// Builds a pipeline; fails when a stage requires a layer that no earlier stage produces.
  public init(_ stages: [any Stage]) throws(PipelineError) {
    var available: Set<Layer> = [.blocks]
    for stage in stages {
      let missing = stage.requires.subtracting(available)
      if let layer = missing.sorted().first {
        let providers = stages.filter { $0.produces.contains(layer) }.map(\.name)
        throw .missingRequirement(stage: stage.name, layer: layer, providers: providers)
      }
      available.formUnion(stage.produces)
    }
    self.stages = stages
  }

  /// Runs every stage on `document` in order.
  public func run(_ document: inout Document) throws(StageFailure) {
    for stage in stages {
      do {
        try stage.process(&document)
      } catch {
        throw StageFailure(stage: stage.name, underlying: "\(error)")
      }
      document.layers.formUnion(stage.produces)
    }
  }
}

/// A pipeline that cannot be built.
public enum PipelineError: Error, Equatable, CustomStringConvertible {
  case missingRequirement(stage: String, layer: Layer, providers: [String])

  public var description: String {
    switch self {
    case let .missingRequirement(stage, layer, providers):
      let hint =
        providers.isEmpty
        ? "no stage in this pipeline produces it"
        : "it is produced by \(providers.joined(separator: ", ")), which must run before \(stage)"
      return "stage \"\(stage)\" requires layer \"\(layer.rawValue)\": \(hint)"
    }
  }
}

/// A stage that failed on one document.
public struct StageFailure: Error, CustomStringConvertible {
  public let stage: String
  public let underlying: String

  public var description: String { "stage \(stage) failed: \(underlying)" }
}
