import Foundation
import Testing

@testable import CeligoKit

@Suite struct IDCacheTests {
  func scratchDirectory() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("celigo-cache-\(UUID().uuidString)/demo")
  }

  @Test func flowsSetParentsOfSteps() {
    let cache = IDCache(directory: nil)
    cache.record(.export, [["_id": "e1", "name": "Get Orders", "_integrationId": "i1"]])
    cache.record(
      .flow,
      [
        [
          "_id": "f1", "name": "Orders", "_integrationId": "i1",
          "pageGenerators": [["_exportId": "e1"]],
          "pageProcessors": [["_importId": "m1"], ["_exportId": "e2"]],
        ]
      ])

    #expect(cache.entry(.flow, id: "f1") == CachedID(id: "f1", name: "Orders", parent: "i1"))
    #expect(cache.entry(.export, id: "e1") == CachedID(id: "e1", name: "Get Orders", parent: "f1"))
    #expect(cache.entry(.export, id: "e2")?.parent == "f1")
    #expect(cache.entry(.import, id: "m1")?.parent == "f1")

    // A later export list keeps the flow, not the integration.
    cache.record(.export, [["_id": "e1", "name": "Get Orders v2", "_integrationId": "i1"]])
    #expect(cache.entry(.export, id: "e1") == CachedID(id: "e1", name: "Get Orders v2", parent: "f1"))
  }

  @Test func namesOfTagsUsersAndJobs() {
    let cache = IDCache(directory: nil)
    cache.record(.tag, [["_id": "t1", "tag": "needs-review"]])
    cache.record(.user, [["_id": "u1", "sharedWithUser": ["email": "ops@example.com"]]])
    cache.record(.job, [["_id": "j1", "type": "flow", "status": "failed", "_flowId": "f1"]])
    cache.record(.error, [["errorId": "1234"]])

    #expect(cache.entry(.tag, id: "t1")?.name == "needs-review")
    #expect(cache.entry(.user, id: "u1")?.name == "ops@example.com")
    #expect(cache.entry(.job, id: "j1") == CachedID(id: "j1", name: "flow failed", parent: "f1"))
    #expect(cache.entries(.error).isEmpty)
  }

  @Test func fileFormatAndModes() throws {
    let directory = scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
    let cache = IDCache(directory: directory)
    cache.record(.integration, [["_id": "i1", "name": "Tab\there\nand line"], ["_id": "i2", "name": "Plain"]])
    cache.record(.flow, [["_id": "f1", "name": "Orders", "_integrationId": "i1"]])
    try cache.save()

    let integrations = try String(contentsOf: directory.appendingPathComponent("integrations.tsv"), encoding: .utf8)
    #expect(integrations == "i1\tTab here and line\t\ni2\tPlain\t\n")
    let flows = try String(contentsOf: directory.appendingPathComponent("flows.tsv"), encoding: .utf8)
    #expect(flows == "f1\tOrders\ti1\n")

    let fileMode = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("flows.tsv").path)[.posixPermissions] as? Int
    let directoryMode = try FileManager.default.attributesOfItem(atPath: directory.path)[.posixPermissions] as? Int
    #expect(fileMode == 0o600)
    #expect(directoryMode == 0o700)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty)

    let reloaded = IDCache(directory: directory)
    #expect(reloaded.entries(.integration).map(\.id) == ["i1", "i2"])
    #expect(reloaded.entry(.flow, id: "f1")?.parent == "i1")
  }

  @Test func oldestDropWhenFull() {
    let cache = IDCache(directory: nil)
    let jobs: [JSONValue] = (0..<(IDCache.maxEntries + 10)).map { ["_id": .string("j\($0)")] }
    cache.record(.job, jobs)

    let entries = cache.entries(.job)
    #expect(entries.count == IDCache.maxEntries)
    #expect(entries.first?.id == "j10")
    #expect(entries.last?.id == "j\(IDCache.maxEntries + 9)")
  }

  @Test func replaceDropsMissingIDs() {
    let cache = IDCache(directory: nil)
    cache.record(.tag, [["_id": "t1", "tag": "old"], ["_id": "t2", "tag": "gone"]])
    cache.replace([.tag: [["_id": "t1", "tag": "renamed"]]])

    #expect(cache.entries(.tag) == [CachedID(id: "t1", name: "renamed", parent: "")])
  }

  @Test func profileNameStaysInCacheDirectory() {
    let directory = IDCache.directory(profile: "../../etc", environment: ["XDG_CACHE_HOME": "/tmp/cache"])
    let plain = IDCache.directory(profile: "production", environment: ["HOME": "/home/ops"])

    #expect(directory.path == "/tmp/cache/celigo/_.._.._etc")
    #expect(plain.path == "/home/ops/.cache/celigo/production")
  }
}
