import CeligoKit

extension ShellVocabulary {
  /// The resources and commands of the catalog that the shell can run:
  /// every command but `shell` and `emulator`, which start front ends.
  public init(catalog: [CommandSpec]) {
    let shellOnly: Set<String> = ["shell", "emulator"]
    let commands = catalog.filter { !shellOnly.contains($0.resource) }
    var actions: [String: [String]] = [:]
    var options: [String: [String]] = [:]
    var specs: [String: CommandSpec] = [:]
    for spec in commands {
      if let action = spec.action { actions[spec.resource, default: []].append(action) }
      options[spec.words] = spec.options.map(\.name)
      specs[spec.words] = spec
    }
    options[""] = CommandParser.globalOptions.map(\.name).filter { $0 != "--version" }

    // Values of commands' own options come from `commands`, so two commands
    // with a `--type` each offer their own; only global ones are listed here.
    var values: [String: [String]] = [:]
    for option in CommandParser.globalOptions where !(option.kind?.completions.isEmpty ?? true) {
      values[option.name] = option.kind?.completions
    }
    self.init(resources: Catalog.resources(commands), actions: actions, options: options, optionValues: values)
    self.commands = specs
  }

  /// Returns the command named by the first words of `words` (resource,
  /// then action), skipping global options and their values.
  func command(in words: [String]) -> (spec: CommandSpec, rest: ArraySlice<String>)? {
    var index = 0
    var names: [String] = []
    while index < words.count, names.count < 2 {
      let word = words[index]
      index += 1
      if word.hasPrefix("-") {
        if let option = Self.globalOption(word), option.kind != nil, !word.contains("=") { index += 1 }
        continue
      }
      names.append(word)
      if names.count == 1, let single = commands[word], single.action == nil {
        return (single, words[index...])
      }
    }
    guard names.count == 2, let spec = commands["\(names[0]) \(names[1])"] else { return nil }
    return (spec, words[index...])
  }

  /// Returns the global option named by `word` (`--format` or `-f`, with or
  /// without `=value`).
  static func globalOption(_ word: String) -> OptionSpec? {
    let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
    let canonical = name == "--env" ? "--profile" : name
    return CommandParser.globalOptions.first { $0.name == canonical || $0.short == canonical }
  }
}
