import Foundation

/// Checks and normalises one argument or option value against its kind,
/// with messages that name the value and the accepted form.
enum ValueValidator {
  static func validate(_ raw: String, kind: ValueKind, label: String) throws -> String {
    let value = raw.trimmingCharacters(in: .whitespaces)
    switch kind {
    case .id(let resource):
      return try id(value, resource: resource, label: label)
    case .idList(let resource):
      let items = value.split(separator: ",", omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .whitespaces) }
      guard !value.isEmpty, !items.contains(where: \.isEmpty) else {
        throw CeligoError.usage(
          "invalid \(label) \(EscapedValue.quoted(raw)): expected a comma-separated list of IDs with no empty items")
      }
      return try items.map { try id($0, resource: resource, label: label) }.joined(separator: ",")
    case .text:
      guard !value.isEmpty else { throw CeligoError.usage("empty \(label): give a value") }
      guard !raw.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
        throw CeligoError.usage("invalid \(label): it contains a control character such as a newline or tab")
      }
      return raw
    case .textList:
      let items = value.split(separator: ",", omittingEmptySubsequences: false)
      guard !value.isEmpty, !items.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty })
      else {
        throw CeligoError.usage(
          "invalid \(label) \(EscapedValue.quoted(raw)): expected a comma-separated list with no empty items")
      }
      return items.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ",")
    case .choice(let values):
      guard values.contains(value) else {
        let hint = value.lowercased() == "cancelled" ? " (the API spells it 'canceled')" : ""
        throw CeligoError.usage(
          "invalid \(label) \(EscapedValue.quoted(raw)): expected one of \(values.joined(separator: ", "))\(hint)")
      }
      return value
    case .boolean:
      guard value == "true" || value == "false" else {
        throw CeligoError.usage("invalid \(label) \(EscapedValue.quoted(raw)): expected true or false")
      }
      return value
    case .integer(let range):
      guard let number = Int(value), range.contains(number) else {
        throw CeligoError.usage(
          "invalid \(label) \(EscapedValue.quoted(raw)): expected a whole number from \(range.lowerBound) to \(range.upperBound)")
      }
      return String(number)
    case .seconds:
      guard let number = Double(value), number > 0, number <= maxSeconds else {
        throw CeligoError.usage(
          "invalid \(label) \(EscapedValue.quoted(raw)): expected a positive number of seconds up to \(Int(maxSeconds))")
      }
      return value
    case .duration:
      let seconds = Double(value) ?? DateValue.parseAge(value)
      // A week bounds the wait; the value must also fit an Int.
      guard let seconds, seconds >= 1, seconds <= 604_800 else {
        throw CeligoError.usage(
          "invalid \(label) \(EscapedValue.quoted(raw)): expected a duration from 1 second to 7 days, such as 90s, 30m or 1h")
      }
      return String(Int(seconds.rounded()))
    case .date:
      guard let date = DateValue.parse(value, now: Date()) else {
        throw CeligoError.usage(
          "invalid \(label) \(EscapedValue.quoted(raw)): expected an ISO date such as 2026-11-30 or"
            + " 2026-11-30T08:00:00Z, epoch milliseconds, or an age such as 30m, 24h, 7d")
      }
      return DateValue.format(date)
    case .email:
      guard isEmail(value) else {
        throw CeligoError.usage(
          "invalid \(label) \(EscapedValue.quoted(raw)): expected an email address such as ops@example.com")
      }
      return value
    case .json:
      do {
        _ = try JSONValue.parse(raw)
      } catch {
        throw CeligoError.usage(
          "invalid \(label): the JSON does not parse (\(EscapedValue.escaped("\(error)")))")
      }
      return raw
    case .path:
      guard !value.isEmpty else { throw CeligoError.usage("empty \(label): give a file path") }
      return raw
    }
  }

  static func id(_ value: String, resource: ResourceKind, label: String) throws -> String {
    switch resource {
    case .error:
      guard !value.isEmpty, value.count <= maxKeyLength, value.allSatisfy(isASCIIDigit) else {
        throw CeligoError.usage(
          "invalid \(label) \(EscapedValue.quoted(value)): error IDs are up to \(maxKeyLength) digits 0-9,"
            + " as shown by 'celigo errors list'")
      }
      return value
    case .retryDataKey:
      let allowed = value.allSatisfy { isASCIIDigit($0) || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "-" || $0 == "_" }
      guard !value.isEmpty, value.count <= maxKeyLength, allowed else {
        throw CeligoError.usage(
          "invalid \(label) \(EscapedValue.quoted(value)): retry data keys are up to \(maxKeyLength) ASCII letters, digits,"
            + " '-' or '_', as shown by 'celigo errors list'")
      }
      return value
    default:
      let lowered = value.lowercased()
      guard lowered.count == 24, lowered.allSatisfy({ isASCIIDigit($0) || ("a"..."f").contains($0) }) else {
        throw CeligoError.usage(
          "invalid \(resource.rawValue) ID \(EscapedValue.quoted(value)): expected 24 hexadecimal characters,"
            + " as shown by 'celigo \(resource.command) list'")
      }
      return lowered
    }
  }

  /// The longest `--timeout`: one day.
  static let maxSeconds = 86_400.0
  /// The maximum length of an error ID or retry data key. Real ones are 9 to 10
  /// digits and 32 hexadecimal characters.
  static let maxKeyLength = 64

  /// True for 0 to 9 only; `Character.isNumber` also accepts digits of
  /// other scripts and fractions such as ½.
  static func isASCIIDigit(_ character: Character) -> Bool {
    ("0"..."9").contains(character)
  }

  static func isEmail(_ value: String) -> Bool {
    let parts = value.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !value.contains(where: \.isWhitespace) else {
      return false
    }
    let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
    return domain.count >= 2 && !domain.contains(where: \.isEmpty)
  }
}
