import CeligoKit

/// Changes to flow-step errors: resolve, retry, assign and tag.
extension EmulatorState {
  /// Most error ids or retry data keys one resolve or retry request may carry.
  static let maxErrorsPerRequest = 1000

  /// Returns the error log of a step of `flowId`, or throws 404 when the
  /// flow is unknown or the step is none of its exports and imports.
  func stepLog(flowId: String, stepId: String) throws -> StepErrorLog {
    let flow = try require("flows", id: flowId)
    let stepIDs = generatorIDs(ofFlow: flow) + processorIDs(ofFlow: flow).map(\.id)
    guard stepIDs.contains(stepId) else {
      throw APIError.notFound("Step \(stepId) of flow \(flowId)")
    }
    return steps["\(flowId)/\(stepId)"]
      ?? StepErrorLog(
        flowId: flowId, stepId: stepId, oIndex: stepIDs.firstIndex(of: stepId) ?? 0,
        recordKind: "record", templates: [], nextErrorId: 1000)
  }

  /// Moves open errors with the given ids to the resolved list.
  func resolve(errorIds: [String], flowId: String, stepId: String, at now: Int64) throws {
    var log = try stepLog(flowId: flowId, stepId: stepId)
    let wanted = Set(errorIds)
    var remaining: [ErrorRecord] = []
    for var error in log.open {
      guard wanted.contains(String(error.errorId)) else {
        remaining.append(error)
        continue
      }
      error.resolvedAt = now
      error.resolvedBy = userId
      log.resolved.append(error)
      countOpen(flowJobId: error.flowJobId, stepId: stepId, by: -1)
    }
    log.open = remaining
    steps["\(flowId)/\(stepId)"] = log
  }

  /// Creates a queued retry job for the given retry data keys.
  func startRetry(keys: [String], flowId: String, stepId: String, at now: Int64) throws -> JobRecord {
    _ = try stepLog(flowId: flowId, stepId: stepId)
    let flow = try require("flows", id: flowId)
    let isImport = record("imports", id: stepId) != nil
    let speed = max(options.jobSpeed, 0.001)
    let startAt = now + Int64(Self.runQueuedMilliseconds / speed)
    var job = JobRecord(
      id: generator.objectId(), kind: .retry, flowId: flowId,
      integrationId: flow["_integrationId"]?.stringValue,
      exportId: isImport ? nil : stepId, importId: isImport ? stepId : nil,
      createdAt: now, startAt: startAt, endAt: startAt + Int64(Self.runRunningMilliseconds / speed))
    job.triggeredBy = userId
    job.retryDataKeys = keys
    appendJob(job)
    pendingJobIDs.append(job.id)
    return job
  }

  /// Applies a finished retry: an error whose retry data was edited after
  /// it occurred succeeds and leaves the open list; any other error fails
  /// again and is replaced by a new error with the same retry data key.
  func applyRetry(jobIndex index: Int) {
    let job = jobs[index]
    guard let flowId = job.flowId, let stepId = job.importId ?? job.exportId else { return }
    let stepKey = "\(flowId)/\(stepId)"
    guard var log = steps[stepKey] else { return }
    let keys = Set(job.retryDataKeys)
    var succeeded = 0
    var failed: [ErrorRecord] = []
    var remaining: [ErrorRecord] = []
    for error in log.open {
      guard keys.contains(error.retryDataKey) else {
        remaining.append(error)
        continue
      }
      countOpen(flowJobId: error.flowJobId, stepId: stepId, by: -1)
      if let edit = log.editedRetryData[error.retryDataKey], edit.updatedAt >= error.occurredAt {
        succeeded += 1
      } else {
        failed.append(error)
      }
    }
    log.open = remaining
    for error in failed {
      let template = ErrorTemplate(
        code: error.code, message: error.message, source: error.source,
        classification: error.classification, httpStatus: error.reqAndResKey == nil ? nil : 400)
      log.addError(
        template: template, at: job.endAt, flowJobId: error.flowJobId,
        retryDataKey: error.retryDataKey, traceKey: error.traceKey, generator: &generator)
      countOpen(flowJobId: error.flowJobId, stepId: stepId, by: 1)
    }
    steps[stepKey] = log
    jobs[index].numSuccess = succeeded
    jobs[index].numError = failed.count
  }

  /// Sets fields on the open and resolved errors with the given ids.
  func updateErrors(
    ids: [String], flowId: String, stepId: String, change: (inout ErrorRecord) -> Void
  ) throws {
    var log = try stepLog(flowId: flowId, stepId: stepId)
    let wanted = Set(ids)
    for index in log.open.indices where wanted.contains(String(log.open[index].errorId)) {
      change(&log.open[index])
    }
    for index in log.resolved.indices where wanted.contains(String(log.resolved[index].errorId)) {
      change(&log.resolved[index])
    }
    steps["\(flowId)/\(stepId)"] = log
  }

  /// Returns every step key of the flows of an integration.
  func stepKeys(ofIntegration integrationId: String) -> [String] {
    records("flows", where: "_integrationId", is: integrationId).flatMap { flow -> [String] in
      let flowId = flow["_id"]?.stringValue ?? ""
      let ids = generatorIDs(ofFlow: flow) + processorIDs(ofFlow: flow).map(\.id)
      return ids.map { "\(flowId)/\($0)" }
    }
  }
}
