import Testing

@testable import CeligoKit

/// Tables whose names contain wide characters, emoji and combining marks. The
/// expected lines are written so that they line up in a monospaced editor
/// that draws CJK and emoji two cells wide, as terminals do.
@Suite struct TableRendererTests {
  /// Renders an ID, NAME, STATUS table in which NAME may shrink.
  func render(_ rows: [[String]], width: Int? = nil) -> String {
    TableRenderer.render(
      headers: ["ID", "NAME", "STATUS"], rows: rows, flexible: [false, true, false], width: width,
      color: false)
  }

  /// Joins table lines, each ended by a newline as the renderer ends them.
  func lines(_ lines: String...) -> String {
    lines.map { $0 + "\n" }.joined()
  }

  @Test func asciiNamesAlign() {
    let text = render([["1", "Orders", "ok"], ["22", "Customer sync", "failed"]])

    #expect(
      text
        == lines(
          "ID  NAME           STATUS",
          "1   Orders         ok",
          "22  Customer sync  failed"))
  }

  @Test func cjkNamesTakeTwoCellsPerCharacter() {
    let text = render([["1", "Orders", "ok"], ["2", "受注の同期", "ok"], ["3", "ｱｲｳ", "ok"]])

    #expect(
      text
        == lines(
          "ID  NAME        STATUS",
          "1   Orders      ok",
          "2   受注の同期  ok",
          "3   ｱｲｳ         ok"))
  }

  @Test func emojiNamesTakeTwoCells() {
    let text = render([
      ["1", "Orders", "ok"],
      ["2", "Deploy 🚀", "ok"],
      ["3", "👩‍💻 Team", "ok"],
      ["4", "🇯🇵 Orders", "ok"],
      ["5", "❤️ Fans", "ok"],
    ])

    #expect(
      text
        == lines(
          "ID  NAME       STATUS",
          "1   Orders     ok",
          "2   Deploy 🚀  ok",
          "3   👩‍💻 Team    ok",
          "4   🇯🇵 Orders  ok",
          "5   ❤️ Fans    ok"))
  }

  @Test func combiningMarksTakeNoCells() {
    // Decomposed accents (e + U+0301) and decomposed Hangul (three jamo
    // that draw as one two-cell syllable).
    let text = render([
      ["1", "Cafe\u{301} Que\u{301}bec", "ok"],
      ["2", "Orders", "ok"],
      ["3", "\u{1112}\u{1161}\u{11AB} sync", "ok"],
    ])

    #expect(
      text
        == lines(
          "ID  NAME         STATUS",
          "1   Cafe\u{301} Que\u{301}bec  ok",
          "2   Orders       ok",
          "3   \u{1112}\u{1161}\u{11AB} sync      ok"))
  }

  @Test func truncationStopsBeforeWideCharacter() {
    // NAME shrinks from 18 cells to 8, which leaves 7 for text before the
    // ellipsis. The fourth character would need cells 7 and 8, so the cut
    // stops after 6 cells and one more space pads the column.
    let text = render([["1", "受注の同期処理です", "ok"]], width: 20)

    #expect(
      text
        == lines(
          "ID  NAME      STATUS",
          "1   受注の…   ok"))
  }

  @Test func truncationKeepsEmojiSequenceWhole() {
    let text = render([["1", "Ops 2 👩‍💻 rota", "ok"]], width: 20)

    #expect(
      text
        == lines(
          "ID  NAME      STATUS",
          "1   Ops 2 …   ok"))
  }

  @Test func truncationKeepsAccentWithLetter() {
    let text = render([["1", "Re\u{301}sume\u{301}s de\u{301}pose\u{301}s", "ok"]], width: 20)

    #expect(
      text
        == lines(
          "ID  NAME      STATUS",
          "1   Re\u{301}sume\u{301}s…  ok"))
  }

  @Test func lineBreaksInCellsBecomeSpaces() {
    let text = render([["1", "first\r\nsecond\tthird", "ok"]])

    #expect(
      text
        == lines(
          "ID  NAME                STATUS",
          "1   first second third  ok"))
  }

  @Test(arguments: [
    ("plain", 5),
    ("受注", 4),
    ("ｱ", 1),
    ("Ａ", 2),
    ("🚀", 2),
    ("👩‍💻", 2),
    ("🇯🇵", 2),
    ("❤️", 2),
    ("❤", 1),
    ("⌚︎", 1),
    ("1️⃣", 2),
    ("e\u{301}", 1),
    ("\u{301}", 0),
    ("a\u{200D}b", 2),
    ("\u{1112}\u{1161}\u{11AB}", 2),
    ("soft\u{AD}hyphen", 11),
  ])
  func displayWidthCountsCells(text: String, cells: Int) {
    #expect(text.displayWidth == cells)
  }

  @Test func prefixCutsBetweenGraphemes() {
    #expect("受注の同期".prefix(displayWidth: 5) == "受注")
    #expect("a👩‍💻b".prefix(displayWidth: 2) == "a")
    #expect("a👩‍💻b".prefix(displayWidth: 3) == "a👩‍💻")
    #expect("e\u{301}x".prefix(displayWidth: 1) == "e\u{301}")
    #expect("abc".prefix(displayWidth: 0) == "")
  }
}
