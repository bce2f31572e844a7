import Testing

@testable import CeligoKit

@Suite struct CommandParserTests {
  let parser = CommandParser()
  let flow = "5f1a2b3c4d5e6f7a8b9c0d1f"
  let step = "5f1a2b3c4d5e6f7a8b9c0d22"

  func invocation(_ words: [String]) throws -> (Invocation, GlobalOptions) {
    guard case .run(let invocation, let globals) = try parser.parse(words) else {
      throw CeligoError.usage("expected a command")
    }
    return (invocation, globals)
  }

  func usageMessage(_ words: [String]) -> String? {
    do {
      _ = try parser.parse(words)
      return nil
    } catch CeligoError.usage(let message) {
      return message
    } catch {
      return "unexpected \(error)"
    }
  }

  @Test func globalOptionsAnywhere() throws {
    let (invocation, globals) = try invocation(["-f", "json", "flows", "get", flow, "--verbose", "--profile=prod"])
    #expect(invocation.spec.words == "flows get")
    #expect(invocation.argument("flow") == flow)
    #expect(globals.format == .json)
    #expect(globals.verbose)
    #expect(globals.profile == "prod")
  }

  @Test func idsAreLowercased() throws {
    let (invocation, _) = try invocation(["flows", "get", flow.uppercased()])
    #expect(invocation.argument("flow") == flow)
  }

  @Test func runOptionsAreValidated() throws {
    let (invocation, _) = try invocation([
      "flows", "run", flow, "--export-ids", "\(step),\(flow)", "--start-date", "2026-11-01",
    ])
    #expect(invocation.list("--export-ids") == [step, flow])
    #expect(invocation.value("--start-date") == "2026-11-01T00:00:00.000Z")
  }

  @Test func usageErrorsNameTheProblem() {
    #expect(usageMessage(["flows", "get"]) == "missing flow for 'flows get': usage: celigo flows get <flow>")
    #expect(
      usageMessage(["flows", "get", "abc"])
        == "invalid flow ID 'abc': expected 24 hexadecimal characters, as shown by 'celigo flows list'")
    #expect(usageMessage(["flows", "launch", flow])?.hasPrefix("unknown action 'launch' for 'flows'") == true)
    #expect(usageMessage(["jobs", "list", "--status", "cancelled"])?.contains("the API spells it 'canceled'") == true)
    #expect(usageMessage(["jobs", "list", "--limit", "0"])?.hasPrefix("invalid --limit '0'") == true)
    #expect(usageMessage(["flows", "get", flow, "extra"])?.hasPrefix("unexpected argument 'extra'") == true)
    #expect(usageMessage(["flows", "list", "--bogus"])?.hasPrefix("unknown option --bogus") == true)
    #expect(usageMessage(["--format", "xml", "flows", "list"]) == "invalid --format 'xml': expected one of table, json")
  }

  @Test func impossibleDatesAndRangesRejected() {
    #expect(usageMessage(["jobs", "list", "--since", "2026-02-30"])?.hasPrefix("invalid --since '2026-02-30'") == true)
    #expect(usageMessage(["jobs", "list", "--since", "2026-04-31T10:00:00Z"])?.hasPrefix("invalid --since") == true)
    #expect(usageMessage(["jobs", "list", "--since", "2024-02-29"]) == nil)
    #expect(
      usageMessage(["jobs", "list", "--since", "2026-03-02", "--until", "2026-03-01"])
        == "invalid range for 'jobs list': --since 2026-03-02T00:00:00.000Z is after --until 2026-03-01T00:00:00.000Z; swap them")
    #expect(
      usageMessage(["flows", "run", flow, "--start-date", "2026-11-02", "--end-date", "2026-11-01"])?
        .hasPrefix("invalid range for 'flows run'") == true)
  }

  @Test func stepRulesRejectBothOrNeither() {
    #expect(
      usageMessage(["errors", "resolved", "--flow", flow])
        == "missing --import or --export for 'errors resolved': give exactly one")
    #expect(
      usageMessage(["errors", "retry", "--flow", flow, "--import", step, "--export", step, "--all"])
        == "--import and --export cannot be used together for 'errors retry': give one of them")
  }

  @Test func errorsListStepIsOptional() {
    #expect(usageMessage(["errors", "list", "--flow", flow]) == nil)
    #expect(
      usageMessage(["errors", "list", "--flow", flow, "--import", step, "--export", step])
        == "--import and --export cannot be used together for 'errors list'")
  }

  @Test func errorValuesAreChecked() {
    let base = ["errors", "assign", "--flow", flow, "--import", step]
    #expect(usageMessage(base + ["--ids", "1,2", "--email", "not-an-email"])?.hasPrefix("invalid --email") == true)
    #expect(usageMessage(base + ["--ids", "", "--email", "a@b.co"])?.hasPrefix("invalid --ids ''") == true)
    #expect(usageMessage(base + ["--ids", "1,,2", "--email", "a@b.co"])?.hasPrefix("invalid --ids") == true)
    let tags = ["errors", "tags", "--flow", flow, "--import", step, "--tag-ids", flow]
    #expect(usageMessage(tags + ["--errors", "[1,"])?.hasPrefix("invalid --errors: the JSON does not parse") == true)
  }

  @Test func helpAndVersion() throws {
    guard case .help(let text) = try parser.parse(["flows", "run", "--help"]) else {
      Issue.record("expected help")
      return
    }
    #expect(text.contains("Usage: celigo flows run <flow> [--export-ids ID,…] [--start-date DATE] [--end-date DATE]"))
    guard case .version = try parser.parse(["--version"]) else {
      Issue.record("expected version")
      return
    }
  }

  @Test func everyCommandHasAnExample() {
    for spec in Catalog.commands {
      #expect(!spec.examples.isEmpty, "\(spec.words) has no example")
    }
  }
}
