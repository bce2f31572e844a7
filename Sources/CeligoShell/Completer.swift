import CeligoKit

/// Candidates for the word at the end of a line, and the text to insert.
public struct CompletionResult: Equatable, Sendable {
  /// The unfinished word that was completed; empty after a blank.
  public var word: String

  /// Every known name that the word may complete to, sorted; for IDs, the
  /// IDs whose ID or name matches.
  public var candidates: [String]

  /// Text to append after `word`: the rest of the candidates' longest
  /// common prefix, plus a space when there is exactly one candidate.
  public var insertion: String

  /// Lines to list when several candidates remain: the candidates, or
  /// `ID  name` for IDs.
  public var display: [String]

  /// Characters before the cursor to delete before inserting, for a name
  /// that is replaced by its ID; 0 when `insertion` extends the word.
  public var deleteCount: Int

  /// Creates a result.
  public init(word: String, candidates: [String], insertion: String, display: [String]? = nil, deleteCount: Int = 0) {
    self.word = word
    self.candidates = candidates
    self.insertion = insertion
    self.display = display ?? candidates
    self.deleteCount = deleteCount
  }
}

/// Completes resources, actions, options, option values and IDs. Names
/// come from a vocabulary built from the catalog, and IDs from the
/// workbench's ID cache in memory, so it never waits on the network.
public struct Completer: Sendable {
  /// The names offered.
  public let vocabulary: ShellVocabulary

  /// The ID cache and context that IDs come from; nil offers no IDs.
  public let workbench: Workbench?

  /// The largest number of IDs listed below the line.
  static let maxListed = 100

  /// Creates a completer over `vocabulary` and, for IDs, `workbench`.
  public init(vocabulary: ShellVocabulary, workbench: Workbench? = nil) {
    self.vocabulary = vocabulary
    self.workbench = workbench
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
      let target = CompletionTarget.afterOption(option, previous: previous, vocabulary)
      return result(for: value, target ?? .names([]), line: previous, typedLength: value.unicodeScalars.count)
    }
    let target = CompletionTarget.after(previous, word: word, vocabulary)
    return result(for: word, target, line: previous, typedLength: line.unicodeScalars.count - scan.lastWordStart)
  }

  private func result(for word: String, _ target: CompletionTarget, line: [String], typedLength: Int)
    -> CompletionResult
  {
    switch target {
    case .names(let names):
      return Self.result(for: word, names: names)
    case .ids(let kind, let isList):
      guard let workbench else { return CompletionResult(word: word, candidates: [], insertion: "") }
      var item = word
      var length = typedLength
      if isList, let comma = word.lastIndex(of: ",") {
        item = String(word[word.index(after: comma)...])
        length = item.count
      }
      let lookup = IDLookup(cache: workbench.cache)
      let index = workbench.cache.index(kind)
      let positions = lookup.positions(in: index, kind, in: scope(of: line, lookup, workbench.context))
      return IDCompletion.result(for: item, in: index, at: positions, typedLength: length, isList: isList)
    }
  }

  /// Returns the scope the line sets with `--integration` and `--flow`
  /// (names resolved through the cache), or the context's.
  private func scope(of line: [String], _ lookup: IDLookup, _ context: ShellContext) -> IDScope {
    var scope = IDScope(integration: context.integration, flow: context.flow)
    for (index, word) in line.enumerated() where index + 1 < line.count {
      let kind: ResourceKind
      switch word {
      case "--integration": kind = .integration
      case "--flow": kind = .flow
      default: continue
      }
      guard case .found(let id) = lookup.resolve(line[index + 1], kind, in: scope) else { continue }
      if kind == .integration {
        scope = IDScope(integration: id, flow: nil)
      } else {
        scope.flow = id
      }
    }
    return scope
  }

  static func result(for word: String, names: [String]) -> CompletionResult {
    let candidates = Set(names.filter { $0.hasPrefix(word) }).sorted()
    guard let first = candidates.first else {
      return CompletionResult(word: word, candidates: [], insertion: "")
    }

    if candidates.count == 1 {
      return CompletionResult(
        word: word, candidates: candidates, insertion: String(first.dropFirst(word.count)) + " ")
    }
    let prefix = commonPrefix(candidates)
    return CompletionResult(
      word: word, candidates: candidates, insertion: String(prefix.dropFirst(word.count)))
  }

  static func commonPrefix(_ names: [String]) -> String {
    guard let first = names.first else { return "" }
    return names.dropFirst().reduce(first) { common, name in
      String(zip(common, name).prefix { $0 == $1 }.map(\.0))
    }
  }
}
