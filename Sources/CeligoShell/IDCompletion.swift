import CeligoKit

/// Completion of an ID from cached entries.
enum IDCompletion {
  /// Returns the completion of `word` among the entries of `index` at
  /// `positions` (all when nil). One match replaces the typed text
  /// (`typedLength` Unicode scalars, quotes included) by its ID.
  /// Several matches by ID prefix extend the word to their common prefix.
  /// Other matches are listed as `ID  name`: the newest
  /// `Completer.maxListed` of them, sorted by name.
  static func result(
    for word: String, in index: IDIndex, at positions: [Int]?, typedLength: Int, isList: Bool
  ) -> CompletionResult {
    let found = index.completions(of: word, at: positions, limit: Completer.maxListed)
    guard let first = found.newest.first else {
      return CompletionResult(word: word, candidates: [], insertion: "")
    }

    if found.count == 1 {
      return CompletionResult(
        word: word, candidates: [first.id], insertion: first.id + (isList ? "" : " "),
        display: [line(first)], deleteCount: typedLength)
    }

    let shown = found.newest.sorted { ($0.foldedName, $0.id) < ($1.foldedName, $1.id) }
    var display = shown.map(line)
    if found.count > shown.count {
      display.append("… \(found.count - shown.count) more: type more of the name or ID")
    }
    var insertion = ""
    if found.byID, !word.isEmpty {
      insertion = String(decoding: found.commonPrefix.dropFirst(word.utf8.count), as: UTF8.self)
    }
    return CompletionResult(
      word: word, candidates: shown.map(\.id), insertion: insertion, display: display,
      deleteCount: 0)
  }

  static func line(_ entry: CachedID) -> String {
    entry.name.isEmpty ? entry.id : entry.id + "  " + entry.name
  }
}
