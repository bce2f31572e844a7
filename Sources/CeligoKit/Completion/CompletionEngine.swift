/// One completion: the word to insert and, where the shell can show it, a
/// description (an ID's name, an action's summary).
public struct CompletionCandidate: Sendable, Equatable {
  public let value: String
  public let description: String

  public init(_ value: String, _ description: String = "") {
    self.value = value
    self.description = description
  }
}

/// Completes a command line from the catalog: resources, actions, options,
/// option values, and IDs from a source the caller provides (the on-disk
/// ID cache for shell scripts). The last word is the one being completed.
public struct CompletionEngine: Sendable {
  public typealias IDSource = @Sendable (ResourceKind, String) -> [CompletionCandidate]

  let catalog: [CommandSpec]
  let ids: IDSource
  /// Commands that exist for the command line but are not offered.
  let hidden: Set<String>

  public init(catalog: [CommandSpec] = Catalog.commands, hidden: Set<String> = [], ids: @escaping IDSource) {
    self.catalog = catalog
    self.ids = ids
    self.hidden = hidden
  }

  /// Returns the candidates for the last of `words` (the words after
  /// `celigo`; the last one may be empty).
  public func complete(_ words: [String]) -> [CompletionCandidate] {
    let current = words.last ?? ""
    let line = CommandLineState(catalog: catalog, words: Array(words.dropLast()))

    if let option = line.pendingOption {
      return values(for: option.kind, current: current)
    }
    if current.hasPrefix("-") {
      let options = (line.spec?.options ?? []) + CommandParser.globalOptions
      return options.filter { $0.name.hasPrefix(current) }.map { CompletionCandidate($0.name, $0.summary) }
    }
    guard let resource = line.resource else {
      return Catalog.resources(catalog).filter { $0.hasPrefix(current) && !hidden.contains($0) }
        .map { CompletionCandidate($0, Catalog.resourceSummaries[$0] ?? "") }
    }
    guard let spec = line.spec else {
      return catalog.filter { $0.resource == resource }.compactMap { spec in
        guard let action = spec.action, action.hasPrefix(current) else { return nil }
        return CompletionCandidate(action, spec.summary)
      }
    }
    guard line.positionals.count < spec.arguments.count else { return [] }
    return values(for: spec.arguments[line.positionals.count].kind, current: current)
  }

  func values(for kind: ValueKind?, current: String) -> [CompletionCandidate] {
    switch kind {
    case .id(let resource)?:
      return ids(resource, current)
    case .idList(let resource)?:
      // Only the item after the last comma is being typed.
      let head = current.lastIndex(of: ",").map { String(current[...$0]) } ?? ""
      let tail = String(current.dropFirst(head.count))
      return ids(resource, tail).map { CompletionCandidate(head + $0.value, $0.description) }
    case let kind?:
      return kind.completions.filter { $0.hasPrefix(current) }.map { CompletionCandidate($0) }
    case nil:
      return []
    }
  }
}

/// The parse of the words before the cursor: the command, its positional
/// arguments so far, and an option still waiting for its value.
struct CommandLineState {
  var resource: String?
  var spec: CommandSpec?
  var positionals: [String] = []
  var pendingOption: OptionSpec?
  var profile: String?

  init(catalog: [CommandSpec], words: [String]) {
    var index = 0
    while index < words.count {
      let word = words[index]
      index += 1
      if word.hasPrefix("-") && word != "-" {
        let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
        let option = spec?.option(named: name) ?? CommandParser.globalOption(name)
        guard let option, option.kind != nil, !word.contains("=") else { continue }
        guard index < words.count else {
          pendingOption = option
          return
        }
        if option.name == "--profile" { profile = words[index] }
        index += 1
        continue
      }
      if resource == nil {
        resource = word
        spec = catalog.first { $0.resource == word && $0.action == nil }
      } else if spec == nil {
        spec = catalog.first { $0.resource == resource && $0.action == word }
      } else {
        positionals.append(word)
      }
    }
  }
}
