import CeligoKit

/// Fetches the lists the shell's ID cache starts with: integrations,
/// flows, connections, exports, imports and tags, all at once.
public struct CacheWarmer: Sendable {
  let client: APIClient

  public init(client: APIClient) {
    self.client = client
  }

  /// Returns every record of each list, keyed by kind.
  public func fetch() async throws -> [ResourceKind: [JSONValue]] {
    async let integrations = list("/v1/integrations")
    async let flows = list("/v1/flows")
    async let connections = list("/v1/connections")
    async let exports = list("/v1/exports")
    async let imports = list("/v1/imports")
    async let tags = list("/v1/tags")
    return try await [
      .integration: integrations, .flow: flows, .connection: connections, .export: exports,
      .import: imports, .tag: tags,
    ]
  }

  private func list(_ path: String) async throws -> [JSONValue] {
    var records: [JSONValue] = []
    try await client.forEachLinkPage(APIRequest("GET", path)) { records += $0 }
    return records
  }
}
