import Testing

@testable import CeligoShell

@Suite struct PipedRunnerTests {
  @Test func runsEveryLineAndReturnsZero() async {
    let executor = RecordingExecutor()
    let runner = PipedRunner(
      dispatcher: makeDispatcher(executor: executor),
      readLine: lineSource(["flows list", "jobs list --status failed"]))

    let code = await runner.run()

    #expect(code == 0)
    #expect(await executor.calls == [["flows", "list"], ["jobs", "list", "--status", "failed"]])
  }

  @Test func skipsBlankLinesAndComments() async {
    let executor = RecordingExecutor()
    let runner = PipedRunner(
      dispatcher: makeDispatcher(executor: executor),
      readLine: lineSource(["", "   ", "# list the flows", "  # indented comment", "flows list"]))

    let code = await runner.run()

    #expect(code == 0)
    #expect(await executor.calls == [["flows", "list"]])
  }

  @Test func stopsAtFirstFailure() async {
    let executor = RecordingExecutor(codes: ["jobs": 4])
    let runner = PipedRunner(
      dispatcher: makeDispatcher(executor: executor),
      readLine: lineSource(["flows list", "jobs get 123", "flows run abc"]))

    let code = await runner.run()

    #expect(code == 4)
    #expect(await executor.calls == [["flows", "list"], ["jobs", "get", "123"]])
  }

  @Test func unterminatedQuoteIsUsageError() async {
    let executor = RecordingExecutor()
    let errors = TextRecorder()
    let runner = PipedRunner(
      dispatcher: makeDispatcher(executor: executor, errors: errors),
      readLine: lineSource(["flows list", "tags create 'Needs review", "flows run abc"]))

    let code = await runner.run()

    #expect(code == 2)
    #expect(await executor.calls == [["flows", "list"]])
    #expect(errors.text == "line 2: unterminated single quote: close the ' or escape it as \\'\n")
  }

  @Test func exitEndsRunWithItsCode() async {
    let executor = RecordingExecutor()
    let runner = PipedRunner(
      dispatcher: makeDispatcher(executor: executor),
      readLine: lineSource(["flows list", "exit 3", "flows run abc"]))

    let code = await runner.run()

    #expect(code == 3)
    #expect(await executor.calls == [["flows", "list"]])
  }

  @Test func emptyInputReturnsZero() async {
    let runner = PipedRunner(
      dispatcher: makeDispatcher(executor: RecordingExecutor()), readLine: lineSource([]))

    #expect(await runner.run() == 0)
  }
}

@Suite struct CommandDispatcherTests {
  @Test func helpWithWordsAsksExecutorForHelp() async {
    let executor = RecordingExecutor()

    let outcome = await makeDispatcher(executor: executor).run(["help", "flows", "run"])

    #expect(outcome == .finished(0))
    #expect(await executor.calls == [["flows", "run", "--help"]])
  }

  @Test func helpAloneListsResourcesAndBuiltins() async {
    let executor = RecordingExecutor()
    let output = TextRecorder()

    let outcome = await makeDispatcher(executor: executor, output: output).run(["help"])

    #expect(outcome == .finished(0))
    #expect(await executor.calls.isEmpty)
    #expect(output.text.contains("  flows\n  jobs\n"))
    #expect(output.text.contains("history"))
    #expect(output.text.contains("exit [CODE], quit"))
  }

  @Test(arguments: [["exit"], ["quit"]])
  func exitAndQuitEndWithZero(words: [String]) async {
    #expect(await makeDispatcher(executor: RecordingExecutor()).run(words) == .exit(0))
  }

  @Test func exitWithInvalidCodeIsUsageError() async {
    let errors = TextRecorder()

    let outcome = await makeDispatcher(executor: RecordingExecutor(), errors: errors).run(["exit", "many"])

    #expect(outcome == .finished(2))
    #expect(errors.text == "exit: invalid exit code 'many': use a number from 0 to 255\n")
  }

  @Test func historyListsNumberedEntries() async {
    let output = TextRecorder()
    let dispatcher = makeDispatcher(
      executor: RecordingExecutor(), output: output, history: Array(repeating: "flows list", count: 10))

    _ = await dispatcher.run(["history"])

    #expect(output.text.hasPrefix(" 1  flows list\n 2  flows list\n"))
    #expect(output.text.hasSuffix("10  flows list\n"))
  }

  @Test func otherWordsGoToExecutor() async {
    let executor = RecordingExecutor(codes: ["jobs": 5])

    let outcome = await makeDispatcher(executor: executor).run(["jobs", "list"])

    #expect(outcome == .finished(5))
    #expect(await executor.calls == [["jobs", "list"]])
  }
}
