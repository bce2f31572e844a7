/// The result of parsing a command line.
public enum ParseOutcome: Sendable {
  case run(Invocation, GlobalOptions)
  case help(String)
  case version
}

/// Parses command lines against the catalog. Every check happens here, so
/// that a bad command line fails before any request is sent.
public struct CommandParser: Sendable {
  public let catalog: [CommandSpec]

  public init(catalog: [CommandSpec] = Catalog.commands) {
    self.catalog = catalog
  }

  /// Global options: name, short form, and whether a value follows.
  public static let globalOptions: [OptionSpec] = [
    OptionSpec("--profile", .text, "account profile from the config file (alias --env)", short: "-e"),
    OptionSpec("--format", .choice(["table", "json"]), "output format (default table)", short: "-f"),
    OptionSpec("--region", .choice(["us", "eu"]), "API region: us (api.integrator.io) or eu"),
    OptionSpec("--base-url", .text, "API root URL, such as http://127.0.0.1:PORT for the emulator"),
    OptionSpec("--config", .path, "config file path"),
    OptionSpec("--verbose", nil, "trace HTTP requests on stderr (token redacted)", short: "-v"),
    OptionSpec("--yes", nil, "skip confirmation of destructive commands", short: "-y"),
    OptionSpec("--timeout", .seconds, "seconds a request may wait for data, connecting included, before it fails (default 30)"),
    OptionSpec("--help", nil, "show help", short: "-h"),
    OptionSpec("--version", nil, "print the version"),
  ]

  static func globalOption(_ word: String) -> OptionSpec? {
    if word == "--env" { return globalOptions[0] }
    return globalOptions.first { $0.name == word || $0.short == word }
  }

  /// Parses the words after the program name.
  public func parse(_ words: [String]) throws -> ParseOutcome {
    var globals = GlobalOptions()
    var rest: [String] = []
    var index = 0
    var afterDashes = false
    while index < words.count {
      let word = words[index]
      index += 1
      if afterDashes || !word.hasPrefix("-") || word == "-" {
        rest.append(word)
        continue
      }
      if word == "--" {
        afterDashes = true
        rest.append(word)
        continue
      }
      let (name, inline) = Self.split(word)
      guard let spec = Self.globalOption(name) else {
        rest.append(word)
        continue
      }
      var value: String?
      if spec.kind != nil {
        value = inline ?? (index < words.count ? words[index] : nil)
        if inline == nil, value != nil { index += 1 }
        guard let given = value else {
          throw CeligoError.usage("missing value for \(name): \(spec.summary)")
        }
        value = try ValueValidator.validate(given, kind: spec.kind ?? .text, label: spec.name)
      } else if inline != nil {
        throw CeligoError.usage("\(name) takes no value")
      }
      try apply(spec.name, value, to: &globals)
    }

    if globals.version && rest.isEmpty { return .version }
    // `celigo help flows run` is `celigo flows run --help`, as in the shell.
    if rest.first == "help" {
      rest.removeFirst()
      globals.help = true
    }
    guard let resource = rest.first else { return .help(Help.topLevel(catalog)) }
    let candidates = catalog.filter { $0.resource == resource }
    guard !candidates.isEmpty else {
      throw CeligoError.usage(
        "unknown command \(EscapedValue.quoted(resource))"
          + Self.suggestion(resource, among: Catalog.resources(catalog)) + "; run 'celigo --help' for the list")
    }

    var spec: CommandSpec
    var remaining: [String]
    if let single = candidates.first(where: { $0.action == nil }) {
      spec = single
      remaining = Array(rest.dropFirst())
    } else {
      guard rest.count > 1, !rest[1].hasPrefix("-") else {
        if globals.help || rest.count == 1 { return .help(Help.resource(resource, catalog)) }
        throw CeligoError.usage(
          "missing action for '\(resource)'; run 'celigo \(resource) --help' for the actions")
      }
      let action = rest[1]
      guard let found = candidates.first(where: { $0.action == action }) else {
        let actions = candidates.compactMap(\.action)
        throw CeligoError.usage(
          "unknown action \(EscapedValue.quoted(action)) for '\(resource)'" + Self.suggestion(action, among: actions)
            + "; actions: \(actions.joined(separator: ", "))")
      }
      spec = found
      remaining = Array(rest.dropFirst(2))
    }
    if globals.help { return .help(Help.command(spec)) }
    let invocation = try parseCommand(spec, remaining)
    return .run(invocation, globals)
  }

  func apply(_ name: String, _ value: String?, to globals: inout GlobalOptions) throws {
    switch name {
    case "--profile": globals.profile = value
    case "--format": globals.format = value.flatMap(OutputFormat.init(rawValue:))
    case "--region": globals.region = value
    case "--base-url": globals.baseURL = value
    case "--config": globals.configPath = value
    case "--verbose": globals.verbose = true
    case "--yes": globals.yes = true
    case "--timeout": globals.timeout = value.flatMap(Double.init)
    case "--help": globals.help = true
    case "--version": globals.version = true
    default: break
    }
  }

  /// Parses the arguments and options that follow a command's words.
  func parseCommand(_ spec: CommandSpec, _ words: [String]) throws -> Invocation {
    var invocation = Invocation(spec: spec)
    var positional: [String] = []
    var index = 0
    var afterDashes = false
    while index < words.count {
      let word = words[index]
      index += 1
      if afterDashes || !word.hasPrefix("-") || word == "-" || Self.isNegativeNumber(word) {
        positional.append(word)
        continue
      }
      if word == "--" {
        afterDashes = true
        continue
      }
      let (name, inline) = Self.split(word)
      guard let option = spec.option(named: name) else {
        let names = spec.options.map(\.name)
        throw CeligoError.usage(
          "unknown option \(EscapedValue.escaped(name)) for '\(spec.words)'" + Self.suggestion(name, among: names)
            + "; run 'celigo \(spec.words) --help'")
      }
      guard let kind = option.kind else {
        if inline != nil { throw CeligoError.usage("\(option.name) takes no value") }
        invocation.options[option.name, default: []].append("true")
        continue
      }
      let given: String
      if let inline {
        given = inline
      } else if index < words.count {
        given = words[index]
        index += 1
      } else {
        throw CeligoError.usage(
          "missing value for \(option.name) (\(kind.placeholder)): \(option.summary)")
      }
      let value = try ValueValidator.validate(given, kind: kind, label: option.name)
      invocation.options[option.name, default: []].append(value)
    }

    for (position, argument) in spec.arguments.enumerated() {
      guard position < positional.count else {
        if argument.optional { continue }
        throw CeligoError.usage(
          "missing \(argument.name) for '\(spec.words)': usage: \(Help.usage(spec))")
      }
      invocation.arguments[argument.name] = try ValueValidator.validate(
        positional[position], kind: argument.kind, label: argument.name)
    }
    if positional.count > spec.arguments.count {
      let extra = positional[spec.arguments.count...].joined(separator: " ")
      throw CeligoError.usage(
        "unexpected argument \(EscapedValue.quoted(extra)) for '\(spec.words)': usage: \(Help.usage(spec))")
    }
    for option in spec.options where option.required && invocation.options[option.name] == nil {
      throw CeligoError.usage(
        "missing \(option.name) for '\(spec.words)': \(option.summary); usage: \(Help.usage(spec))")
    }
    try checkRules(spec, invocation)
    try checkRanges(spec, invocation)
    return invocation
  }

  func checkRules(_ spec: CommandSpec, _ invocation: Invocation) throws {
    for rule in spec.rules {
      switch rule {
      case .exactlyOne(let names):
        let given = names.filter { invocation.options[$0] != nil }
        if given.count > 1 {
          throw CeligoError.usage(
            "\(given.joined(separator: " and ")) cannot be used together for '\(spec.words)': give one of them")
        }
        if given.isEmpty {
          throw CeligoError.usage(
            "missing \(names.joined(separator: " or ")) for '\(spec.words)': give exactly one")
        }
      case .atMostOne(let names):
        let given = names.filter { invocation.options[$0] != nil }
        if given.count > 1 {
          throw CeligoError.usage(
            "\(given.joined(separator: " and ")) cannot be used together for '\(spec.words)'")
        }
      case .atLeastOne(let names):
        if !names.contains(where: { invocation.options[$0] != nil }) {
          throw CeligoError.usage(
            "missing \(names.joined(separator: " or ")) for '\(spec.words)'")
        }
      }
    }
  }

  /// Rejects a time range that ends before it starts. Dates are already
  /// normalised to one ISO 8601 form, so they compare as text.
  func checkRanges(_ spec: CommandSpec, _ invocation: Invocation) throws {
    for (start, end) in [("--since", "--until"), ("--start-date", "--end-date")] {
      guard let from = invocation.value(start), let to = invocation.value(end), from > to else { continue }
      throw CeligoError.usage(
        "invalid range for '\(spec.words)': \(start) \(from) is after \(end) \(to); swap them")
    }
  }

  static func split(_ word: String) -> (String, String?) {
    guard word.hasPrefix("--"), let equals = word.firstIndex(of: "=") else { return (word, nil) }
    return (String(word[..<equals]), String(word[word.index(after: equals)...]))
  }

  static func isNegativeNumber(_ word: String) -> Bool {
    word.count > 1 && word.dropFirst().allSatisfy(ValueValidator.isASCIIDigit)
  }

  /// Returns `; did you mean 'x'` for a close match, or an empty string.
  static func suggestion(_ word: String, among names: [String]) -> String {
    let scored = names.map { ($0, EditDistance.between(word, $0)) }.filter { $0.1 <= 2 }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else {
      if let prefixed = names.first(where: { $0.hasPrefix(word) && !word.isEmpty }) {
        return " (did you mean '\(prefixed)'?)"
      }
      return ""
    }
    return " (did you mean '\(best.0)'?)"
  }
}

/// Levenshtein distance, for "did you mean" suggestions.
enum EditDistance {
  static func between(_ first: String, _ second: String) -> Int {
    let a = Array(first)
    let b = Array(second)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      previous = current
    }
    return previous[b.count]
  }
}
