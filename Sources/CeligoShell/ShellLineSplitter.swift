/// Splits a command line into words the way a POSIX shell does, without
/// expansions: blanks separate words, `'…'` keeps every character as is,
/// `"…"` keeps every character but lets `\` escape `"` and `\`, and outside
/// quotes `\` escapes any character.
///
/// It reads Unicode scalars, not `Character`s, as a POSIX shell reads bytes:
/// a combining mark after a quote or blank would otherwise join it into one
/// grapheme cluster and hide it, so `'\u{301}'` would not be quoted.
public enum ShellLineSplitter {
  /// Returns the words of `line`, or throws `ShellLineSplitError` when a
  /// quote is not closed or the line ends in a lone backslash.
  public static func split(_ line: String) throws(ShellLineSplitError) -> [String] {
    let scan = scan(line)
    if let error = scan.error {
      throw error
    }
    return scan.words
  }

  /// Scans `line` and keeps going past an error, for completion: the last
  /// word is then the unfinished one.
  static func scan(_ line: String) -> ShellLineScan {
    var words: [String] = []
    var word = String.UnicodeScalarView()
    var inWord = false
    var quote: Unicode.Scalar?
    var escaping = false
    var offset = 0
    var wordStart = 0

    for character in line.unicodeScalars {
      defer { offset += 1 }
      let isWhitespace = character.properties.isWhitespace
      if !inWord && !escaping && quote == nil && !isWhitespace {
        wordStart = offset
      }
      if escaping {
        if quote == "\"" && character != "\"" && character != "\\" {
          word.append("\\")
        }
        word.append(character)
        escaping = false
        continue
      }

      switch (quote, character) {
      case ("'", "'"), ("\"", "\""):
        quote = nil
      case ("'", _):
        word.append(character)
      case ("\"", "\\"), (nil, "\\"):
        escaping = true
        inWord = true
      case ("\"", _):
        word.append(character)
      case (nil, "'"), (nil, "\""):
        quote = character
        inWord = true
      case (nil, _) where isWhitespace:
        if inWord {
          words.append(String(word))
        }
        word = String.UnicodeScalarView()
        inWord = false
      default:
        word.append(character)
        inWord = true
      }
    }

    if inWord {
      words.append(String(word))
    }
    let error: ShellLineSplitError? =
      if escaping && quote == nil {
        .trailingBackslash
      } else if quote == "'" {
        .unterminatedSingleQuote
      } else if quote == "\"" {
        .unterminatedDoubleQuote
      } else {
        nil
      }
    return ShellLineScan(words: words, endsInWord: inWord, error: error, lastWordStart: inWord ? wordStart : offset)
  }
}

/// Words of a scanned line, and whether the line ends inside a word.
struct ShellLineScan: Equatable {
  var words: [String]
  var endsInWord: Bool
  var error: ShellLineSplitError?
  /// Where the last word starts in the line, quotes included, or the line's
  /// length when it ends in a blank. It counts Unicode scalars, the unit of
  /// libedit's wide-character buffer.
  var lastWordStart = 0
}

/// A command line that cannot be split into words.
public enum ShellLineSplitError: Error, Equatable, CustomStringConvertible {
  case unterminatedSingleQuote
  case unterminatedDoubleQuote
  case trailingBackslash

  /// A message for the user that says how to fix the line.
  public var description: String {
    switch self {
    case .unterminatedSingleQuote:
      "unterminated single quote: close the ' or escape it as \\'"
    case .unterminatedDoubleQuote:
      "unterminated double quote: close the \" or escape it as \\\""
    case .trailingBackslash:
      "line ends in a backslash: remove it or escape it as \\\\"
    }
  }
}
