import CeligoKit

/// Where the shell is: the integration, flow, step and connection chosen
/// with `use`. Commands take missing IDs from it.
public struct ShellContext: Equatable, Sendable {
  public var integration: String?
  public var flow: String?
  /// The step is an export or an import, never both.
  public var export: String?
  public var `import`: String?
  public var connection: String?

  public init() {}

  /// The kinds `use` accepts, in the order the prompt shows them.
  public static let kinds: [ResourceKind] = [.integration, .flow, .export, .import, .connection]

  /// True when nothing is chosen.
  public var isEmpty: Bool { self == ShellContext() }

  /// Returns the chosen ID of `kind`, or nil.
  public func id(_ kind: ResourceKind) -> String? {
    switch kind {
    case .integration: return integration
    case .flow: return flow
    case .export: return export
    case .import: return `import`
    case .connection: return connection
    default: return nil
    }
  }

  /// Returns the context after `use kind id`. Choosing a flow also chooses
  /// its integration, and choosing a step also chooses its flow, from the
  /// parents in `cache`; what no longer belongs to the choice is dropped.
  public func using(_ kind: ResourceKind, _ id: String, cache: IDCache) -> ShellContext {
    var next = self
    switch kind {
    case .integration:
      next.integration = id
      if let flow, cache.entry(.flow, id: flow)?.parent != id { next.clearFlow() }
    case .flow:
      next.flow = id
      if let parent = cache.entry(.flow, id: id)?.parent {
        next.integration = parent.isEmpty ? nil : parent
      }
      if let step = export ?? `import`, next.parent(ofStep: step, cache) != id {
        next.export = nil
        next.import = nil
      }
    case .export, .import:
      next.export = kind == .export ? id : nil
      next.import = kind == .import ? id : nil
      let parent = cache.entry(kind, id: id)?.parent ?? ""
      if let flow = cache.entry(.flow, id: parent) {
        next.flow = flow.id
        next.integration = flow.parent.isEmpty ? nil : flow.parent
      } else if cache.entry(.integration, id: parent) != nil {
        next.integration = parent
        if let current = flow, cache.entry(.flow, id: current)?.parent != parent { next.flow = nil }
      }
    case .connection:
      next.connection = id
    default:
      break
    }
    return next
  }

  /// Returns the context after `unuse kind`: dropping an integration drops
  /// its flow and step too, and dropping a flow drops its step.
  public func removing(_ kind: ResourceKind) -> ShellContext {
    var next = self
    switch kind {
    case .integration:
      next.integration = nil
      next.clearFlow()
    case .flow:
      next.clearFlow()
    case .export:
      next.export = nil
    case .import:
      next.import = nil
    case .connection:
      next.connection = nil
    default:
      break
    }
    return next
  }

  private mutating func clearFlow() {
    flow = nil
    export = nil
    `import` = nil
  }

  private func parent(ofStep step: String, _ cache: IDCache) -> String? {
    let kind: ResourceKind = export != nil ? .export : .import
    return cache.entry(kind, id: step)?.parent
  }
}
