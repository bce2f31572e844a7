/// Candidates for the word at the end of a line, and the text to insert.
public struct CompletionResult: Equatable, Sendable {
  /// The unfinished word that was completed; empty after a blank.
  public var word: String

  /// Every known name that starts with `word`, sorted.
  public var candidates: [String]

  /// Text to append after `word`: the rest of the candidates' longest
  /// common prefix, plus a space when there is exactly one candidate.
  public var insertion: String

  /// Creates a result.
  public init(word: String, candidates: [String], insertion: String) {
    self.word = word
    self.candidates = candidates
    self.insertion = insertion
  }
}

/// Completes resources, actions, options and option values from a
/// vocabulary; it has no state and does no I/O.
public struct Completer: Sendable {
  /// The names offered.
  public let vocabulary: ShellVocabulary

  /// Creates a completer over `vocabulary`.
  public init(vocabulary: ShellVocabulary) {
    self.vocabulary = vocabulary
  }

  /// Completes the last word of `line`, which is the text before the cursor.
  public func complete(line: String) -> CompletionResult {
    let scan = ShellLineSplitter.scan(line)
    var previous = scan.words
    var word = ""
    if scan.endsInWord, let last = previous.popLast() {
      word = last
    }

    // `--status=ru` completes the value after the equals sign.
    if word.hasPrefix("-"), let equals = word.firstIndex(of: "=") {
      let option = String(word[..<equals])
      let value = String(word[word.index(after: equals)...])
      return result(for: value, names: vocabulary.optionValues[option] ?? [])
    }
    return result(for: word, names: names(after: previous, word: word))
  }

  /// Returns the names that may stand after the words `previous`.
  private func names(after previous: [String], word: String) -> [String] {
    // `help flows run` completes like `flows run`.
    var command = previous
    if command.first == ShellBuiltin.help.rawValue {
      command.removeFirst()
      if word.hasPrefix("-") {
        return []
      }
    } else if command.isEmpty {
      return vocabulary.resources + vocabulary.builtins
    }

    if let option = command.last, option.hasPrefix("-"),
      let values = vocabulary.optionValues[option]
    {
      return values
    }

    guard let resource = command.first else {
      return vocabulary.resources
    }
    let action = command.dropFirst().first { !$0.hasPrefix("-") }
    if word.hasPrefix("-") {
      let key = action.map { "\(resource) \($0)" } ?? resource
      return (vocabulary.options[key] ?? []) + (vocabulary.options[""] ?? [])
    }
    if action == nil {
      return vocabulary.actions[resource] ?? []
    }
    // NOTE: arguments after the action (IDs) have no candidates until the
    // ID cache feeds the completer.
    return []
  }

  private func result(for word: String, names: [String]) -> CompletionResult {
    let candidates = Set(names.filter { $0.hasPrefix(word) }).sorted()
    guard let first = candidates.first else {
      return CompletionResult(word: word, candidates: [], insertion: "")
    }

    if candidates.count == 1 {
      return CompletionResult(
        word: word, candidates: candidates, insertion: String(first.dropFirst(word.count)) + " ")
    }
    let prefix = candidates.dropFirst().reduce(first) { common, name in
      String(zip(common, name).prefix { $0 == $1 }.map(\.0))
    }
    return CompletionResult(
      word: word, candidates: candidates, insertion: String(prefix.dropFirst(word.count)))
  }
}
