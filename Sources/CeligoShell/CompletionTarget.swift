import CeligoKit

/// What the word at the cursor is: one of a set of names, or an ID of a
/// kind (in an ID list, the item after the last comma).
enum CompletionTarget: Equatable {
  case names([String])
  case ids(ResourceKind, isList: Bool)

  /// Returns the target of the word after `previous`.
  static func after(_ previous: [String], word: String, _ vocabulary: ShellVocabulary) -> CompletionTarget {
    guard let first = previous.first else {
      return .names(vocabulary.resources + vocabulary.builtins)
    }
    let kinds = ShellContext.kinds.map(\.rawValue)
    switch ShellBuiltin(rawValue: first) {
    case .use:
      if previous.count == 1 { return .names(kinds + ["-"]) }
      if previous.count == 2, let kind = CommandDispatcher.contextKind(previous[1]) {
        return .ids(kind, isList: false)
      }
      return .names([])
    case .unuse:
      return .names(previous.count == 1 ? kinds : [])
    case .set:
      if previous.count == 1 { return .names(["format"]) }
      return .names(previous == ["set", "format"] ? ["table", "json"] : [])
    case .help, .questionMark:
      if word.hasPrefix("-") { return .names([]) }
      return command(Array(previous.dropFirst()), word: word, vocabulary, offerIDs: false)
    default:
      return command(previous, word: word, vocabulary, offerIDs: true)
    }
  }

  /// Returns the target after an option that takes a value, or nil when
  /// `option` takes none.
  static func afterOption(_ option: String, previous: [String], _ vocabulary: ShellVocabulary) -> CompletionTarget? {
    let spec = vocabulary.command(in: previous)?.spec
    if let kind = spec?.option(named: option)?.kind ?? ShellVocabulary.globalOption(option)?.kind {
      switch kind {
      case .id(let resource): return .ids(resource, isList: false)
      case .idList(let resource): return .ids(resource, isList: true)
      default: return .names(kind.completions)
      }
    }
    // A vocabulary built by hand has option values but no commands.
    return vocabulary.optionValues[option].map { .names($0) }
  }

  private static func command(_ command: [String], word: String, _ vocabulary: ShellVocabulary, offerIDs: Bool)
    -> CompletionTarget
  {
    guard let resource = command.first else { return .names(vocabulary.resources) }
    if let option = command.last, option.hasPrefix("-"), !option.contains("="),
      let target = afterOption(option, previous: command, vocabulary)
    {
      return offerIDs || !target.isIDs ? target : .names([])
    }

    let found = vocabulary.command(in: command)
    let action = found?.spec.action ?? command.dropFirst().first { !$0.hasPrefix("-") }
    if word.hasPrefix("-") {
      let key = action.map { "\(resource) \($0)" } ?? resource
      return .names((vocabulary.options[key] ?? []) + (vocabulary.options[""] ?? []))
    }
    if action == nil {
      return .names(vocabulary.actions[resource] ?? [])
    }
    guard offerIDs, let (spec, rest) = found else { return .names([]) }
    let index = positionalCount(rest, spec)
    guard index < spec.arguments.count else { return .names([]) }
    switch spec.arguments[index].kind {
    case .id(let kind): return .ids(kind, isList: false)
    case .idList(let kind): return .ids(kind, isList: true)
    case let other: return .names(other.completions)
    }
  }

  /// Returns the number of positional words in `rest`, skipping options
  /// and the values that follow them.
  private static func positionalCount(_ rest: ArraySlice<String>, _ spec: CommandSpec) -> Int {
    var count = 0
    var skipNext = false
    for word in rest {
      if skipNext {
        skipNext = false
      } else if word.hasPrefix("-"), word != "-" {
        let option = spec.option(named: word) ?? ShellVocabulary.globalOption(word)
        skipNext = option?.kind != nil && !word.contains("=")
      } else {
        count += 1
      }
    }
    return count
  }

  private var isIDs: Bool {
    if case .ids = self { return true }
    return false
  }
}
