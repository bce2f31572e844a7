import CeligoKit

/// Flow runs, retries and cancellation, and the effects jobs have on step
/// errors once they finish.
extension EmulatorState {
  /// Milliseconds a run started through the API stays queued, before `jobSpeed`.
  static let runQueuedMilliseconds = 1000.0
  /// Milliseconds a run started through the API runs, before `jobSpeed`.
  static let runRunningMilliseconds = 4000.0

  /// Creates a queued flow job with its children and returns it. The
  /// caller has checked that the flow is enabled and `exportIDs` are its
  /// page generators.
  func startRun(flow: JSONValue, exportIDs: [String], at now: Int64) -> JobRecord {
    let flowId = flow["_id"]?.stringValue ?? ""
    let plan = DemoRunPlan.plan(forFlowNamed: flow["name"]?.stringValue ?? "", generator: &generator)
    let speed = max(options.jobSpeed, 0.001)
    let startAt = now + Int64(Self.runQueuedMilliseconds / speed)
    let endAt = startAt + Int64(Self.runRunningMilliseconds / speed)
    var parent = JobRecord(
      id: generator.objectId(), kind: .flow, flowId: flowId,
      integrationId: flow["_integrationId"]?.stringValue, exportId: exportIDs.first,
      createdAt: now, startAt: startAt, endAt: endAt)
    parent.fails = plan.fails
    parent.numSuccess = plan.records - plan.errors
    parent.numError = plan.errors
    parent.pages = max(1, plan.records / 20 + 1)
    parent.exportIDs = exportIDs
    let imports = processorIDs(ofFlow: flow).filter { $0.type == "import" }.map(\.id)
    let children = makeChildren(of: parent, exports: exportIDs, imports: imports, errorImport: imports.first)
    parent.childIDs = children.map(\.id)
    appendJob(parent)
    children.forEach(appendJob)
    replace(flow.setting("lastExecutedAt", to: .string(Timestamp.iso(now))), in: "flows")
    if plan.errors > 0, let step = imports.first {
      plannedErrors[parent.id] = ("\(flowId)/\(step)", plan.errors)
      pendingJobIDs.append(parent.id)
    }
    return parent
  }

  /// Builds the export and import child jobs of a flow job: exports work in
  /// the first 40% of the run, imports from 15% to the end.
  func makeChildren(of parent: JobRecord, exports: [String], imports: [String], errorImport: String?)
    -> [JobRecord]
  {
    var children: [JobRecord] = []
    let span = parent.endAt - parent.startAt
    let records = parent.numSuccess + parent.numError
    for (index, exportId) in exports.enumerated() {
      var child = JobRecord(
        id: generator.objectId(), kind: .export, exportId: exportId, flowJobId: parent.id,
        oIndex: index, createdAt: parent.createdAt + Int64(1 + index), startAt: parent.startAt,
        endAt: parent.startAt + span * 4 / 10)
      child.numSuccess = records
      child.pages = parent.pages
      children.append(child)
    }
    for (offset, importId) in imports.enumerated() {
      let startAt = parent.startAt + span * Int64(15 + offset * 5) / 100
      var child = JobRecord(
        id: generator.objectId(), kind: .import, importId: importId, flowJobId: parent.id,
        oIndex: exports.count + offset, createdAt: parent.createdAt + Int64(1 + exports.count + offset),
        startAt: startAt, endAt: parent.endAt)
      let isErrorStep = importId == errorImport
      child.fails = parent.fails && isErrorStep
      child.numError = isErrorStep ? parent.numError : 0
      child.numSuccess = isErrorStep ? parent.numSuccess : (parent.fails ? 0 : parent.numSuccess)
      child.pages = parent.pages
      children.append(child)
    }
    return children
  }

  /// Cancels a queued or running flow job and its unfinished children.
  func cancel(jobId: String, at now: Int64) throws {
    guard let index = jobIndex[jobId] else { throw APIError.notFound("Job \(jobId)") }
    let job = jobs[index]
    // Celigo's UI also cancels queued retry jobs, so those are accepted too.
    guard job.kind == .flow || job.kind == .retry else {
      throw APIError(
        status: 422, code: "invalid_operation",
        message: "Job \(jobId) is an \(job.kind.rawValue) job: only flow jobs can be canceled.")
    }
    guard !job.isFinished(at: now) else {
      throw APIError(
        status: 422, code: "invalid_operation",
        message: "Job \(jobId) is already \(job.status(at: now).rawValue) and cannot be canceled.")
    }
    for id in [jobId] + job.childIDs {
      guard let childIndex = jobIndex[id], !jobs[childIndex].isFinished(at: now) else { continue }
      jobs[childIndex].canceledAt = now
      jobs[childIndex].canceledBy = userId
    }
  }

  /// Applies the effects of every pending job that has finished by `now`:
  /// record errors of completed runs and the outcome of retries.
  func settleFinishedJobs(at now: Int64) {
    guard !pendingJobIDs.isEmpty else { return }
    var stillPending: [String] = []
    for id in pendingJobIDs {
      guard let index = jobIndex[id] else { continue }
      let job = jobs[index]
      guard job.isFinished(at: now) else {
        stillPending.append(id)
        continue
      }
      switch job.status(at: now) {
      case .canceled:
        jobs[index].numError = 0
      case .completed, .failed:
        if job.kind == .retry {
          applyRetry(jobIndex: index)
        } else if let plan = plannedErrors[id] {
          addErrors(count: plan.count, stepKey: plan.stepKey, flowJobId: id, at: job.endAt)
        }
      default:
        break
      }
      plannedErrors[id] = nil
    }
    pendingJobIDs = stillPending
  }

  /// Adds `count` new open errors to a step, made from its templates.
  func addErrors(count: Int, stepKey: String, flowJobId: String, at time: Int64) {
    modifyStep(stepKey) { log in
      guard !log.templates.isEmpty else { return }
      for index in 0..<count {
        let key = generator.hex(32)
        log.addError(
          template: log.templates[index % log.templates.count], at: time, flowJobId: flowJobId,
          retryDataKey: key, traceKey: DemoRecords.traceKey(kind: log.recordKind, retryDataKey: key),
          generator: &generator)
        countOpen(flowJobId: flowJobId, stepId: log.stepId, by: 1)
      }
    }
  }

  /// Adjusts the open error counters of a flow job and its step.
  func countOpen(flowJobId: String, stepId: String, by delta: Int) {
    guard !flowJobId.isEmpty else { return }
    openCounts[flowJobId, default: 0] += delta
    openCounts["\(flowJobId)|\(stepId)", default: 0] += delta
  }
}
