import CeligoKit
import Foundation

/// A local integrator.io API on 127.0.0.1 with a seeded demo account, for
/// tests and for trying the CLI without a real account.
public final class Emulator: @unchecked Sendable {
  private let options: EmulatorOptions
  private let store: EmulatorStore
  private let limiter = RateLimiter()
  private let log = RequestLog()
  private let lock = NSLock()
  private var server: HTTPServer?

  /// Creates the emulator and its demo account; times in the demo account
  /// are relative to this moment.
  public init(options: EmulatorOptions) {
    self.options = options
    let state = EmulatorState(options: options, startedAt: Timestamp.nowMilliseconds())
    DemoAccount.populate(state)
    store = EmulatorStore(state: state)
  }

  /// Binds 127.0.0.1 and serves on background threads; returns once listening.
  public func start() throws {
    let router = Router(store: store, options: options, limiter: limiter, log: log) { [weak self] in
      self?.baseURL ?? ""
    }
    let server = HTTPServer { request in router.handle(request) }
    try server.start(port: options.port)
    lock.withLock { self.server = server }
  }

  /// The port the server listens on, or 0 before `start()`.
  public var port: Int {
    lock.withLock { server?.port ?? 0 }
  }

  /// The API root, for example `http://127.0.0.1:8080`.
  public var baseURL: String {
    "http://127.0.0.1:\(port)"
  }

  /// Stops listening and closes open connections.
  public func stop() {
    let current = lock.withLock { () -> HTTPServer? in
      defer { server = nil }
      return server
    }
    current?.stop()
  }

  /// Every request received, in order, including rejected ones.
  public var requests: [RecordedRequest] {
    log.all
  }

  /// Forgets the recorded requests.
  public func clearRequests() {
    log.clear()
  }

  /// Returns the current records of a collection in list order: one of
  /// `integrations`, `flows`, `connections`, `exports`, `imports`, `jobs`,
  /// `tags`, `ashares`, `lookupcaches`. Jobs come newest first.
  public func records(_ collection: String) -> [JSONValue] {
    store.withState { state in
      guard collection == "jobs" else { return state.collections[collection] ?? [] }
      let now = Timestamp.nowMilliseconds()
      return state.jobs.sorted { $0.createdAt > $1.createdAt }.map { state.jobJSON($0, at: now) }
    }
  }

  /// Returns one record of a collection by `_id`, or nil.
  public func record(_ collection: String, id: String) -> JSONValue? {
    store.withState { state in
      guard collection == "jobs" else { return state.record(collection, id: id) }
      return state.job(id).map { state.jobJSON($0, at: Timestamp.nowMilliseconds()) }
    }
  }

  /// Returns the open errors of a flow step, in `errorId` order.
  public func openErrors(flowId: String, stepId: String) -> [JSONValue] {
    store.withState { $0.steps["\(flowId)/\(stepId)"]?.open.map(\.json) ?? [] }
  }

  /// Returns the resolved errors of a flow step.
  public func resolvedErrors(flowId: String, stepId: String) -> [JSONValue] {
    store.withState { $0.steps["\(flowId)/\(stepId)"]?.resolved.map(\.json) ?? [] }
  }

  /// Adds `count` open errors to an export or import of a flow, as a failed
  /// run would. Returns false when the flow has no such step. The demo
  /// account has open errors only on the first import of each flow, so
  /// tests use this for flows with errors on several steps.
  @discardableResult
  public func addOpenErrors(flowId: String, stepId: String, count: Int) -> Bool {
    store.withState { state in
      guard var log = try? state.stepLog(flowId: flowId, stepId: stepId) else {
        return false
      }
      if log.templates.isEmpty {
        log.templates = [Self.rejectedRecord]
      }
      let key = "\(flowId)/\(stepId)"
      state.steps[key] = log
      state.addErrors(count: count, stepKey: key, flowJobId: "", at: Timestamp.nowMilliseconds())
      return true
    }
  }

  /// The error `addOpenErrors` creates on a step that has no demo errors.
  private static let rejectedRecord = ErrorTemplate(
    code: "422", message: "Record {n} was rejected: the field sku is required", source: "application",
    classification: "missing", httpStatus: 422)

  /// Sets a connection's `offline` flag, as when its credentials stop or
  /// start working; returns false when no connection has the ID.
  @discardableResult
  public func setConnectionOffline(id: String, _ offline: Bool) -> Bool {
    store.withState { state in
      guard let connection = state.record("connections", id: id) else { return false }
      return state.replace(connection.setting("offline", to: .bool(offline)), in: "connections")
    }
  }

  /// Sets the rate-limit bucket to `count` tokens; 0 makes the next
  /// request fail with 429.
  public func setRateLimitTokens(_ count: Int) {
    limiter.set(count)
  }
}
