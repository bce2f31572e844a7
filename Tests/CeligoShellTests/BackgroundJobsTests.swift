import Foundation
import Testing

@testable import CeligoShell

@Suite struct BackgroundJobsTests {
  @Test(arguments: [
    (["flows", "run", "a", "&"], ["flows", "run", "a"], true),
    (["flows", "run", "a&"], ["flows", "run", "a"], true),
    (["&"], [], true),
    (["flows", "run", "a"], ["flows", "run", "a"], false),
    (["flows", "&run"], ["flows", "&run"], false),
  ])
  func trailingAmpersandSplit(words: [String], expected: [String], background: Bool) {
    let split = BackgroundJobs.splitTrailingAmpersand(words)
    #expect(split.words == expected)
    #expect(split.background == background)
  }

  @Test func displayTextShortensIDs() {
    let text = BackgroundJobs.displayText(["flows", "run", "40d6824e2ef3fc17879e2e22", "--wait"], ellipsis: "…")
    #expect(text == "flows run 40d6… --wait")
  }

  @Test func durationFormat() {
    #expect(BackgroundJobs.format(.seconds(12)) == "12s")
    #expect(BackgroundJobs.format(.seconds(185)) == "3m05s")
  }

  @Test func dispatcherStartsAndReports() async throws {
    let (posted, continuation) = AsyncStream<Void>.makeStream()
    let jobs = BackgroundJobs(noticePosted: { continuation.yield() })
    let output = TextRecorder()
    var dispatcher = makeDispatcher(executor: RecordingExecutor(codes: ["flows": 10]), output: output)
    dispatcher.backgroundJobs = jobs

    #expect(await dispatcher.run(["flows", "run", "abc", "&"]) == .finished(0))
    #expect(output.text.contains("[1] started: flows run abc\n"))

    var iterator = posted.makeAsyncIterator()
    _ = await iterator.next()
    #expect(jobs.takeNotices() == ["[1] done (exit 10): flows run abc\n"])
    #expect(jobs.runningCount == 0)
  }

  @Test func builtinRejectedInBackground() async {
    let errors = TextRecorder()
    var dispatcher = makeDispatcher(executor: RecordingExecutor(), errors: errors)
    dispatcher.backgroundJobs = BackgroundJobs(noticePosted: {})
    #expect(await dispatcher.run(["history", "&"]) == .finished(2))
    #expect(errors.text.contains("only celigo commands run in the background"))
  }

  @Test func pipedDispatcherRunsInForeground() async {
    let executor = RecordingExecutor()
    let dispatcher = makeDispatcher(executor: executor)
    #expect(await dispatcher.run(["flows", "run", "abc", "&"]) == .finished(0))
    #expect(await executor.calls == [["flows", "run", "abc"]])
  }
}
