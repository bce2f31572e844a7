import CeligoKit

/// Adds the IDs a command line leaves out but the context has: a missing
/// `<flow>`-style argument, a required `--flow`, a step for an
/// `--import`/`--export` pair, and `--integration`/`--flow` filters when
/// the line gives no scope of its own.
struct ContextFiller {
  let spec: CommandSpec
  let context: ShellContext

  /// Kinds whose options narrow a list; the context fills them only when
  /// the line names no scope, so that a scope typed on the line is not
  /// mixed with a different one from the context.
  static let scopeKinds: Set<ResourceKind> = [.integration, .flow, .export, .import]

  /// Returns `words` with the context's IDs added. `given` contains the
  /// options on the line, `positionals` the number of positional words.
  func fill(_ words: [String], given: Set<String>, positionals: Int) -> [String] {
    var added: [String] = []
    for argument in spec.arguments.dropFirst(positionals) {
      guard case .id(let kind) = argument.kind, !argument.optional, let id = context.id(kind) else { break }
      added.append(id)
    }

    let lineHasScope = spec.options.contains { option in
      guard case .id(let kind)? = option.kind else { return false }
      return Self.scopeKinds.contains(kind) && given.contains(option.name)
    }
    let lineFlow = value(of: "--flow", in: words)
    for option in spec.options where !given.contains(option.name) {
      guard case .id(let kind)? = option.kind, let id = context.id(kind) else { continue }
      let isStep = kind == .export || kind == .import
      if isStep, let lineFlow, lineFlow != context.flow { continue }
      if option.required || isStep && stepGroupIsOpen(option.name, given) {
        added += [option.name, id]
      } else if !lineHasScope, kind == .integration || kind == .flow {
        added += [option.name, id]
      }
    }

    guard !added.isEmpty else { return words }
    // Options after `--` would be read as arguments.
    let end = words.firstIndex(of: "--") ?? words.endIndex
    var filled = words
    filled.insert(contentsOf: added, at: end)
    return filled
  }

  /// True when `name` belongs to a one-of group of which the line gives no
  /// member, such as `--import`/`--export` of `errors retry` and of
  /// `errors list` (where the step may also be left out).
  private func stepGroupIsOpen(_ name: String, _ given: Set<String>) -> Bool {
    spec.rules.contains { rule in
      switch rule {
      case .exactlyOne(let names), .atMostOne(let names):
        return names.contains(name) && !names.contains(where: given.contains)
      case .atLeastOne:
        return false
      }
    }
  }

  private func value(of option: String, in words: [String]) -> String? {
    guard let index = words.firstIndex(of: option), index + 1 < words.count else { return nil }
    return words[index + 1]
  }
}
