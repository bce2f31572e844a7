/// The kinds of resource whose IDs commands take; also the ID cache's and
/// the completer's vocabulary.
public enum ResourceKind: String, Sendable, CaseIterable {
  case integration, flow, connection, export, `import`, job, cache, tag, user, error, retryDataKey

  /// The resource word of the command line (`flows` for a flow).
  public var command: String {
    switch self {
    case .cache: return "caches"
    case .retryDataKey: return "errors"
    default: return rawValue + "s"
    }
  }

  /// True for kinds whose IDs are 24-character hexadecimal ObjectIds.
  var usesObjectId: Bool {
    switch self {
    case .error, .retryDataKey: return false
    default: return true
    }
  }
}

/// What an argument or option value must look like; the parser checks it
/// before any request is sent.
public enum ValueKind: Sendable, Equatable {
  case id(ResourceKind)
  case idList(ResourceKind)
  case text
  case textList
  case choice([String])
  case boolean
  case integer(ClosedRange<Int>)
  case seconds
  /// A length of time such as `90s`, `30m` or `1h`, or a number of seconds;
  /// normalised to whole seconds.
  case duration
  case date
  case email
  case json
  case path

  /// The placeholder shown in usage lines.
  public var placeholder: String {
    switch self {
    case .id(let kind): return kind == .retryDataKey ? "KEY" : "ID"
    case .idList(let kind): return kind == .retryDataKey ? "KEY,…" : "ID,…"
    case .text: return "TEXT"
    case .textList: return "A,B,…"
    case .choice(let values): return values.joined(separator: "|")
    case .boolean: return "true|false"
    case .integer: return "N"
    case .seconds: return "SECONDS"
    case .duration: return "DURATION"
    case .date: return "DATE"
    case .email: return "EMAIL"
    case .json: return "JSON"
    case .path: return "PATH"
    }
  }

  /// The values the completer offers, when the set is fixed.
  public var completions: [String] {
    switch self {
    case .choice(let values): return values
    case .boolean: return ["true", "false"]
    default: return []
    }
  }
}

/// A named option of one command; `kind == nil` marks a flag.
public struct OptionSpec: Sendable {
  public let name: String
  public let short: String?
  public let kind: ValueKind?
  public let summary: String
  public let required: Bool

  public init(
    _ name: String, _ kind: ValueKind?, _ summary: String, short: String? = nil,
    required: Bool = false
  ) {
    self.name = name
    self.short = short
    self.kind = kind
    self.summary = summary
    self.required = required
  }
}

/// A positional argument of one command.
public struct ArgumentSpec: Sendable {
  public let name: String
  public let kind: ValueKind
  public let summary: String
  public let optional: Bool

  public init(_ name: String, _ kind: ValueKind, _ summary: String, optional: Bool = false) {
    self.name = name
    self.kind = kind
    self.summary = summary
    self.optional = optional
  }
}

/// A rule across options, checked after each value is valid.
public enum OptionRule: Sendable {
  /// Exactly one of these options must be given.
  case exactlyOne([String])
  /// At most one of these options may be given.
  case atMostOne([String])
  /// At least one of these options must be given.
  case atLeastOne([String])
}
