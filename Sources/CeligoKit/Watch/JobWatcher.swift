import Foundation

/// Polls `GET /v1/jobs/{id}/family` until the job ends or the wait limit
/// passes. The delay between polls starts at 0.5 s and grows by half each
/// time up to 5 s, so a long run costs one request every 5 s: far inside
/// the API's 1000-request bucket refilled at 300 per second.
struct JobWatcher {
  enum Outcome {
    /// The job reached `completed`, `failed` or `canceled`.
    case finished(RunSnapshot)
    /// The wait limit passed first; the job keeps running.
    case timedOut(RunSnapshot)
  }

  let client: APIClient
  let jobId: String
  /// Seconds to wait at most; nil waits until the job ends.
  let timeout: TimeInterval?
  var firstDelay: TimeInterval = 0.5
  var maxDelay: TimeInterval = 5
  var growth = 1.5

  /// Polls until the end, calling `onPoll` with every snapshot.
  func run(onPoll: (RunSnapshot) async throws -> Void) async throws -> Outcome {
    let started = Date()
    var delay = firstDelay
    while true {
      // NOTE: the family route is the one Celigo's web UI uses; its public
      // documentation lists children only through `GET /v1/jobs?_flowJobId=`.
      let family = try await client.document(APIRequest("GET", "/v1/jobs/\(jobId)/family"))
      let snapshot = RunSnapshot(family: family)
      try await onPoll(snapshot)
      if snapshot.job.isFinished { return .finished(snapshot) }

      var wait = delay
      if let timeout {
        let remaining = timeout - Date().timeIntervalSince(started)
        if remaining <= 0 { return .timedOut(snapshot) }
        wait = min(wait, remaining)
      }
      try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
      delay = min(maxDelay, delay * growth)
    }
  }
}
