/// `celigo exports …` and `celigo imports …`
enum StepCommands {
  static let exportExample = "8b2e02445e4be0f5bf8c59bb"
  /// The demo import with open errors, in flow `FlowCommands.example`.
  static let importExample = "3c821fbf59108163a7ff0d38"
  static let all: [CommandSpec] = commands(.export, .exports) + commands(.import, .imports)

  static func commands(_ kind: ResourceKind, _ layout: TableLayout) -> [CommandSpec] {
    let resource = kind.command
    let example = kind == .export ? exportExample : importExample
    return [
      CommandSpec(
        resource, "list", "list \(resource)",
        examples: ["celigo \(resource) list"],
        run: Build.list(layout) { _ in "/v1/\(resource)" }),
      CommandSpec(
        resource, "get", "show one \(kind.rawValue)",
        arguments: [Build.idArgument(kind)],
        examples: ["celigo \(resource) get \(example)"],
        run: Build.record { "/v1/\(resource)/\($0.arguments[kind.rawValue] ?? "")" }),
    ]
  }
}
