/// The command catalog: every command of the tool, in help order.
public enum Catalog {
  public static let commands: [CommandSpec] =
    IntegrationCommands.all + FlowCommands.all + ConnectionCommands.all + StepCommands.all
    + JobCommands.all + ErrorCommands.all + CacheCommands.all + TagCommands.all
    + UserCommands.all + WorkflowCommands.all + SessionCommands.all

  /// One line per resource for `celigo --help`.
  public static let resourceSummaries: [String: String] = [
    "integrations": "integrations and what they contain",
    "flows": "inspect and run flows, and count their errors per step",
    "connections": "inspect and test connections, and read their debug logs",
    "exports": "exports (sources of flows)",
    "imports": "imports (destinations of flows)",
    "jobs": "list, inspect, watch and cancel jobs",
    "errors": "open and resolved errors of a flow step: read, fix, retry, resolve",
    "caches": "lookup caches and their data",
    "tags": "tags for errors",
    "users": "users the account is shared with",
    "health": "check an account: failed jobs, open errors, offline connections",
    "troubleshoot": "find why a flow fails and what to run next",
    "login": "save an API token for a profile",
    "shell": "interactive shell",
    "emulator": "run the local integrator.io emulator",
    "completions": "print a completion script for bash, zsh or fish",
  ]

  /// Returns the resource words in catalog order, without repeats.
  public static func resources(_ catalog: [CommandSpec] = commands) -> [String] {
    var seen = Set<String>()
    return catalog.map(\.resource).filter { seen.insert($0).inserted }
  }

  /// Returns the actions of a resource in catalog order.
  public static func actions(of resource: String, in catalog: [CommandSpec] = commands) -> [String] {
    catalog.filter { $0.resource == resource }.compactMap(\.action)
  }

  /// Returns the command named by resource and action.
  public static func command(_ resource: String, _ action: String?) -> CommandSpec? {
    commands.first { $0.resource == resource && $0.action == action }
  }
}

/// Building blocks shared by the command files.
enum Build {
  static func idArgument(_ kind: ResourceKind, optional: Bool = false) -> ArgumentSpec {
    ArgumentSpec(kind.rawValue, .id(kind), "\(kind.rawValue) ID", optional: optional)
  }

  /// Returns a run that prints one record from `GET path`.
  static func record(_ path: @escaping @Sendable (Invocation) -> String) -> CommandRunKind {
    .api { invocation, context in
      let value = try await context.client.document(APIRequest("GET", path(invocation)))
      context.output.record(value)
    }
  }

  /// Returns a run that prints a `Link`-paged list from `GET path`.
  static func list(
    _ layout: TableLayout, _ path: @escaping @Sendable (Invocation) -> String,
    query: @escaping @Sendable (Invocation) -> [(String, String)] = { _ in [] }
  ) -> CommandRunKind {
    .api { invocation, context in
      let writer = context.output.list(layout)
      try await context.client.forEachLinkPage(
        APIRequest("GET", path(invocation), query: query(invocation))
      ) { writer.add($0) }
      writer.finish()
    }
  }

  /// Query items for options that were given, renamed to API parameters.
  static func query(_ invocation: Invocation, _ names: [(String, String)]) -> [(String, String)] {
    var items: [(String, String)] = []
    for (option, parameter) in names {
      for value in invocation.options[option] ?? [] { items.append((parameter, value)) }
    }
    return items
  }
}
