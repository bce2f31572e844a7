/// User-given text as error messages print it. Control characters, line and
/// paragraph separators and bidirectional formatting characters are written
/// as Swift-style `\u{1B}` escapes, so a value cannot move the cursor, clear
/// the screen or reorder the rest of the line.
public enum EscapedValue {
  /// Returns `value` with each unsafe character written as `\u{HEX}`, with
  /// at least two uppercase hexadecimal digits.
  public static func escaped(_ value: String) -> String {
    var text = ""
    for scalar in value.unicodeScalars {
      if isUnsafe(scalar) {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        text += "\\u{" + (hex.count < 2 ? "0" + hex : hex) + "}"
      } else {
        text.unicodeScalars.append(scalar)
      }
    }
    return text
  }

  /// Returns `value` escaped and in single quotes, the way messages quote a
  /// value the user gave.
  public static func quoted(_ value: String) -> String {
    "'" + escaped(value) + "'"
  }

  /// True for C0 and C1 controls and DEL, U+2028 and U+2029, and the
  /// bidirectional marks, embeddings, overrides and isolates.
  static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .lineSeparator, .paragraphSeparator:
      return true
    default:
      return scalar.properties.isBidiControl
    }
  }
}
