import CeligoKit
import Testing

@testable import CeligoEmulator

/// Counters and pages of a running job grow with time, for flow jobs and
/// their export and import children alike.
@Suite struct JobProgressTests {
  func run() -> (JobRecord, [JobRecord]) {
    let state = EmulatorState(options: EmulatorOptions(), startedAt: 0)
    var parent = JobRecord(
      id: "flowjob", kind: .flow, flowId: "flow", exportId: "export", createdAt: 0, startAt: 1000, endAt: 11_000)
    parent.numSuccess = 200
    parent.numError = 4
    parent.pages = 10
    let children = state.makeChildren(of: parent, exports: ["export"], imports: ["import"], errorImport: "import")
    return (parent, children)
  }

  func counters(_ job: JobRecord, at now: Int64) -> [Int] {
    let json = job.json(at: now, openErrors: 0)
    let pages = job.kind == .import ? json["numPagesProcessed"] : json["numPagesGenerated"]
    return [pages, json["numSuccess"], json["numError"]].map { $0.flatMap(\.intValue) ?? -1 }
  }

  @Test func countersGrowWhileRunning() {
    let (parent, children) = run()
    for job in [parent] + children {
      let times = (0...4).map { job.startAt + (job.endAt - job.startAt) * Int64($0) / 4 }
      let samples = times.map { counters(job, at: $0) }
      for (earlier, later) in zip(samples, samples.dropFirst()) {
        #expect(zip(earlier, later).allSatisfy { $0 <= $1 }, "\(job.kind) \(samples)")
      }
      let middle = samples[2]
      let end = samples[4]
      #expect(middle[0] > 0, "\(job.kind) pages at half time")
      #expect(middle[0] < end[0] || end[0] == 1, "\(job.kind) pages grow")
      #expect(middle[1] > 0, "\(job.kind) successes at half time")
      #expect(middle[1] < end[1], "\(job.kind) successes grow")
    }
  }

  @Test func statusFollowsTime() {
    let (parent, _) = run()
    #expect(parent.json(at: 500, openErrors: 0)["status"] == "queued")
    #expect(parent.json(at: 500, openErrors: 0)["numSuccess"] == 0)
    #expect(parent.json(at: 6000, openErrors: 0)["status"] == "running")
    #expect(parent.json(at: 11_000, openErrors: 0)["status"] == "completed")
    #expect(parent.json(at: 11_000, openErrors: 0)["numError"] == 4)
    #expect(parent.json(at: 11_000, openErrors: 0)["numPagesGenerated"] == 10)
  }
}
