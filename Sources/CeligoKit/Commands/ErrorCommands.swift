/// `celigo errors …`: open and resolved errors of one flow step. Step
/// routes are `/v1/flows/{flow}/{step}/…`, where the step is an export or
/// import ID with no `exports/` or `imports/` segment.
enum ErrorCommands {
  static let sources = [
    "internal", "application", "connection", "resource", "transformation", "output_filter",
    "input_filter", "import_filter", "lookup", "mapping", "response_mapping",
    "pre_save_page_hook", "pre_map_hook", "post_map_hook", "post_submit_hook",
    "post_response_map_hook", "post_aggregate_hook", "pre_send_hook_ss", "pre_map_hook_ss",
    "post_map_hook_ss", "post_submit_hook_ss",
  ]
  static let flowExample = FlowCommands.example
  static let importExample = StepCommands.importExample
  /// Two open errors of `step` in the demo account, with their retry data keys.
  static let errorExample = "986057181"
  static let keyExample = "db87e5bf216a2cd577afb53597c7a11a"
  static let secondErrorExample = "986057210"
  static let secondKeyExample = "54281ee54477f3ffbbd5fa463c38b4ed"
  static let step = "--flow \(flowExample) --import \(importExample)"

  static let stepOptions: [OptionSpec] = [
    OptionSpec("--flow", .id(.flow), "the flow", required: true),
    OptionSpec("--import", .id(.import), "the import step (or --export)"),
    OptionSpec("--export", .id(.export), "the export step (or --import)"),
  ]
  static let stepRule = OptionRule.exactlyOne(["--import", "--export"])
  /// `errors list` may leave the step out, and `ErrorStepChoice` then picks it.
  static let optionalStepRule = OptionRule.atMostOne(["--import", "--export"])
  static let filterOptions: [OptionSpec] = [
    OptionSpec("--since", .date, "at or after this time (ISO date or age: 24h, 7d)"),
    OptionSpec("--until", .date, "at or before this time"),
    OptionSpec("--source", .choice(sources), "only errors from this source (repeatable)"),
  ]

  static let all: [CommandSpec] = [
    CommandSpec(
      "errors", "list", "list the open errors of a flow step, by default the flow's only step with errors",
      options: stepOptions + filterOptions, rules: [optionalStepRule],
      examples: [
        "celigo errors list \(step)", "celigo errors list \(step) --since 24h --source application",
        "celigo errors list --flow \(flowExample)",
      ],
      run: .api { invocation, context in try await ErrorList.run(invocation, context, resolved: false) }),
    CommandSpec(
      "errors", "resolved", "list the resolved errors of a flow step",
      options: stepOptions + filterOptions, rules: [stepRule],
      examples: ["celigo errors resolved \(step)"],
      run: .api { invocation, context in try await ErrorList.run(invocation, context, resolved: true) }),
    CommandSpec(
      "errors", "retry-data", "show the record an error will retry with",
      options: stepOptions + [OptionSpec("--key", .id(.retryDataKey), "the error's retry data key", required: true)],
      rules: [stepRule],
      examples: ["celigo errors retry-data \(step) --key \(keyExample)"],
      run: .api { invocation, context in
        let path = try ErrorStep.path(invocation, "/\(try invocation.required("--key"))/data")
        context.output.record(try await context.client.document(APIRequest("GET", path)))
      }),
    CommandSpec(
      "errors", "update-retry-data", "replace the record an error will retry with",
      options: stepOptions + [
        OptionSpec("--key", .id(.retryDataKey), "the error's retry data key", required: true),
        OptionSpec("--data", .json, "the new record as JSON"),
        OptionSpec("--file", .path, "a file that contains the new record as JSON"),
      ],
      rules: [stepRule, .exactlyOne(["--data", "--file"])],
      examples: [
        "celigo errors update-retry-data \(step) --key \(keyExample) --data '{\"sku\":\"A-100\"}'",
        "celigo errors update-retry-data \(step) --key \(keyExample) --file fixed.json",
      ],
      run: .api { invocation, context in try await ErrorChanges.updateRetryData(invocation, context) }),
    CommandSpec(
      "errors", "retry", "retry errors by retry data key, or every open error with --all",
      options: stepOptions + [
        OptionSpec("--keys", .idList(.retryDataKey), "retry data keys, comma-separated"),
        OptionSpec("--all", nil, "retry every open error of the step (asks first)"),
      ],
      rules: [stepRule, .exactlyOne(["--keys", "--all"])],
      examples: [
        "celigo errors retry \(step) --keys \(keyExample),\(secondKeyExample)",
        "celigo errors retry \(step) --all --yes",
      ],
      run: .api { invocation, context in try await ErrorChanges.retry(invocation, context) }),
    CommandSpec(
      "errors", "resolve", "mark errors resolved by ID, or every open error with --all",
      options: stepOptions + [
        OptionSpec("--ids", .idList(.error), "error IDs, comma-separated"),
        OptionSpec("--all", nil, "resolve every open error of the step"),
      ],
      rules: [stepRule, .exactlyOne(["--ids", "--all"])],
      examples: [
        "celigo errors resolve \(step) --ids \(errorExample),\(secondErrorExample)",
        "celigo errors resolve \(step) --all",
      ],
      run: .api { invocation, context in try await ErrorChanges.resolve(invocation, context) }),
    CommandSpec(
      "errors", "assign", "assign errors to a user by email",
      options: stepOptions + [
        OptionSpec("--ids", .idList(.error), "error IDs, comma-separated", required: true),
        OptionSpec("--email", .email, "the user's email", required: true),
      ],
      rules: [stepRule],
      examples: ["celigo errors assign \(step) --ids \(errorExample) --email ops@example.com"],
      run: .api { invocation, context in try await ErrorChanges.assign(invocation, context) }),
    CommandSpec(
      "errors", "tags", "set tags on errors",
      options: stepOptions + [
        OptionSpec("--errors", .json, "error IDs as a JSON array, such as '[\"986924456\"]'"),
        OptionSpec("--ids", .idList(.error), "error IDs, comma-separated"),
        OptionSpec("--tag-ids", .idList(.tag), "tag IDs, comma-separated", required: true),
      ],
      rules: [stepRule, .exactlyOne(["--errors", "--ids"])],
      examples: ["celigo errors tags \(step) --ids \(errorExample) --tag-ids \(TagCommands.example)"],
      run: .api { invocation, context in try await ErrorChanges.tag(invocation, context) }),
    CommandSpec(
      "errors", "integration-assign", "assign errors of an integration to a user by email",
      options: [
        OptionSpec("--integration", .id(.integration), "the integration", required: true),
        OptionSpec("--ids", .idList(.error), "error IDs, comma-separated", required: true),
        OptionSpec("--email", .email, "the user's email", required: true),
      ],
      examples: [
        "celigo errors integration-assign --integration \(IntegrationCommands.example) --ids \(errorExample) --email ops@example.com"
      ],
      run: .api { invocation, context in try await ErrorChanges.integrationAssign(invocation, context) }),
  ]
}

/// The step part of error routes.
enum ErrorStep {
  static func id(_ invocation: Invocation) throws -> String {
    guard let step = invocation.value("--import") ?? invocation.value("--export") else {
      throw CeligoError.usage("missing --import or --export for '\(invocation.spec.words)'")
    }
    return step
  }

  /// Returns the step for messages, such as `import 5f1a… of flow 5f1b…`.
  static func describe(_ invocation: Invocation) throws -> String {
    let kind = invocation.value("--import") != nil ? "import" : "export"
    return "\(kind) \(try id(invocation)) of flow \(try invocation.required("--flow"))"
  }

  /// Returns `/v1/flows/{flow}/{step}{suffix}`.
  static func path(_ invocation: Invocation, _ suffix: String) throws -> String {
    "/v1/flows/\(try invocation.required("--flow"))/\(try id(invocation))\(suffix)"
  }
}

/// `errors list` and `errors resolved`, following `nextPageURL`.
enum ErrorList {
  static func run(_ invocation: Invocation, _ context: CommandContext, resolved: Bool) async throws {
    var invocation = invocation
    if !resolved, invocation.value("--import") == nil, invocation.value("--export") == nil {
      guard let step = try await ErrorStepChoice.onlyStepWithErrors(invocation, context) else {
        context.output.note("note: no step of flow \(try invocation.required("--flow")) has open errors")
        context.output.list(.errors).finish()
        return
      }
      context.output.note("note: listing \(step.label), the flow's only step with open errors")
      invocation.options["--\(step.kind)"] = [step.id]
    }

    let writer = context.output.list(resolved ? .resolvedErrors : .errors)
    try await forEach(invocation, context, resolved: resolved) { page in
      writer.add(page)
      return true
    }
    writer.finish()
  }

  /// Calls `page` with each page of errors until it returns false.
  static func forEach(
    _ invocation: Invocation, _ context: CommandContext, resolved: Bool,
    page: ([JSONValue]) throws -> Bool
  ) async throws {
    let field = resolved ? "resolvedAt" : "occurredAt"
    let query = Build.query(
      invocation, [("--since", "\(field)_gte"), ("--until", "\(field)_lte"), ("--source", "source")])
    let path = try ErrorStep.path(invocation, resolved ? "/resolved" : "/errors")
    try await context.client.forEachBodyPage(
      APIRequest("GET", path, query: query), itemsKey: resolved ? "resolved" : "errors", page: page)
  }
}
