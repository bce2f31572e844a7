import Foundation
import Testing

@testable import CeligoKit

@Suite struct SupportTests {
  @Test func linkHeaderFindsNext() {
    let header = #"<https://api.integrator.io/v1/flows?skip=100&limit=100>; rel="next", <https://api.integrator.io/v1/flows?skip=0>; rel="prev""#
    #expect(LinkHeader.nextURL(in: header)?.absoluteString == "https://api.integrator.io/v1/flows?skip=100&limit=100")
    #expect(LinkHeader.nextURL(in: #"<https://x.test/a>; rel="prev""#) == nil)
  }

  @Test func datesAcceptSeveralForms() {
    let now = Date(timeIntervalSince1970: 1_764_000_000)
    #expect(DateValue.parse("24h", now: now) == now.addingTimeInterval(-86_400))
    #expect(DateValue.format(DateValue.parse("2026-11-30", now: now) ?? now) == "2026-11-30T00:00:00.000Z")
    #expect(DateValue.format(DateValue.parse("2026-11-30T08:01:02Z", now: now) ?? now) == "2026-11-30T08:01:02.000Z")
    #expect(DateValue.format(DateValue.parse("1764000000123", now: now) ?? now) == "2025-11-24T16:00:00.123Z")
    #expect(DateValue.parse("yesterday", now: now) == nil)
  }

  @Test func baseURLRejectsPlainHTTP() throws {
    #expect(try Settings.validatedBaseURL("http://127.0.0.1:8080").absoluteString == "http://127.0.0.1:8080")
    #expect(try Settings.validatedBaseURL("https://api.eu.integrator.io/").absoluteString == "https://api.eu.integrator.io")
    #expect(throws: CeligoError.self) { try Settings.validatedBaseURL("http://api.integrator.io") }
    #expect(throws: CeligoError.self) { try Settings.validatedBaseURL("not a url") }
  }

  @Test func tableShrinksFlexibleColumns() {
    let text = TableRenderer.render(
      headers: ["ID", "NAME"], rows: [["1", "a very long name indeed"]], flexible: [false, true],
      width: 16, color: false)
    #expect(text == "ID  NAME\n1   a very long…\n")
  }

  @Test func tableDropsOptionalColumnsFirst() {
    let text = TableRenderer.render(
      headers: ["ID", "NAME", "EXTRA"], rows: [["1", "a name of thirty characters ok", "xxxxxxxxxx"]],
      flexible: [false, true, false], optional: [false, false, true], width: 36, color: false)
    #expect(text == "ID  NAME\n1   a name of thirty characters ok\n")
  }

  @Test func notFoundMessageNamesTheResource() {
    let error = APIError(status: 404, code: "not_found", message: "x", method: "GET", path: "/v1/flows/abc")
    #expect(ErrorMessage.describe(CeligoError.api(error)) == "flow abc not found (404): check the ID with 'celigo flows list'")
    #expect(ExitCode.of(CeligoError.api(error)) == 4)
  }

  @Test func debugLogParsesEntries() {
    let log = """
      2026-12-01T10:00:00.000Z 7d1c0b3e-8a4f-4b6c-9d2e-1f0a3b5c7d9e export 5f1a2b3c4d5e6f7a8b9c0d21
      {"method":"GET"}
      2026-12-01T10:00:00.250Z 7d1c0b3e-8a4f-4b6c-9d2e-1f0a3b5c7d9e export 5f1a2b3c4d5e6f7a8b9c0d21
      {"statusCode":200}
      """
    let entries = DebugLog.parse(log)
    #expect(entries.count == 2)
    #expect(entries.first?["kind"] == "request")
    #expect(entries.last?["kind"] == "response")
    #expect(entries.last?["body"]?["statusCode"] == 200)
  }
}
