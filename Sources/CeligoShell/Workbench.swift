import CeligoKit
import Foundation

/// The state that makes the shell a workbench: the profile's ID cache, the
/// context chosen with `use`, the IDs of the last list (`$1`, `$2`, …,
/// `$_`) and the output format chosen with `set format`.
///
/// Commands, the prompt and the completer read it from different threads,
/// so every field is behind one lock.
public final class Workbench: @unchecked Sendable {
  /// The profile's ID cache, shared with the command runner.
  public let cache: IDCache
  /// The profile shown in the prompt.
  public let profile: String
  private let warmer: CacheWarmer?
  private let lock = NSLock()
  private var current = ShellContext()
  private var previous: ShellContext?
  private var handles: [String] = []
  private var lastShown: String?
  private var running: (rows: [String], last: String?)?
  private var chosenFormat: String?
  private var warmup: Task<Result<[ResourceKind: Int], Error>, Never>?

  /// Creates a workbench; `warmer`, when given, fetches the lists that
  /// `warm()` and `refresh` load into the cache.
  public init(cache: IDCache, profile: String, warmer: CacheWarmer? = nil) {
    self.cache = cache
    self.profile = profile
    self.warmer = warmer
  }

  /// The context chosen with `use`.
  public var context: ShellContext { lock.withLock { current } }

  /// The format chosen with `set format`, or nil for the default.
  public var format: String? {
    get { lock.withLock { chosenFormat } }
    set { lock.withLock { chosenFormat = newValue } }
  }

  /// Replaces the context, keeping the old one for `use -`.
  public func setContext(_ context: ShellContext) {
    lock.withLock {
      guard context != current else { return }
      previous = current
      current = context
    }
  }

  /// Returns to the context before the last change; false when there is none.
  public func restorePrevious() -> Bool {
    lock.withLock {
      guard let previous else { return false }
      self.previous = current
      current = previous
      return true
    }
  }

  /// Returns the ID a handle stands for: `$N` for row N of the last list,
  /// `$_` for the last ID shown. Returns nil for a word that is no handle,
  /// and throws a usage error for a handle with no ID behind it.
  public func resolveHandle(_ word: String) throws -> String? {
    guard word.hasPrefix("$"), word.count > 1 else { return nil }
    let name = word.dropFirst()
    if name == "_" {
      guard let id = lock.withLock({ lastShown }) else {
        throw CeligoError.usage("$_ is not set yet: it is the last ID a command showed")
      }
      return id
    }
    guard let number = Int(name) else { return nil }
    let rows = lock.withLock { handles }
    guard number >= 1, number <= rows.count else {
      throw CeligoError.usage(
        rows.isEmpty
          ? "\(word) is not set: run a list first, then $1, $2, … are the IDs of its rows"
          : "\(word) is out of range: the last list had \(rows.count) rows")
    }
    return rows[number - 1]
  }

  /// Starts collecting the IDs a command prints.
  public func beginCommand() {
    lock.withLock { running = ([], nil) }
  }

  /// Notes the IDs of printed records; called by the runner while a
  /// command runs.
  public func notePrinted(_ printed: PrintedRecords) {
    let ids = printed.records.compactMap { printed.kind.id(of: $0) }
    lock.withLock {
      guard var rows = running, let last = ids.last else { return }
      if printed.isList { rows.rows += ids }
      rows.last = last
      running = rows
    }
  }

  /// Makes the IDs of the command's list the new handles.
  public func endCommand() {
    lock.withLock {
      guard let rows = running else { return }
      running = nil
      if !rows.rows.isEmpty { handles = rows.rows }
      if let last = rows.last { lastShown = last }
    }
  }

  /// Fetches the warm-up lists in the background; the prompt does not wait.
  public func warm() {
    _ = startWarmup()
  }

  /// Fetches the lists again, replaces them in the cache and returns the
  /// number of IDs per kind.
  public func refresh() async throws -> [ResourceKind: Int] {
    try await startWarmup().value.get()
  }

  /// Waits for a running warm-up, so a name typed right after start can
  /// still be found.
  /// A shell reading piped input starts no warm-up, so the first name that
  /// is not found starts one.
  public func waitForWarmup() async {
    let task = lock.withLock { warmup } ?? startWarmup()
    _ = await task.value
  }

  private func startWarmup() -> Task<Result<[ResourceKind: Int], Error>, Never> {
    let cache = self.cache
    let warmer = self.warmer
    let task = Task<Result<[ResourceKind: Int], Error>, Never> {
      guard let warmer else { return .success([:]) }
      do {
        let lists = try await warmer.fetch()
        cache.replace(lists)
        try cache.save()
        return .success(lists.mapValues(\.count))
      } catch {
        return .failure(error)
      }
    }
    lock.withLock { warmup = task }
    return task
  }
}
