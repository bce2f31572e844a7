import Foundation

/// A JSON document that keeps object keys in their original order, so that
/// records print exactly as the API sent them, unknown fields included.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int64)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([(key: String, value: JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.double(let a), .double(let b)): return a == b
    case (.int(let a), .double(let b)), (.double(let b), .int(let a)): return Double(a) == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      guard a.count == b.count else { return false }
      for (key, value) in a {
        guard let other = b.first(where: { $0.key == key }), other.value == value else {
          return false
        }
      }
      return true
    default: return false
    }
  }
}

extension JSONValue {
  /// Returns the value of `key` when this is an object that has it.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let pairs) = self else { return nil }
    return pairs.first(where: { $0.key == key })?.value
  }

  /// Returns the string of a `.string`, or nil for every other case.
  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// Returns the number of an `.int` or a whole `.double`.
  public var intValue: Int? {
    switch self {
    case .int(let number): return Int(number)
    case .double(let number) where number.rounded() == number: return Int(number)
    default: return nil
    }
  }

  public var boolValue: Bool? {
    if case .bool(let flag) = self { return flag }
    return nil
  }

  public var arrayValue: [JSONValue]? {
    if case .array(let items) = self { return items }
    return nil
  }

  public var objectPairs: [(key: String, value: JSONValue)]? {
    if case .object(let pairs) = self { return pairs }
    return nil
  }

  /// Returns a copy with `key` set to `value`, replacing it in place when
  /// present and appending it otherwise.
  public func setting(_ key: String, to value: JSONValue) -> JSONValue {
    guard case .object(var pairs) = self else { return self }
    if let index = pairs.firstIndex(where: { $0.key == key }) {
      pairs[index].value = value
    } else {
      pairs.append((key, value))
    }
    return .object(pairs)
  }

  /// Returns a copy without `key`.
  public func removing(_ key: String) -> JSONValue {
    guard case .object(let pairs) = self else { return self }
    return .object(pairs.filter { $0.key != key })
  }

  /// Renders a value for a table cell: strings bare, null empty, and
  /// everything else as compact JSON.
  public var cellText: String {
    switch self {
    case .null: return ""
    case .string(let text): return text
    default: return serialized()
    }
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
  ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int64) { self = .int(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  public init(nilLiteral: ()) { self = .null }
  public init(floatLiteral value: Double) { self = .double(value) }
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(elements.map { (key: $0.0, value: $0.1) })
  }
}
