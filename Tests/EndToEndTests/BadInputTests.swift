import CeligoEmulator
import CeligoKit
import Foundation
import Testing

/// Invalid values of every kind exit 2 with a message that names the value
/// and the accepted form, and send nothing to the server.
@Suite struct BadInputTests {
  static let flow = "5f1a2b3c4d5e6f7a8b9c0d1f"
  static let step = ["--flow", flow, "--import", "5f1a2b3c4d5e6f7a8b9c0d22"]
  static let dateForm =
    "expected an ISO date such as 2026-11-30 or 2026-11-30T08:00:00Z, epoch milliseconds, or an age such as 30m, 24h, 7d"

  /// Command lines and the whole message each must end with.
  static let cases: [([String], String)] = [
    (["flows", "get", "5f1a2b3c"],
     "invalid flow ID '5f1a2b3c': expected 24 hexadecimal characters, as shown by 'celigo flows list'"),
    (["flows", "get", String(repeating: "Ａ", count: 24)],
     "invalid flow ID '\(String(repeating: "Ａ", count: 24))': expected 24 hexadecimal characters,"
       + " as shown by 'celigo flows list'"),
    (["jobs", "list", "--integration", ""],
     "invalid integration ID '': expected 24 hexadecimal characters, as shown by 'celigo integrations list'"),
    (["flows", "run", flow, "--export-ids", "5f1a2b3c4d5e6f7a8b9c0d22,xyz"],
     "invalid export ID 'xyz': expected 24 hexadecimal characters, as shown by 'celigo exports list'"),
    (["jobs", "list", "--status", "cancelled"],
     "invalid --status 'cancelled': expected one of queued, running, completed, failed, canceled, retrying,"
       + " canceling (the API spells it 'canceled')"),
    (["jobs", "list", "--since", "yesterday"], "invalid --since 'yesterday': \(dateForm)"),
    (["jobs", "list", "--since", "1e308d"], "invalid --since '1e308d': \(dateForm)"),
    (["jobs", "list", "--since", "infd"], "invalid --since 'infd': \(dateForm)"),
    (["jobs", "list", "--until", "2026-13-01"], "invalid --until '2026-13-01': \(dateForm)"),
    (["jobs", "list", "--until", "99999999999999"], "invalid --until '99999999999999': \(dateForm)"),
    (["flows", "run", flow, "--start-date", "soon"], "invalid --start-date 'soon': \(dateForm)"),
    (["jobs", "list", "--limit", "0"], "invalid --limit '0': expected a whole number from 1 to 1000000"),
    (["jobs", "list", "--limit", "-5"], "invalid --limit '-5': expected a whole number from 1 to 1000000"),
    (["jobs", "list", "--limit", "99999999999999999999999"],
     "invalid --limit '99999999999999999999999': expected a whole number from 1 to 1000000"),
    (["caches", "data", "5f1a2b3c4d5e6f7a8b9c0d40", "--page-size", "1.5"],
     "invalid --page-size '1.5': expected a whole number from 1 to 1000000"),
    (["flows", "list", "--disabled", "maybe"], "invalid --disabled 'maybe': expected true or false"),
    (["errors", "resolve"] + step + ["--ids", "12,½"],
     "invalid --ids '½': error IDs are up to 64 digits 0-9, as shown by 'celigo errors list'"),
    (["errors", "resolve"] + step + ["--ids", "1,,2"],
     "invalid --ids '1,,2': expected a comma-separated list of IDs with no empty items"),
    (["errors", "retry"] + step + ["--keys", "a b"],
     "invalid --keys 'a b': retry data keys are up to 64 ASCII letters, digits, '-' or '_',"
       + " as shown by 'celigo errors list'"),
    (["errors", "assign"] + step + ["--ids", "1", "--email", "ops@"],
     "invalid --email 'ops@': expected an email address such as ops@example.com"),
    (["errors", "tags"] + step + ["--errors", "[1,", "--tag-ids", "5f1a2b3c4d5e6f7a8b9c0d30"],
     "invalid --errors: the JSON does not parse (invalid JSON at byte 3: unexpected end of input)"),
    (["errors", "tags"] + step + ["--errors", #"{"a":1}"#, "--tag-ids", "5f1a2b3c4d5e6f7a8b9c0d30"],
     #"invalid --errors: expected a JSON array such as '["986924456"]'"#),
    (["errors", "resolved", "--flow", flow], "missing --import or --export for 'errors resolved': give exactly one"),
    (["errors", "list", "--flow", flow, "--import", flow, "--export", flow],
     "--import and --export cannot be used together for 'errors list'"),
    (["tags", "create", ""], "empty name: give a value"),
    (["tags", "create", "two\nlines"], "invalid name: it contains a control character such as a newline or tab"),
    (["--timeout", "0", "tags", "list"], "invalid --timeout '0': expected a positive number of seconds up to 86400"),
    (["--timeout", "1e9", "tags", "list"],
     "invalid --timeout '1e9': expected a positive number of seconds up to 86400"),
    (["--format", "yaml", "tags", "list"], "invalid --format 'yaml': expected one of table, json"),
    (["--base-url", "http://127.0.0.1:18001#x", "tags", "list"],
     "invalid base URL 'http://127.0.0.1:18001#x': remove the query or fragment; expected https://HOST[:PORT]"),
    (["--base-url", "https://api.example.com?x=1", "tags", "list"],
     "invalid base URL 'https://api.example.com?x=1': remove the query or fragment; expected https://HOST[:PORT]"),
    (["--base-url", "https://user:secret@api.example.com", "tags", "list"],
     "invalid base URL 'https://***@api.example.com': remove the user name and password;"
       + " the API token comes from CELIGO_API_TOKEN or 'celigo login'"),
    (["--base-url", "http://127.0.0.1:99999", "tags", "list"],
     "invalid base URL 'http://127.0.0.1:99999': port 99999 is not between 1 and 65535"),
    (["--base-url", "https://api.integrator.io/v1", "tags", "list"],
     "invalid base URL 'https://api.integrator.io/v1': remove the trailing /v1, which celigo adds to every request path"),
    (["--region", "asia", "tags", "list"], "invalid --region 'asia': expected one of us, eu"),
    (["tags", "list", "--bogus"], "unknown option --bogus for 'tags list'; run 'celigo tags list --help'"),
    (["flows", "get", flow, "extra"], "unexpected argument 'extra' for 'flows get': usage: celigo flows get <flow>"),
    (["--base-url", "ftp://example.com", "tags", "list"],
     "invalid base URL 'ftp://example.com': expected https://HOST, or http://127.0.0.1:PORT for the emulator"),
  ]

  /// Command lines with control characters in a value, and the whole
  /// message: each control character is printed as a `\u{HEX}` escape.
  static let controlCases: [([String], String)] = [
    (["flows", "get", "\u{1B}[2J"],
     #"invalid flow ID '\u{1B}[2J': expected 24 hexadecimal characters, as shown by 'celigo flows list'"#),
    (["fl\u{1B}ows", "list"],
     #"unknown command 'fl\u{1B}ows' (did you mean 'flows'?); run 'celigo --help' for the list"#),
    (["flows", "g\u{07}et"],
     #"unknown action 'g\u{07}et' for 'flows' (did you mean 'get'?); actions: list, get, descendants, audit,"#
       + " dependencies, run, errors, jobs-latest, last-export-datetime"),
    (["flows", "list", "--a\u{1B}[2J"],
     #"unknown option --a\u{1B}[2J for 'flows list'; run 'celigo flows list --help'"#),
    (["flows", "get", flow, "x\ry"],
     #"unexpected argument 'x\u{0D}y' for 'flows get': usage: celigo flows get <flow>"#),
    (["jobs", "list", "--status", "run\u{7F}\u{9B}\u{202E}"],
     #"invalid --status 'run\u{7F}\u{9B}\u{202E}': expected one of queued, running, completed, failed,"#
       + " canceled, retrying, canceling"),
    (["jobs", "list", "--limit", "5\u{2028}"],
     #"invalid --limit '5\u{2028}': expected a whole number from 1 to 1000000"#),
    (["errors", "resolve"] + step + ["--ids", "1,\u{1B}c"],
     #"invalid --ids '\u{1B}c': error IDs are up to 64 digits 0-9, as shown by 'celigo errors list'"#),
    (["errors", "assign"] + step + ["--ids", "1", "--email", "ops@\u{1B}]0;x\u{07}"],
     #"invalid --email 'ops@\u{1B}]0;x\u{07}': expected an email address such as ops@example.com"#),
    (["errors", "update-retry-data"] + step + ["--key", "k", "--file", "/no/such\u{1B}[2J"],
     #"cannot read --file /no/such\u{1B}[2J: check that it is a readable file, or use - for standard input"#),
  ]

  @Test func controlCharactersEscaped() async throws {
    try await Self.expectRejected(Self.controlCases)
  }

  @Test func badValuesSendNothing() async throws {
    try await Self.expectRejected(Self.cases)
  }

  /// Runs each command line and expects exit 2, exactly `celigo: message`
  /// on stderr, and no request to the emulator.
  static func expectRejected(_ cases: [([String], String)]) async throws {
    let fixture = try EmulatorFixture()
    for (arguments, message) in cases {
      let result = try await fixture.run(arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stderr == "celigo: \(message)\n", "\(arguments)")
      #expect(result.stdout.isEmpty, "\(arguments)")
    }
    #expect(fixture.emulator.requests.isEmpty)
  }
}
