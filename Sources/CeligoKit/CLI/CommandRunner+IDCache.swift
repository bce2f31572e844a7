import Foundation

extension CommandRunner {
  /// Makes the command's output feed the profile's ID cache and
  /// `onRecords`, and returns that cache.
  func attachIDCache(_ invocation: Invocation, _ context: CommandContext) -> IDCache {
    let cache = idCaches.cache(profile: cacheProfile ?? context.settings.profileName)
    let observer = onRecords
    context.output.recordKind = Self.recordKind(of: invocation.spec)
    context.output.onRecords = { printed in
      cache.record(printed.kind, printed.records)
      observer?(printed)
    }
    return cache
  }

  /// Writes the cache files, warning once when that fails: the command's
  /// own result does not depend on the cache.
  func saveIDCache(_ cache: IDCache) {
    do {
      try cache.save()
    } catch {
      let warning = "warning: \(ErrorMessage.describe(error)); IDs are not cached for completion"
      if lock.withLock({ warned.insert(warning).inserted }) {
        terminal.writeError(warning + "\n")
      }
    }
  }

  /// Returns the kind of the record a `get` command prints: the kind of
  /// its ID argument. Other commands print no resource of their own.
  static func recordKind(of spec: CommandSpec) -> ResourceKind? {
    guard spec.action == "get", case .id(let kind)? = spec.arguments.first?.kind else { return nil }
    return kind
  }
}
