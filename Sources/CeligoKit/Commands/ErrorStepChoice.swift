/// The step that `errors list` reads when the line names a flow but no
/// `--import` or `--export`, as in the shell after `use flow`. The flow's
/// error summary (`GET /v1/flows/{id}/errors`) counts the open errors of
/// each step. The only step with open errors is listed, and when several
/// steps have them, the error names each one with the command that lists it.
enum ErrorStepChoice {
  /// One export or import of the flow with open errors.
  struct Step {
    /// `export` or `import`, which is also the option that names the step.
    let kind: String
    let id: String
    let name: String?
    let openErrors: Int

    /// Returns `import 3c82… (Create NetSuite Sales Order)`.
    var label: String {
      "\(kind) \(id)" + (name.map { " (\($0))" } ?? "")
    }
  }

  /// Returns the flow's only step with open errors, or nil when no step has
  /// any. When several steps have open errors, throws an error that lists
  /// them and exits 2.
  static func onlyStepWithErrors(_ invocation: Invocation, _ context: CommandContext) async throws -> Step? {
    let flow = try invocation.required("--flow")
    let summary = try await context.client.json(APIRequest("GET", "/v1/flows/\(flow)/errors"))
    // Steps without open errors may be listed with a count of 0.
    let counts = (summary?["flowErrors"]?.arrayValue ?? []).compactMap { row -> (id: String, count: Int)? in
      guard let id = row["_expOrImpId"]?.stringValue, let count = row["numError"]?.intValue, count > 0 else {
        return nil
      }
      return (id, count)
    }
    guard !counts.isEmpty else {
      return nil
    }

    let names = try await ErrorSummaries.steps(ofFlow: flow, context)
    let steps = counts.map { count in
      // NOTE: a step missing from the flow's descendants is named as an
      // import. The step routes take either kind, so its command still works.
      let step = names[count.id]
      return Step(
        kind: step?.kind ?? "import", id: count.id, name: step?.name.stringValue, openErrors: count.count)
    }
    guard steps.count == 1 else {
      // Exit 2 as for any missing option, although two reads were sent.
      throw CeligoError.failed(choiceMessage(flow: flow, steps: steps, invocation), exitCode: ExitCode.usage)
    }
    return steps[0]
  }

  /// Returns the error for a flow with open errors on several steps. It
  /// shows each step with its count and the exact command that lists its
  /// errors, with the filters the line gave.
  static func choiceMessage(flow: String, steps: [Step], _ invocation: Invocation) -> String {
    var filters = ""
    for option in ["--since", "--until", "--source"] {
      for value in invocation.options[option] ?? [] {
        filters += " \(option) \(value)"
      }
    }

    var message = "missing --import or --export for 'errors list': flow \(flow) has open errors on"
    message += " \(steps.count) steps. List the errors of one of them with:"
    for step in steps {
      let title = step.name ?? "\(step.kind) \(step.id)"
      message += "\n  \(title) (\(step.kind), \(Plural.count(step.openErrors, "open error"))):"
      message += "\n    celigo errors list --flow \(flow) --\(step.kind) \(step.id)\(filters)"
    }
    return message
  }
}
