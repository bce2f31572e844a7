import Foundation

/// The part of an API job object that a watch shows: status, counters and
/// times, read leniently because child jobs omit fields they do not use.
struct JobProgress: Sendable {
  let id: String
  /// `flow`, `export`, `import`, `retry` or `bulk_retry`.
  let type: String
  /// The export or import a child job runs; nil for flow jobs.
  let stepId: String?
  let status: String
  /// Pages generated (flow and export jobs) or processed (import jobs).
  let pages: Int
  let success: Int
  let errors: Int
  let ignored: Int
  let startedAt: Date?
  let endedAt: Date?
  let oIndex: Int
  /// The job object as the API sent it, without `children`.
  let raw: JSONValue

  /// Statuses after which a job never changes again; the API spells
  /// `canceled` with one l.
  static let finalStatuses: Set<String> = ["completed", "failed", "canceled"]

  init(_ job: JSONValue) {
    raw = job.removing("children")
    id = job["_id"]?.stringValue ?? ""
    type = job["type"]?.stringValue ?? "job"
    stepId = type == "flow" ? nil : (job["_importId"] ?? job["_exportId"])?.stringValue
    status = job["status"]?.stringValue ?? "unknown"
    let generated = job["numPagesGenerated"]?.intValue ?? 0
    let processed = job["numPagesProcessed"]?.intValue ?? 0
    pages = type == "import" ? processed : max(generated, processed)
    success = job["numSuccess"]?.intValue ?? 0
    errors = job["numError"]?.intValue ?? 0
    ignored = job["numIgnore"]?.intValue ?? 0
    startedAt = job["startedAt"]?.stringValue.flatMap { DateValue.parse($0, now: Date()) }
    endedAt = job["endedAt"]?.stringValue.flatMap { DateValue.parse($0, now: Date()) }
    oIndex = job["oIndex"]?.intValue ?? 0
  }

  var isFinished: Bool { Self.finalStatuses.contains(status) }

  /// The fields whose change a watch reports; times are left out so that
  /// a running job with no progress prints nothing new.
  var signature: String { "\(status) \(pages) \(success) \(errors) \(ignored)" }

  /// Seconds the job has run: from start to end, or to `now` while running.
  func elapsed(now: Date) -> TimeInterval? {
    guard let startedAt else { return nil }
    return max(0, (endedAt ?? now).timeIntervalSince(startedAt))
  }
}

/// A flow job and its export and import jobs, as one poll of
/// `GET /v1/jobs/{id}/family` returned them.
struct RunSnapshot: Sendable {
  let job: JobProgress
  /// Child jobs in step order (`oIndex`).
  let children: [JobProgress]

  init(family: JSONValue) {
    job = JobProgress(family)
    children = (family["children"]?.arrayValue ?? []).map(JobProgress.init)
      .sorted { ($0.oIndex, $0.id) < ($1.oIndex, $1.id) }
  }

  /// The flow job first, then its children.
  var all: [JobProgress] { [job] + children }
}
