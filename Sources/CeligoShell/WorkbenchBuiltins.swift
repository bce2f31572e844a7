import CeligoKit

/// The shell commands that read or change the workbench: `use`, `unuse`,
/// `context`, `refresh` and `set`.
extension CommandDispatcher {
  /// Runs one of the workbench builtins and returns its exit code.
  func runWorkbenchBuiltin(_ name: String, _ arguments: [String], _ workbench: Workbench) async -> Int32 {
    switch ShellBuiltin(rawValue: name) {
    case .use:
      return await use(arguments, workbench)
    case .unuse:
      return unuse(arguments, workbench)
    case .context:
      writeOutput(contextText(workbench))
      return 0
    case .refresh:
      return await refresh(workbench)
    case .set:
      return set(arguments, workbench)
    default:
      return 2
    }
  }

  private func use(_ arguments: [String], _ workbench: Workbench) async -> Int32 {
    if arguments == ["-"] {
      guard workbench.restorePrevious() else {
        writeError("use -: there is no previous context\n")
        return 1
      }
      writeOutput(contextText(workbench))
      return 0
    }
    let kinds = ShellContext.kinds.map(\.rawValue).joined(separator: "|")
    guard arguments.count >= 2, let kind = Self.contextKind(arguments[0]) else {
      writeError("usage: use \(kinds) ID|NAME, or use - for the previous context\n")
      return 2
    }

    let context = workbench.context
    let scope = IDScope(integration: context.integration, flow: context.flow)
    do {
      // A name may be typed without quotes: `use flow Shopify Order`.
      let typed = arguments.dropFirst().joined(separator: " ")
      let word = try workbench.resolveHandle(typed) ?? typed
      let id = try await workbench.resolveID(word, kind, in: scope)
      workbench.setContext(context.using(kind, id, cache: workbench.cache))
      return 0
    } catch {
      writeError("celigo: \(ErrorMessage.describe(error))\n")
      return ExitCode.of(error)
    }
  }

  private func unuse(_ arguments: [String], _ workbench: Workbench) -> Int32 {
    guard let word = arguments.first else {
      workbench.setContext(ShellContext())
      return 0
    }
    guard arguments.count == 1, let kind = Self.contextKind(word) else {
      let kinds = ShellContext.kinds.map(\.rawValue).joined(separator: "|")
      writeError("usage: unuse [\(kinds)]\n")
      return 2
    }
    workbench.setContext(workbench.context.removing(kind))
    return 0
  }

  private func refresh(_ workbench: Workbench) async -> Int32 {
    do {
      let counts = try await workbench.refresh()
      let summary = ResourceKind.cached.compactMap { kind in
        counts[kind].map { "\($0) \(kind.command)" }
      }
      writeOutput("ID cache reloaded: \(summary.joined(separator: ", "))\n")
      return 0
    } catch {
      writeError("celigo: refresh failed: \(ErrorMessage.describe(error))\n")
      return ExitCode.of(error)
    }
  }

  private func set(_ arguments: [String], _ workbench: Workbench) -> Int32 {
    guard !arguments.isEmpty else {
      writeOutput("format \(workbench.format ?? "(default)")\n")
      return 0
    }
    guard arguments.count == 2, arguments[0] == "format", ["table", "json"].contains(arguments[1]) else {
      writeError("usage: set format table|json\n")
      return 2
    }
    workbench.format = arguments[1]
    return 0
  }

  /// Returns one line per chosen kind: kind, ID and name.
  func contextText(_ workbench: Workbench) -> String {
    let context = workbench.context
    guard !context.isEmpty else { return "no context: choose one with 'use integration NAME'\n" }
    return ShellContext.kinds.compactMap { kind -> String? in
      guard let id = context.id(kind) else { return nil }
      let name = workbench.cache.entry(kind, id: id)?.name ?? ""
      return kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0) + id + "  " + name + "\n"
    }.joined()
  }

  static func contextKind(_ word: String) -> ResourceKind? {
    ShellContext.kinds.first { $0.rawValue == word || $0.command == word }
  }
}
