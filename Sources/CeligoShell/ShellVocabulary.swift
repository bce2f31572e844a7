import CeligoKit

/// Names the completer offers, taken by the caller from the command catalog.
public struct ShellVocabulary: Sendable {
  /// Resource names such as `integrations` and `flows`.
  public var resources: [String]

  /// Actions of each resource, keyed by resource name.
  public var actions: [String: [String]]

  /// Options keyed by `"resource action"`. The key `""` contains the global
  /// options, which are offered after every command.
  public var options: [String: [String]]

  /// Known values of an option, keyed by the option (`"--format"`).
  public var optionValues: [String: [String]]

  /// Words the shell handles itself, such as `help` and `exit`.
  public var builtins: [String]

  /// The catalog's commands keyed by `"resource action"`: which arguments
  /// and options take IDs of which kind, and each option's values.
  public var commands: [String: CommandSpec] = [:]

  /// Creates a vocabulary; `builtins` defaults to the shell's own.
  public init(
    resources: [String],
    actions: [String: [String]],
    options: [String: [String]] = [:],
    optionValues: [String: [String]] = [:],
    builtins: [String] = ShellBuiltin.allCases.map(\.rawValue)
  ) {
    self.resources = resources
    self.actions = actions
    self.options = options
    self.optionValues = optionValues
    self.builtins = builtins
  }
}

/// A command the shell runs itself instead of passing it to the executor.
public enum ShellBuiltin: String, CaseIterable, Sendable {
  case help
  case exit
  case quit
  case history
  case clear
  case questionMark = "?"
  case use
  case unuse
  case context
  case refresh
  case set
}
