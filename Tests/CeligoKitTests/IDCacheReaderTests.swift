import Foundation
import Testing

@testable import CeligoKit

@Suite struct IDCacheReaderTests {
  /// Writes `lines` as `flows.tsv` in a new directory and returns it.
  func directory(_ lines: [String]) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("celigo-reader-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    try (lines.joined(separator: "\n") + "\n").write(toFile: path + "/flows.tsv", atomically: true, encoding: .utf8)
    return path
  }

  func values(_ prefix: String, _ path: String, limit: Int = .max) -> [String] {
    IDCacheReader.candidates(.flow, prefix: prefix, directory: path, limit: limit).map(\.value)
  }

  @Test func matchesIDOrNamePrefix() throws {
    let path = try directory(["aa1\tOrders\ti1", "bb2\tRefunds\ti1", "cc3\tORDER sync\t"])
    defer { try? FileManager.default.removeItem(atPath: path) }

    #expect(values("", path) == ["aa1", "bb2", "cc3"])
    #expect(values("bb", path) == ["bb2"])
    #expect(values("order", path) == ["aa1", "cc3"])
    #expect(IDCacheReader.candidates(.flow, prefix: "bb", directory: path).map(\.description) == ["Refunds"])
  }

  @Test func skipsDuplicatesAndLinesWithoutTab() throws {
    let path = try directory(["aa1\tFirst\t", "no tab here", "", "aa1\tSecond\t"])
    defer { try? FileManager.default.removeItem(atPath: path) }

    let found = IDCacheReader.candidates(.flow, prefix: "", directory: path)
    #expect(found == [CompletionCandidate("aa1", "First")])
  }

  @Test func nonASCIINamesFoldCase() throws {
    let path = try directory(["aa1\tÉtat des commandes\t", "bb2\tCafe\u{301}\t", "cc3\tCafé Sync\t"])
    defer { try? FileManager.default.removeItem(atPath: path) }

    #expect(values("état", path) == ["aa1"])
    // "e" followed by a combining accent is one character, so "caf" + "e"
    // matches neither spelling of "café" character by character.
    #expect(values("cafe", path) == [])
    #expect(values("caf", path) == ["bb2", "cc3"])
  }

  @Test func limitKeepsNewestAndCommonPrefix() throws {
    let path = try directory(["a01\tOld\t", "b01\tOlder\t", "c01\tNew\t", "c02\tNewer\t", "c03\tNewest\t"])
    defer { try? FileManager.default.removeItem(atPath: path) }

    // The three newest share "c0", but all matches share only "", so the
    // oldest match that shares nothing with them is added.
    #expect(values("", path, limit: 3) == ["a01", "c01", "c02", "c03"])
    #expect(values("c", path, limit: 2) == ["c02", "c03"])
    #expect(values("c", path, limit: 3) == ["c01", "c02", "c03"])
  }
}

@Suite struct IDIndexTests {
  let index = IDIndex([
    CachedID(id: "aa01", name: "Orders to NetSuite", parent: "i1"),
    CachedID(id: "aa02", name: "Refunds", parent: "i2"),
    CachedID(id: "bb01", name: "Order Sync", parent: "i1"),
  ])

  @Test func completesByIDNewestFirst() {
    let found = index.completions(of: "aa", at: nil, limit: 10)

    #expect(found.newest.map(\.id) == ["aa02", "aa01"])
    #expect(found.byID)
    #expect(found.commonPrefix == Array("aa0".utf8))
  }

  @Test func completesByNameWord() {
    let found = index.completions(of: "NET", at: nil, limit: 10)

    #expect(found.newest.map(\.id) == ["aa01"])
    #expect(found.count == 1)
  }

  @Test func limitCountsAllMatches() {
    let found = index.completions(of: "", at: nil, limit: 1)

    #expect(found.newest.map(\.id) == ["bb01"])
    #expect(found.count == 3)
    #expect(found.commonPrefix == [])
  }

  @Test func positionsNarrowByParent() {
    #expect(index.positions(withParentIn: ["i1"]) == [0, 2])
    #expect(index.positions(withParentIn: ["i1", "i2"]) == [0, 1, 2])
    #expect(index.completions(of: "order", at: [0, 2], limit: 10).newest.map(\.id) == ["bb01", "aa01"])
    #expect(index.completions(of: "", at: [1], limit: 10).newest.map(\.id) == ["aa02"])
  }
}
