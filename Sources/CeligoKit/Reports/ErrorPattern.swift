/// Groups error messages that differ only in their values: numbers become
/// `<n>`, words that mix letters and digits (record and object IDs) become
/// `<id>`, and quoted text becomes `'<value>'`, so that "Invalid Field
/// Value 123 for … item" and "Invalid Field Value 456 for … item" share one
/// pattern.
enum ErrorPattern {
  /// Returns the message with its values replaced by placeholders and its
  /// white space folded.
  static func normalize(_ message: String) -> String {
    let characters = Array(message)
    var result = ""
    var word = ""
    var index = 0

    func flushWord() {
      guard !word.isEmpty else { return }
      result += placeholder(for: word)
      word = ""
    }

    while index < characters.count {
      let character = characters[index]
      if character.isLetter || character.isNumber || character == "_" {
        word.append(character)
        index += 1
        continue
      }
      flushWord()
      if character == "'" || character == "\"", let end = closingQuote(in: characters, from: index) {
        result += "\(character)<value>\(character)"
        index = end + 1
        continue
      }
      if character.isWhitespace {
        if !result.hasSuffix(" ") && !result.isEmpty { result += " " }
      } else {
        result.append(character)
      }
      index += 1
    }
    flushWord()
    while result.hasSuffix(" ") { result.removeLast() }
    return result
  }

  static func placeholder(for word: String) -> String {
    guard word.contains(where: \.isNumber) else { return word }
    if word.allSatisfy(\.isNumber) { return "<n>" }
    // Short tokens such as `v2` or `850` in `EDI850` are names, not IDs.
    return word.count >= 6 ? "<id>" : word
  }

  /// Returns the index of the quote that closes the one at `start`, when
  /// `start` opens a quotation: it follows no letter or digit (so the `'` of
  /// "doesn't" opens nothing), and the closing quote is followed by none.
  static func closingQuote(in characters: [Character], from start: Int) -> Int? {
    if start > 0, characters[start - 1].isLetter || characters[start - 1].isNumber { return nil }
    var index = start + 1
    while index < characters.count {
      if characters[index] == characters[start] {
        let next = index + 1 < characters.count ? characters[index + 1] : " "
        if !(next.isLetter || next.isNumber) { return index > start + 1 ? index : nil }
      }
      index += 1
    }
    return nil
  }
}
