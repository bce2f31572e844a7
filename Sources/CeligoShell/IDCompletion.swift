import CeligoKit

/// Completion of an ID from cached entries.
enum IDCompletion {
  /// Returns the completion of `word` among `entries`. One match replaces
  /// the typed text (`typedLength` characters, quotes included) by its ID.
  /// Several matches by ID prefix extend the word to their common prefix;
  /// otherwise they are listed as `ID  name`, newest first cut to
  /// `Completer.maxListed`, then sorted by name.
  static func result(for word: String, among entries: [CachedID], typedLength: Int, isList: Bool)
    -> CompletionResult
  {
    let (matches, byID) = IDLookup.completions(of: word, among: entries)
    guard let first = matches.first else {
      return CompletionResult(word: word, candidates: [], insertion: "")
    }

    if matches.count == 1 {
      return CompletionResult(
        word: word, candidates: [first.id], insertion: first.id + (isList ? "" : " "),
        display: [line(first)], deleteCount: typedLength)
    }

    let shown = matches.suffix(Completer.maxListed).sorted { ($0.foldedName, $0.id) < ($1.foldedName, $1.id) }
    var display = shown.map(line)
    if matches.count > shown.count {
      display.append("… \(matches.count - shown.count) more: type more of the name or ID")
    }
    var insertion = ""
    if byID {
      let prefix = Completer.commonPrefix(matches.map(\.id))
      insertion = String(prefix.dropFirst(word.count))
    }
    return CompletionResult(
      word: word, candidates: shown.map(\.id), insertion: insertion, display: display,
      deleteCount: 0)
  }

  static func line(_ entry: CachedID) -> String {
    entry.name.isEmpty ? entry.id : entry.id + "  " + entry.name
  }
}
