import CeligoKit

/// Thirty days of scheduled runs for every demo flow that has a schedule,
/// plus the open and resolved errors of the latest runs.
struct DemoJobHistory {
  let state: EmulatorState
  private var created: [JobRecord] = []

  init(state: EmulatorState) {
    self.state = state
  }

  /// Adds the runs of one flow and returns when its last run ended.
  mutating func addHistory(of flow: DemoFlow) -> Int64? {
    let spec = flow.spec
    guard let minutes = spec.everyMinutes, let firstGenerator = flow.generatorIDs.first else { return nil }
    addStepLogs(of: flow)

    let interval = Int64(minutes) * 60_000
    let stop = state.startedAt - Int64(spec.historyStopsDaysAgo) * DemoAccount.dayMilliseconds
    let count = Int((30 * DemoAccount.dayMilliseconds - (state.startedAt - stop)) / interval)
    var runs: [JobRecord] = []
    for slot in stride(from: count, through: 1, by: -1) {
      let createdAt = stop - Int64(slot) * interval + Int64(state.generator.int(0...4000))
      let records = state.generator.int(spec.records)
      let startAt = createdAt + Int64(state.generator.int(300...2500))
      let endAt = startAt + 5000 + Int64(records * 400 + state.generator.int(0...10000))
      var job = JobRecord(
        id: state.generator.objectId(), kind: .flow, flowId: flow.id, integrationId: flow.integrationId,
        exportId: firstGenerator, createdAt: createdAt, startAt: startAt, endAt: endAt)
      let isRecentFailure = slot <= spec.recentFailures
      job.fails = isRecentFailure || state.generator.chance(spec.failureRate)
      job.numError = job.fails ? 1 : 0
      job.numSuccess = job.fails ? 0 : records
      job.numIgnore = records / 12
      job.pages = records / 100 + 1
      runs.append(job)
    }

    markErrorRuns(&runs, flow: flow)
    if flow.spec.name == DemoCatalog.canceledRunFlow, runs.count > 48 {
      let index = runs.count - 48
      runs[index].canceledAt = runs[index].startAt + (runs[index].endAt - runs[index].startAt) / 2
      runs[index].canceledBy = state.userId
    }

    for var run in runs {
      let children = state.makeChildren(
        of: run, exports: flow.generatorIDs, imports: flow.importIDs, errorImport: flow.importIDs.first)
      run.childIDs = children.map(\.id)
      created.append(run)
      created.append(contentsOf: children)
      if run.canceledAt != nil {
        for child in children.indices where children[child].endAt > (run.canceledAt ?? 0) {
          created[created.count - children.count + child].canceledAt = run.canceledAt
          created[created.count - children.count + child].canceledBy = state.userId
        }
      }
    }
    return runs.last.map { $0.canceledAt ?? $0.endAt }
  }

  /// Gives the latest completed runs their record errors (open), the
  /// latest failed runs their connection errors (open), and one run three
  /// days back errors that a teammate resolved.
  private mutating func markErrorRuns(_ runs: inout [JobRecord], flow: DemoFlow) {
    guard let importId = flow.importIDs.first else { return }
    let stepKey = "\(flow.id)/\(importId)"
    if flow.spec.name == DemoCatalog.shopifyOrderFlow, state.options.bulkErrors > 0 {
      addBulkErrors(stepKey: stepKey, count: state.options.bulkErrors)
    }
    var pending = flow.spec.openErrorsPerRun
    var withOpenErrors: [Int] = []
    for index in runs.indices.reversed() where !runs[index].fails {
      guard !pending.isEmpty else { break }
      let errors = pending.removeFirst()
      runs[index].numError = errors
      runs[index].numSuccess = max(0, runs[index].numSuccess - errors)
      withOpenErrors.append(index)
    }
    withOpenErrors += runs.indices.suffix(flow.spec.recentFailures)
    for index in withOpenErrors.sorted() {
      state.addErrors(count: runs[index].numError, stepKey: stepKey, flowJobId: runs[index].id, at: runs[index].endAt)
    }
    if flow.spec.name == DemoCatalog.shopifyOrderFlow, runs.count > 300 {
      let index = runs.count - 288
      runs[index].numError = 6
      state.addErrors(count: 6, stepKey: stepKey, flowJobId: runs[index].id, at: runs[index].endAt)
      if let open = state.steps[stepKey]?.open.filter({ $0.flowJobId == runs[index].id }) {
        state.resolve(errorIds: open.map { String($0.errorId) }, stepKey: stepKey, at: runs[index].endAt + 3_600_000)
      }
    }
  }

  private mutating func addBulkErrors(stepKey: String, count: Int) {
    let oldest = state.startedAt - 7 * DemoAccount.dayMilliseconds
    let spacing = max(1, 7 * DemoAccount.dayMilliseconds / Int64(count + 1))
    for index in 0..<count {
      state.addErrors(count: 1, stepKey: stepKey, flowJobId: "", at: oldest + Int64(index) * spacing)
    }
  }

  /// Creates an empty error log for each step of the flow. Step order
  /// (`oIndex`) matches the child jobs: page generators, then imports,
  /// then lookups.
  private func addStepLogs(of flow: DemoFlow) {
    let stepIDs = flow.generatorIDs + flow.importIDs + flow.lookupIDs
    for (index, stepId) in stepIDs.enumerated() {
      var generator = SeededGenerator(seed: DemoRecords.hash(stepId))
      let isErrorStep = stepId == flow.importIDs.first
      state.steps["\(flow.id)/\(stepId)"] = StepErrorLog(
        flowId: flow.id, stepId: stepId, oIndex: index, recordKind: flow.spec.recordKind,
        templates: isErrorStep ? flow.spec.templates : [],
        nextErrorId: 986_000_000 + generator.int(0...900_000))
    }
  }

  /// Stores the jobs sorted by creation time.
  mutating func finish() {
    created.sort { $0.createdAt < $1.createdAt }
    for job in created {
      state.appendJob(job)
    }
  }
}
