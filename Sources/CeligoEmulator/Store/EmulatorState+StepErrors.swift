import CeligoKit

/// Changes to flow-step errors: resolve, retry, assign and tag.
extension EmulatorState {
  /// Most error ids or retry data keys one resolve or retry request may carry.
  static let maxErrorsPerRequest = 1000

  /// Returns the error log of a step of `flowId`, or throws 404 when the
  /// flow is unknown or the step is not one of its exports or imports.
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
    steps["\(flowId)/\(stepId)"] = try stepLog(flowId: flowId, stepId: stepId)
    resolve(errorIds: errorIds, stepKey: "\(flowId)/\(stepId)", at: now)
  }

  /// Moves open errors of an existing step log to its resolved list.
  func resolve(errorIds: [String], stepKey: String, at now: Int64) {
    let selected = Set(errorIds)
    modifyStep(stepKey) { log in
      var remaining: [ErrorRecord] = []
      for var error in log.open {
        guard selected.contains(String(error.errorId)) else {
          remaining.append(error)
          continue
        }
        error.resolvedAt = now
        error.resolvedBy = userId
        log.resolved.append(error)
        countOpen(flowJobId: error.flowJobId, stepId: log.stepId, by: -1)
      }
      log.open = remaining
    }
  }

  /// Runs `change` on a step's log in place. Taking the log out of the
  /// dictionary first keeps its arrays uniquely referenced, so a change
  /// does not copy 20,000 errors.
  func modifyStep(_ key: String, _ change: (inout StepErrorLog) -> Void) {
    guard var log = steps.removeValue(forKey: key) else { return }
    change(&log)
    steps[key] = log
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

  /// Applies a finished retry. An error whose retry data was edited after
  /// it occurred succeeds and leaves the open list. Any other error fails
  /// again, so a new error with the same retry data key replaces it.
  func applyRetry(jobIndex index: Int) {
    let job = jobs[index]
    guard let flowId = job.flowId, let stepId = job.importId ?? job.exportId else { return }
    let keys = Set(job.retryDataKeys)
    var succeeded = 0
    var failed = 0
    modifyStep("\(flowId)/\(stepId)") { log in
      var retried: [ErrorRecord] = []
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
          retried.append(error)
        }
      }
      log.open = remaining
      for error in retried {
        let template = ErrorTemplate(
          code: error.code, message: error.message, source: error.source,
          classification: error.classification, httpStatus: error.reqAndResKey == nil ? nil : 400)
        log.addError(
          template: template, at: job.endAt, flowJobId: error.flowJobId,
          retryDataKey: error.retryDataKey, traceKey: error.traceKey, generator: &generator)
        countOpen(flowJobId: error.flowJobId, stepId: stepId, by: 1)
      }
      failed = retried.count
    }
    jobs[index].numSuccess = succeeded
    jobs[index].numError = failed
  }

  /// Sets fields on the open and resolved errors with the given ids.
  func updateErrors(
    ids: [String], flowId: String, stepId: String, change: (inout ErrorRecord) -> Void
  ) throws {
    let key = "\(flowId)/\(stepId)"
    steps[key] = try stepLog(flowId: flowId, stepId: stepId)
    let selected = Set(ids)
    modifyStep(key) { log in
      for index in log.open.indices where selected.contains(String(log.open[index].errorId)) {
        change(&log.open[index])
      }
      for index in log.resolved.indices where selected.contains(String(log.resolved[index].errorId)) {
        change(&log.resolved[index])
      }
    }
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
