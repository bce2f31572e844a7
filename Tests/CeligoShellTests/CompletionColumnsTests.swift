import Testing

@testable import CeligoShell

@Suite struct CompletionColumnsTests {
  @Test func fillsColumnsTopToBottom() {
    let text = CompletionColumns.format(["aa", "bb", "cc", "dd", "ee"], width: 12)

    #expect(text == "aa  cc  ee\nbb  dd\n")
  }

  @Test func oneColumnWhenNarrow() {
    let text = CompletionColumns.format(["connections", "caches"], width: 5)

    #expect(text == "connections\ncaches\n")
  }

  @Test func oneRowWhenWide() {
    let text = CompletionColumns.format(["get", "list", "run"], width: 80)

    #expect(text == "get   list  run\n")
  }

  @Test func wideNamesCountTwoCells() {
    // 受注 and 発送 take four cells each, so only two columns fit in 12.
    let text = CompletionColumns.format(["受注", "発送", "abc"], width: 12)

    #expect(text == "受注  abc\n発送\n")
  }

  @Test func noNamesGiveNoText() {
    #expect(CompletionColumns.format([], width: 80) == "")
  }
}
