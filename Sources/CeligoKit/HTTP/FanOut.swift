/// Runs independent API calls side by side, at most `limit` at a time, so
/// that a command making hundreds of calls finishes in a fraction of the
/// time while staying well inside the API's rate limit.
enum FanOut {
  /// Calls `operation` for each item, at most `limit` at once, and returns
  /// the results in the order of `items`. The first error cancels the rest.
  static func map<Item: Sendable, Result: Sendable>(
    _ items: [Item], limit: Int, _ operation: @escaping @Sendable (Item) async throws -> Result
  ) async throws -> [Result] {
    try await withThrowingTaskGroup(of: (Int, Result).self) { group in
      var results = [Result?](repeating: nil, count: items.count)
      var next = 0
      while next < min(max(limit, 1), items.count) {
        let index = next
        group.addTask { (index, try await operation(items[index])) }
        next += 1
      }
      while let (index, result) = try await group.next() {
        results[index] = result
        guard next < items.count else { continue }
        let queued = next
        group.addTask { (queued, try await operation(items[queued])) }
        next += 1
      }
      return results.compactMap { $0 }
    }
  }
}
