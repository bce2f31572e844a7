/// Runs a parsed command.
public typealias CommandHandler = @Sendable (Invocation, CommandContext) async throws -> Void

/// How a command is carried out.
public enum CommandRunKind: Sendable {
  /// Calls the API through the handler with a configured client.
  case api(CommandHandler)
  /// Needs settings but no token, such as `login`.
  case local(CommandHandler)
  /// Run by the executable itself (`shell`, `emulator`); the catalog only
  /// describes it for parsing, help and completion.
  case frontEnd
}

/// One command of the catalog: the single description that parsing, help,
/// the shell and completion scripts read.
public struct CommandSpec: Sendable {
  public let resource: String
  public let action: String?
  public let summary: String
  public let arguments: [ArgumentSpec]
  public let options: [OptionSpec]
  public let rules: [OptionRule]
  public let examples: [String]
  public let run: CommandRunKind
  /// The words that name the command, such as `flows run`.
  public var words: String { action.map { "\(resource) \($0)" } ?? resource }

  public init(
    _ resource: String, _ action: String?, _ summary: String,
    arguments: [ArgumentSpec] = [], options: [OptionSpec] = [], rules: [OptionRule] = [],
    examples: [String], run: CommandRunKind
  ) {
    self.resource = resource
    self.action = action
    self.summary = summary
    self.arguments = arguments
    self.options = options
    self.rules = rules
    self.examples = examples
    self.run = run
  }

  /// Returns the option spec named `--name` or `-x`.
  public func option(named name: String) -> OptionSpec? {
    options.first { $0.name == name || $0.short == name }
  }
}

/// The values a command was given, already validated and normalised.
public struct Invocation: Sendable {
  public let spec: CommandSpec
  public var arguments: [String: String]
  public var options: [String: [String]]

  public init(spec: CommandSpec, arguments: [String: String] = [:], options: [String: [String]] = [:]) {
    self.spec = spec
    self.arguments = arguments
    self.options = options
  }

  /// Returns a positional argument by name.
  public func argument(_ name: String) -> String? { arguments[name] }

  /// Returns the last value of an option.
  public func value(_ name: String) -> String? { options[name]?.last }

  /// True when a flag was given.
  public func flag(_ name: String) -> Bool { options[name] != nil }

  /// Returns the comma-separated items of an option, across repeats.
  public func list(_ name: String) -> [String] {
    (options[name] ?? []).flatMap { $0.split(separator: ",").map(String.init) }
  }

  /// Returns a required value that the parser has already checked.
  public func required(_ name: String) throws -> String {
    if let value = arguments[name] ?? value(name) { return value }
    throw CeligoError.usage("missing \(name) for '\(spec.words)'")
  }
}
