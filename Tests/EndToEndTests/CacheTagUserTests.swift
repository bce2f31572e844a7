import CeligoEmulator
import CeligoKit
import Foundation
import Testing

/// Lookup-cache data paging, tags round trip and account users.
@Suite(.serialized) struct CacheTagUserTests {
  func keys(_ value: JSONValue) -> [String] {
    value.arrayValue?.compactMap { $0["key"]?.stringValue } ?? []
  }

  /// The largest demo cache, which spans several getData pages.
  func largestCache(_ fixture: EmulatorFixture) -> String {
    let caches = fixture.emulator.records("lookupcaches")
    let largest = caches.max { ($0["size"]?.intValue ?? 0) < ($1["size"]?.intValue ?? 0) }
    return largest?["_id"]?.stringValue ?? ""
  }

  @Test func dataReturnsEveryKeyOnce() async throws {
    let fixture = try EmulatorFixture()
    let cache = largestCache(fixture)
    let (data, _) = try await fixture.json(["caches", "data", cache])
    let all = keys(data)
    #expect(all.count > 1000)
    #expect(Set(all).count == all.count)
    #expect(all == all.sorted())
    #expect(fixture.requests("POST", "/v1/lookupcaches/\(cache)/getData").count == (all.count + 999) / 1000)

    let prefix = String(all[1234].prefix(all[1234].count - 1))
    let (matching, _) = try await fixture.json(["caches", "data", cache, "--starts-with", prefix])
    #expect(keys(matching) == all.filter { $0.hasPrefix(prefix) })
    #expect(fixture.requests("POST", "/v1/lookupcaches/\(cache)/getData").last?.body == ["startsWith": .string(prefix)])

    let (chosen, _) = try await fixture.json(["caches", "data", cache, "--keys", "\(all[3]),\(all[2000])"])
    #expect(keys(chosen) == [all[3], all[2000]])
  }

  @Test func pageSizeStopsWithHint() async throws {
    let fixture = try EmulatorFixture()
    let cache = largestCache(fixture)
    let (data, _) = try await fixture.json(["caches", "data", cache])
    let all = keys(data)

    let first = try await fixture.run(["--format", "json", "caches", "data", cache, "--page-size", "1500"])
    let firstKeys = keys(try JSONValue.parse(first.stdout))
    #expect(firstKeys == Array(all.prefix(1500)))
    #expect(first.stderr == "more entries may follow: continue with --start-after \(all[1499])\n")

    let (next, _) = try await fixture.json(["caches", "data", cache, "--page-size", "10", "--start-after", all[1499]])
    #expect(keys(next) == Array(all[1500..<1510]))
    #expect(fixture.requests("POST", "/v1/lookupcaches/\(cache)/getData").last?.query.first?.1 == all[1499])
  }

  @Test func tagsRoundTrip() async throws {
    let fixture = try EmulatorFixture()
    let created = try await fixture.json(["tags", "create", "nightly-retry"]).0
    let id = created["_id"]?.stringValue ?? ""
    #expect(fixture.requests("POST", "/v1/tags").first?.body == ["tag": "nightly-retry"])
    var (listed, _) = try await fixture.json(["tags", "list"])
    #expect(listed.arrayValue?.contains { $0["_id"]?.stringValue == id && $0["tag"] == "nightly-retry" } == true)

    let renamed = try await fixture.run(["tags", "update", id, "--name", "weekly-retry"])
    #expect(renamed.stdout == "Renamed tag \(id) to 'weekly-retry'\n")
    (listed, _) = try await fixture.json(["tags", "list"])
    #expect(listed.arrayValue?.contains { $0["_id"]?.stringValue == id && $0["tag"] == "weekly-retry" } == true)

    let refused = try await fixture.run(["tags", "delete", id])
    #expect(refused.status == 2)
    #expect(fixture.requests("DELETE", "/v1/tags/").isEmpty)
    let deleted = try await fixture.run(["tags", "delete", id, "--yes"])
    #expect(deleted.stdout == "Deleted tag \(id) 'weekly-retry'\n")
    (listed, _) = try await fixture.json(["tags", "list"])
    #expect(listed.arrayValue?.contains { $0["_id"]?.stringValue == id } == false)
    #expect(listed == .array(fixture.emulator.records("tags")))
  }

  @Test func usersEqualTheStore() async throws {
    let fixture = try EmulatorFixture()
    let (users, _) = try await fixture.json(["users", "list"])
    #expect(users == .array(fixture.emulator.records("ashares")))
    let first = fixture.emulator.records("ashares").first
    let (user, _) = try await fixture.json(["users", "get", first?["_id"]?.stringValue ?? ""])
    #expect(user == first)
    let (caches, _) = try await fixture.json(["caches", "list"])
    #expect(caches == .array(fixture.emulator.records("lookupcaches")))
  }
}
