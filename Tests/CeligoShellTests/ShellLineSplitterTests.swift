import Testing

@testable import CeligoShell

@Suite struct ShellLineSplitterTests {
  @Test(arguments: [
    ("flows list", ["flows", "list"]),
    ("  flows   list  ", ["flows", "list"]),
    ("flows\tlist", ["flows", "list"]),
    ("", []),
    ("   ", []),
    ("tags create 'Needs review'", ["tags", "create", "Needs review"]),
    ("tags create \"Needs review\"", ["tags", "create", "Needs review"]),
    ("tags create Needs\\ review", ["tags", "create", "Needs review"]),
    ("echo ''", ["echo", ""]),
    ("echo \"\"", ["echo", ""]),
    ("a'b c'd", ["ab cd"]),
    ("'it\"s'", ["it\"s"]),
    ("\"it's\"", ["it's"]),
    ("'a\\b'", ["a\\b"]),
    ("\"a\\\"b\"", ["a\"b"]),
    ("\"a\\\\b\"", ["a\\b"]),
    ("\"a\\nb\"", ["a\\nb"]),
    ("a\\\"b", ["a\"b"]),
    ("--errors '[{\"id\":\"e1\"}]'", ["--errors", "[{\"id\":\"e1\"}]"]),
    ("flows get café", ["flows", "get", "café"]),
    // A combining mark after a quote or blank forms one grapheme cluster
    // with it, but the quote and the blank still count.
    ("tags create '\u{301}x'", ["tags", "create", "\u{301}x"]),
    ("a \u{301}b", ["a", "\u{301}b"]),
    ("'a' '\u{1A5B}'", ["a", "\u{1A5B}"]),
  ])
  func splitsWords(line: String, expected: [String]) throws {
    #expect(try ShellLineSplitter.split(line) == expected)
  }

  @Test(arguments: [
    ("flows get 'abc", ShellLineSplitError.unterminatedSingleQuote),
    ("flows get \"abc", .unterminatedDoubleQuote),
    ("flows get \"abc\\\"", .unterminatedDoubleQuote),
    ("flows get abc\\", .trailingBackslash),
  ])
  func rejectsUnfinishedLines(line: String, expected: ShellLineSplitError) {
    #expect(throws: expected) {
      try ShellLineSplitter.split(line)
    }
  }

  @Test func errorMessageNamesTheFix() {
    #expect(ShellLineSplitError.unterminatedSingleQuote.description.contains("close the '"))
    #expect(ShellLineSplitError.trailingBackslash.description.contains("remove it"))
  }

  @Test func scanKeepsUnfinishedWord() {
    let scan = ShellLineSplitter.scan("tags create 'Needs re")

    #expect(scan.words == ["tags", "create", "Needs re"])
    #expect(scan.endsInWord)
    #expect(scan.error == .unterminatedSingleQuote)
  }

  @Test func scanAfterBlankEndsOutsideWord() {
    let scan = ShellLineSplitter.scan("flows ")

    #expect(scan.words == ["flows"])
    #expect(!scan.endsInWord)
    #expect(scan.error == nil)
  }
}
