/// Help texts, generated from the catalog.
public enum Help {
  public static let version = "0.1.0"

  /// Returns `celigo --help`.
  public static func topLevel(_ catalog: [CommandSpec]) -> String {
    var text = """
      celigo \(version): operate Celigo integrator.io accounts from the command line.

      Usage: celigo [global options] <resource> <action> [arguments] [options]
             celigo shell [--demo]      interactive shell with completion and history

      Resources and commands:

      """
    var rows: [[String]] = []
    for resource in Catalog.resources(catalog) {
      let specs = catalog.filter { $0.resource == resource }
      let actions = specs.compactMap(\.action)
      let summary = Catalog.resourceSummaries[resource] ?? specs.first?.summary ?? ""
      rows.append([resource, summary])
      if !actions.isEmpty {
        rows.append(["", "actions: " + actions.joined(separator: ", ")])
      }
    }
    text += indentedTable(rows)
    text += "\nGlobal options:\n" + optionTable(CommandParser.globalOptions)
    text += """

      Examples:
        celigo shell --demo                 try everything on a built-in demo account
        celigo integrations list
        celigo flows run \(FlowCommands.example)
        celigo jobs list --flow \(FlowCommands.example) --status failed

      Run 'celigo <resource> --help' or 'celigo <resource> <action> --help' for details.

      """
    return text
  }

  /// Returns `celigo RESOURCE --help`.
  public static func resource(_ resource: String, _ catalog: [CommandSpec]) -> String {
    let specs = catalog.filter { $0.resource == resource }
    var text = "celigo \(resource): \(Catalog.resourceSummaries[resource] ?? "")\n\n"
    text = text.replacingOccurrences(of: ": \(resource): ", with: ": ")
    text += "Usage: celigo \(resource) <action> [arguments] [options]\n\nActions:\n"
    text += indentedTable(specs.map { [$0.action ?? "", $0.summary] })
    text += "\nExamples:\n"
    for spec in specs.prefix(3) {
      if let example = spec.examples.first { text += "  \(example)\n" }
    }
    text += "\nRun 'celigo \(resource) <action> --help' for an action's options.\n"
    return text
  }

  /// Returns `celigo RESOURCE ACTION --help`.
  public static func command(_ spec: CommandSpec) -> String {
    var text = "celigo \(spec.words): \(spec.summary)\n\nUsage: \(usage(spec))\n"
    if !spec.arguments.isEmpty {
      text += "\nArguments:\n"
      text += indentedTable(spec.arguments.map { ["<\($0.name)>", $0.summary] })
    }
    if !spec.options.isEmpty {
      text += "\nOptions:\n" + optionTable(spec.options)
    }
    text += "\nExamples:\n"
    for example in spec.examples { text += "  \(example)\n" }
    text += "\nGlobal options such as --format json, --profile NAME and --verbose apply too;"
    text += " see 'celigo --help'.\n"
    return text
  }

  /// Returns the one-line usage of a command.
  public static func usage(_ spec: CommandSpec) -> String {
    var parts = ["celigo", spec.words]
    for argument in spec.arguments {
      parts.append(argument.optional ? "[<\(argument.name)>]" : "<\(argument.name)>")
    }
    var grouped = Set<String>()
    for rule in spec.rules {
      switch rule {
      case .exactlyOne(let names):
        let forms = names.compactMap { name in spec.option(named: name).map(optionForm) }
        parts.append("(" + forms.joined(separator: " | ") + ")")
        grouped.formUnion(names)
      case .atMostOne(let names):
        let forms = names.compactMap { name in spec.option(named: name).map(optionForm) }
        parts.append("[" + forms.joined(separator: " | ") + "]")
        grouped.formUnion(names)
      case .atLeastOne:
        break
      }
    }
    for option in spec.options where !grouped.contains(option.name) {
      parts.append(option.required ? optionForm(option) : "[\(optionForm(option))]")
    }
    return parts.joined(separator: " ")
  }

  static func optionForm(_ option: OptionSpec) -> String {
    guard let kind = option.kind else { return option.name }
    return "\(option.name) \(kind.placeholder)"
  }

  static func optionTable(_ options: [OptionSpec]) -> String {
    indentedTable(
      options.map { option in
        let names = ([option.short].compactMap { $0 } + [optionForm(option)]).joined(separator: ", ")
        return [names, option.summary + (option.required ? " (required)" : "")]
      })
  }

  static func indentedTable(_ rows: [[String]]) -> String {
    let width = min(rows.map { $0[0].count }.max() ?? 0, 34)
    return rows.map { row in
      let first = row[0]
      if first.count > width { return "  \(first)\n  \(String(repeating: " ", count: width + 2))\(row[1])\n" }
      return "  " + first + String(repeating: " ", count: width - first.count + 2) + row[1] + "\n"
    }.joined()
  }
}
