/// One job in compact form. Its status and counters are a function of the
/// current time: queued until `startAt`, running until `endAt`, then its
/// final outcome, unless it was canceled first.
struct JobRecord: Sendable {
  enum Kind: String, Sendable {
    case flow, export, `import`, retry
  }

  enum Status: String, Sendable {
    case queued, running, completed, failed, canceled
  }

  var id: String
  var kind: Kind
  var flowId: String?
  var integrationId: String?
  /// The page generator of a flow job, the export of an export child, or
  /// the step of a retry job on an export.
  var exportId: String?
  var importId: String?
  var flowJobId: String?
  var oIndex: Int?
  var createdAt: Int64
  var startAt: Int64
  var endAt: Int64
  var fails = false
  var numSuccess = 0
  var numError = 0
  var numIgnore = 0
  var pages = 0
  var canceledAt: Int64?
  var canceledBy: String?
  var triggeredBy: String?
  var childIDs: [String] = []
  /// The page generators a flow job runs, when a run selected several.
  var exportIDs: [String] = []
  /// Retry data keys of a retry job.
  var retryDataKeys: [String] = []

  static let retentionMilliseconds: Int64 = 30 * 24 * 3600 * 1000

  /// Returns the status at `now`.
  func status(at now: Int64) -> Status {
    if canceledAt != nil { return .canceled }
    if now < startAt { return .queued }
    if now < endAt { return .running }
    return fails ? .failed : .completed
  }

  /// Whether the job has reached a final status at `now`.
  func isFinished(at now: Int64) -> Bool {
    let current = status(at: now)
    return current != .queued && current != .running
  }

  /// Fraction of the work done at `now`, from 0 (not started) to 1 (ended).
  func progress(at now: Int64) -> Double {
    let end = canceledAt ?? endAt
    guard now >= startAt else { return 0 }
    guard now < end, end > startAt else { return canceledAt == nil ? 1 : partial(end) }
    return partial(now)
  }

  private func partial(_ time: Int64) -> Double {
    guard endAt > startAt else { return 1 }
    return min(1, max(0, Double(time - startAt) / Double(endAt - startAt)))
  }
}
