import Testing

@testable import CeligoShell

@Suite struct CompleterTests {
  let completer = Completer(
    vocabulary: ShellVocabulary(
      resources: ["integrations", "flows", "jobs", "connections", "caches"],
      actions: [
        "flows": ["list", "get", "run", "errors"],
        "jobs": ["list", "get", "cancel"],
      ],
      options: [
        "jobs list": ["--status", "--flow", "--flow-job", "--integration"],
        "jobs": ["--jobs-only"],
        "": ["--format", "--profile"],
      ],
      optionValues: [
        "--status": ["queued", "running", "completed", "failed", "canceled"],
        "--format": ["table", "json"],
      ],
      builtins: ["help", "exit", "quit", "history", "clear"]))

  @Test func firstWordUniqueResource() {
    let result = completer.complete(line: "fl")

    #expect(result.word == "fl")
    #expect(result.candidates == ["flows"])
    #expect(result.insertion == "ows ")
  }

  @Test func firstWordIncludesBuiltins() {
    let result = completer.complete(line: "c")

    #expect(result.candidates == ["caches", "clear", "connections"])
    #expect(result.insertion == "")
  }

  @Test func emptyLineOffersEverything() {
    let result = completer.complete(line: "")

    #expect(result.candidates.count == 10)
    #expect(result.candidates.contains("integrations"))
    #expect(result.candidates.contains("help"))
  }

  @Test func completeWordGetsSpace() {
    let result = completer.complete(line: "flows")

    #expect(result.candidates == ["flows"])
    #expect(result.insertion == " ")
  }

  @Test func secondWordUniqueAction() {
    let result = completer.complete(line: "flows r")

    #expect(result.candidates == ["run"])
    #expect(result.insertion == "un ")
  }

  @Test func secondWordAfterBlankListsActions() {
    let result = completer.complete(line: "jobs ")

    #expect(result.word == "")
    #expect(result.candidates == ["cancel", "get", "list"])
    #expect(result.insertion == "")
  }

  @Test func manyCandidatesInsertCommonPrefix() {
    let result = completer.complete(line: "jobs list --fl")

    #expect(result.candidates == ["--flow", "--flow-job"])
    #expect(result.insertion == "ow")
  }

  @Test func optionsOfActionAndGlobal() {
    let result = completer.complete(line: "jobs list --")

    #expect(result.candidates == ["--flow", "--flow-job", "--format", "--integration", "--profile", "--status"])
    #expect(result.insertion == "")
  }

  @Test func optionsOfResourceWithoutAction() {
    let result = completer.complete(line: "jobs --j")

    #expect(result.candidates == ["--jobs-only"])
    #expect(result.insertion == "obs-only ")
  }

  @Test func optionsSkipEarlierOptions() {
    let result = completer.complete(line: "jobs list --flow abc --st")

    #expect(result.candidates == ["--status"])
    #expect(result.insertion == "atus ")
  }

  @Test func optionValuesAfterOption() {
    let result = completer.complete(line: "jobs list --status r")

    #expect(result.candidates == ["running"])
    #expect(result.insertion == "unning ")
  }

  @Test func optionValuesAfterEqualsSign() {
    let result = completer.complete(line: "jobs list --status=c")

    #expect(result.word == "c")
    #expect(result.candidates == ["canceled", "completed"])
    #expect(result.insertion == "")
  }

  @Test func globalOptionValues() {
    let result = completer.complete(line: "flows list --format ")

    #expect(result.candidates == ["json", "table"])
  }

  @Test func unknownResourceHasNoActions() {
    let result = completer.complete(line: "widgets l")

    #expect(result.candidates.isEmpty)
    #expect(result.insertion == "")
  }

  @Test func argumentsAfterActionHaveNoCandidates() {
    let result = completer.complete(line: "flows run ")

    #expect(result.candidates.isEmpty)
  }

  @Test func helpCompletesResourcesAndActions() {
    #expect(completer.complete(line: "help fl").candidates == ["flows"])
    #expect(completer.complete(line: "help flows e").candidates == ["errors"])
    #expect(completer.complete(line: "help --").candidates.isEmpty)
  }

  @Test func noMatchGivesNothing() {
    let result = completer.complete(line: "zz")

    #expect(result.candidates.isEmpty)
    #expect(result.insertion == "")
  }
}
