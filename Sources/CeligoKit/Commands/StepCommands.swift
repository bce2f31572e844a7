/// `celigo exports …` and `celigo imports …`
enum StepCommands {
  static let all: [CommandSpec] = commands(.export, .exports) + commands(.import, .imports)

  static func commands(_ kind: ResourceKind, _ layout: TableLayout) -> [CommandSpec] {
    let resource = kind.command
    let example = kind == .export ? "5f1a2b3c4d5e6f7a8b9c0d21" : "5f1a2b3c4d5e6f7a8b9c0d22"
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
