import CeligoKit

/// Turns the words typed in the shell into the words the runner parses:
/// `$N` and `$_` become IDs, names and ID prefixes become IDs, missing IDs
/// come from the context, and `set format` adds `--format`. The catalog
/// defines which words are IDs of which kind.
struct CommandLineRewriter {
  let vocabulary: ShellVocabulary
  let workbench: Workbench

  /// Returns the rewritten words, or throws a usage error for an unknown
  /// or ambiguous name or an unset handle.
  func rewrite(_ typed: [String]) async throws -> [String] {
    var words = try typed.map(substituteHandle)
    if let format = workbench.format, !words.contains(where: Self.isFormatOption) {
      words = ["--format", format] + words
    }
    guard let (spec, rest) = vocabulary.command(in: words) else { return words }

    var output = Array(words[..<rest.startIndex])
    var given = Set<String>()
    var positionals = 0
    var afterDashes = false
    var index = rest.startIndex
    while index < rest.endIndex {
      let word = rest[index]
      index += 1
      if afterDashes || !word.hasPrefix("-") || word == "-" {
        if positionals < spec.arguments.count {
          output.append(try await resolve(word, spec.arguments[positionals].kind, output, spec))
        } else {
          output.append(word)
        }
        positionals += 1
        continue
      }
      if word == "--" {
        afterDashes = true
        output.append(word)
        continue
      }
      let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
      let option = spec.option(named: parts[0]) ?? ShellVocabulary.globalOption(parts[0])
      given.insert(option?.name ?? parts[0])
      guard let kind = option?.kind else {
        output.append(word)
        continue
      }
      if parts.count == 2 {
        output.append(parts[0] + "=" + (try await resolve(parts[1], kind, output, spec)))
      } else if index < rest.endIndex {
        output.append(word)
        output.append(try await resolve(rest[index], kind, output, spec))
        index += 1
      } else {
        output.append(word)
      }
    }
    return ContextFiller(spec: spec, context: workbench.context).fill(output, given: given, positionals: positionals)
  }

  private func substituteHandle(_ word: String) throws -> String {
    if let id = try workbench.resolveHandle(word) { return id }
    let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
    if word.hasPrefix("-"), parts.count == 2, let id = try workbench.resolveHandle(parts[1]) {
      return parts[0] + "=" + id
    }
    return word
  }

  /// Resolves a value of `kind`: each item of an ID list, or one ID. Other
  /// kinds, error IDs and retry data keys pass unchanged.
  private func resolve(_ value: String, _ kind: ValueKind, _ line: [String], _ spec: CommandSpec) async throws
    -> String
  {
    switch kind {
    case .id(let resource) where ResourceKind.cached.contains(resource):
      let scope = scope(of: line, spec)
      return try await workbench.resolveID(value, resource, in: scope)
    case .idList(let resource) where ResourceKind.cached.contains(resource):
      let scope = scope(of: line, spec)
      var ids: [String] = []
      for item in value.split(separator: ",", omittingEmptySubsequences: false) {
        ids.append(try await workbench.resolveID(String(item), resource, in: scope))
      }
      return ids.joined(separator: ",")
    default:
      return value
    }
  }

  /// Returns the scope the line sets with `--integration` and `--flow`, or
  /// the context's where the line sets none.
  private func scope(of line: [String], _ spec: CommandSpec) -> IDScope {
    let context = workbench.context
    var scope = IDScope(integration: context.integration, flow: context.flow)
    for (index, word) in line.enumerated() {
      let next = index + 1 < line.count ? line[index + 1] : nil
      if word == "--integration", let next { scope = IDScope(integration: next, flow: nil) }
      if word == "--flow", let next { scope.flow = next }
    }
    return scope
  }

  static func isFormatOption(_ word: String) -> Bool {
    word == "-f" || word == "--format" || word.hasPrefix("--format=")
  }
}

extension Workbench {
  /// Reads `word` as an ID of `kind` through the cache. A name not found
  /// while the warm-up still runs is looked up again once it has finished.
  func resolveID(_ word: String, _ kind: ResourceKind, in scope: IDScope) async throws -> String {
    let lookup = IDLookup(cache: cache)
    var resolution = lookup.resolve(word, kind, in: scope)
    if resolution == .notFound {
      await waitForWarmup()
      resolution = lookup.resolve(word, kind, in: scope)
    }
    switch resolution {
    case .found(let id):
      return id
    case .ambiguous(let entries):
      let shown = entries.prefix(20).map { "\n  \($0.id)  \($0.name)" }.joined()
      let more = entries.count > 20 ? "\n  … and \(entries.count - 20) more" : ""
      throw CeligoError.usage(
        "\(EscapedValue.quoted(word)) matches \(entries.count) \(kind.command): give the ID or more of the name\(shown)\(more)")
    case .notFound:
      throw CeligoError.usage(
        "no \(kind.rawValue) with the ID or name \(EscapedValue.quoted(word)) in the ID cache:"
          + " list them with '\(kind.command) list', or run 'refresh'")
    }
  }
}
