import Foundation

/// The ID caches of every profile a runner has used, one object per
/// profile, so the shell and the commands it runs share one.
public final class IDCacheRegistry: @unchecked Sendable {
  private let environment: [String: String]
  private let lock = NSLock()
  private var caches: [String: IDCache] = [:]

  public init(environment: [String: String]) {
    self.environment = environment
  }

  /// Returns the cache of `profile`, creating it on first use.
  public func cache(profile: String) -> IDCache {
    lock.withLock {
      if let cache = caches[profile] { return cache }
      let cache = IDCache(directory: IDCache.directory(profile: profile, environment: environment))
      caches[profile] = cache
      return cache
    }
  }
}
