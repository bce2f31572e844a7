import Foundation

/// Follows a job to its end for `flows run --wait` and `jobs watch`. The
/// command then exits with the code of the outcome: 0 completed clean, 10
/// completed with record errors, 11 failed, 12 canceled, and 13 when the
/// wait limit passed while the job kept running.
enum RunFollower {
  static func follow(
    jobId: String, flowId: String?, timeout: Int?, display: WatchDisplay, context: CommandContext
  ) async throws {
    var namesLoaded = false
    let watcher = JobWatcher(client: context.client, jobId: jobId, timeout: timeout.map(Double.init))
    let outcome = try await watcher.run { snapshot in
      if !namesLoaded {
        let flow = flowId ?? snapshot.job.raw["_flowId"]?.stringValue
        display.names = try await StepNames.load(flowId: flow, client: context.client)
        namesLoaded = true
      }
      display.show(snapshot)
    }

    switch outcome {
    case .finished(let snapshot):
      try finish(snapshot, display: display)
    case .timedOut(let snapshot):
      let job = snapshot.job
      let limit = WaitTime.limit(timeout ?? 0)
      let resume = "celigo jobs watch \(job.id)"
      display.announce(
        event: [
          "event": "timedOut", "jobId": .string(job.id), "status": .string(job.status),
          "waitedSeconds": .int(Int64(timeout ?? 0)), "resume": .string(resume),
          "exitCode": .int(Int64(ExitCode.waitTimedOut)),
        ],
        text: "Stopped waiting after \(limit); \(job.type) job \(job.id) is still \(job.status).")
      throw CeligoError.failed(
        "stopped waiting after \(limit): \(job.type) job \(job.id) is still \(job.status) and the"
          + " run goes on; resume with '\(resume)'",
        exitCode: ExitCode.waitTimedOut)
    }
  }

  /// Prints the summary of a finished job and throws for every outcome but
  /// a clean completion.
  static func finish(_ snapshot: RunSnapshot, display: WatchDisplay) throws {
    let job = snapshot.job
    let code = exitCode(job)
    let took = job.elapsed(now: Date()).map { " in \(WaitTime.text($0))" } ?? ""
    display.announce(
      event: [
        "event": "finished", "jobId": .string(job.id), "status": .string(job.status),
        "numSuccess": .int(Int64(job.success)), "numError": .int(Int64(job.errors)),
        "numIgnore": .int(Int64(job.ignored)), "exitCode": .int(Int64(code)),
      ],
      text: "\(job.type.capitalized) job \(job.id) \(job.status)\(took): \(job.success) succeeded,"
        + " \(Plural.count(job.errors, "error")), \(job.ignored) ignored")

    let name = "\(job.type) job \(job.id)"
    let flowId = job.raw["_flowId"]?.stringValue
    let troubleshoot = flowId.map { "celigo troubleshoot \($0)" } ?? "celigo jobs get \(job.id)"
    switch code {
    case ExitCode.completedWithErrors:
      var next = troubleshoot
      if let flowId, let step = snapshot.children.first(where: { $0.errors > 0 && $0.stepId != nil }),
        let stepId = step.stepId
      {
        next = "celigo errors list --flow \(flowId) --\(step.type) \(stepId)"
      }
      throw CeligoError.failed(
        "\(name) completed with \(Plural.count(job.errors, "record error")); list them with '\(next)'", exitCode: code)
    case ExitCode.runFailed:
      throw CeligoError.failed("\(name) failed; find the cause with '\(troubleshoot)'", exitCode: code)
    case ExitCode.runCanceled:
      let by = job.raw["canceledBy"]?.stringValue.map { " by \($0)" } ?? ""
      throw CeligoError.failed("\(name) was canceled\(by)", exitCode: code)
    default:
      return
    }
  }

  /// Returns the exit code for a job's final status.
  static func exitCode(_ job: JobProgress) -> Int32 {
    switch job.status {
    case "completed": return job.errors > 0 ? ExitCode.completedWithErrors : ExitCode.success
    case "failed": return ExitCode.runFailed
    case "canceled": return ExitCode.runCanceled
    default: return ExitCode.success
    }
  }
}
