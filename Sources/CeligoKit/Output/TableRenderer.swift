/// Lays out rows of cells as aligned columns. When the table is wider than
/// the terminal, flexible columns are shortened with an ellipsis, and
/// optional columns are left out before names get too short to read.
/// Widths count terminal cells (`displayWidth`), so wide characters, emoji
/// and combining marks keep the columns aligned.
public enum TableRenderer {
  /// Returns the table text, one line per row plus the header.
  public static func render(
    headers: [String], rows: [[String]], flexible: [Bool], optional: [Bool] = [], width: Int?,
    color: Bool
  ) -> String {
    let separator = 2
    let cleanRows = rows.map { $0.map(clean) }
    var widths = headers.map(\.displayWidth)
    for row in cleanRows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.displayWidth)
      }
    }
    var keptColumns = Array(headers.indices)
    if let width {
      let natural = widths
      let readable = 40
      shrink(&widths, headers: headers, flexible: flexible, to: width, separator: separator, floor: readable)
      // Optional columns go, from the right, before flexible ones shrink below readable.
      while total(widths, keptColumns, separator) > width,
        let drop = keptColumns.last(where: { $0 < optional.count && optional[$0] })
      {
        keptColumns.removeAll { $0 == drop }
      }
      var keptWidths = keptColumns.map { natural[$0] }
      shrink(
        &keptWidths, headers: keptColumns.map { headers[$0] }, flexible: keptColumns.map { flexible[$0] }, to: width,
        separator: separator, floor: 8)
      for (position, index) in keptColumns.enumerated() { widths[index] = keptWidths[position] }
    }
    let headers = keptColumns.map { headers[$0] }
    let keptRows = cleanRows.map { row in keptColumns.map { $0 < row.count ? row[$0] : "" } }
    widths = keptColumns.map { widths[$0] }

    var output = ""
    let header = line(headers, widths: widths, separator: separator)
    output += color ? "\u{1B}[1m\(header)\u{1B}[0m\n" : header + "\n"
    for row in keptRows {
      output += line(row, widths: widths, separator: separator) + "\n"
    }
    return output
  }

  static func line(_ cells: [String], widths: [Int], separator: Int) -> String {
    var text = ""
    for (index, width) in widths.enumerated() {
      let cell = index < cells.count ? cells[index] : ""
      let fitted = cell.displayWidth > width ? cell.prefix(displayWidth: max(width - 1, 0)) + "…" : cell
      if index == widths.count - 1 {
        text += fitted
      } else {
        // A wide character that did not fit leaves the cut one cell short,
        // so the padding is measured, not assumed.
        text += fitted + String(repeating: " ", count: width - fitted.displayWidth + separator)
      }
    }
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }

  /// Replaces line breaks and tabs, which would break the row layout, with
  /// spaces. `isNewline` also matches `\r\n`, which Swift reads as one
  /// character.
  static func clean(_ cell: String) -> String {
    guard cell.contains(where: isLayoutBreaking) else { return cell }
    return String(cell.map { isLayoutBreaking($0) ? " " : $0 })
  }

  private static func isLayoutBreaking(_ character: Character) -> Bool {
    character.isNewline || character == "\t"
  }

  static func total(_ widths: [Int], _ columns: [Int], _ separator: Int) -> Int {
    columns.map { widths[$0] }.reduce(0, +) + separator * max(columns.count - 1, 0)
  }

  /// Narrows the widest flexible column, one cell at a time, until the
  /// table fits or every flexible column is down to `floor` (or its header).
  static func shrink(
    _ widths: inout [Int], headers: [String], flexible: [Bool], to limit: Int, separator: Int,
    floor minimum: Int
  ) {
    var total = widths.reduce(0, +) + separator * max(widths.count - 1, 0)
    while total > limit {
      var widest: Int?
      for index in widths.indices where flexible[index] {
        let floor = max(headers[index].displayWidth, minimum)
        guard widths[index] > floor else { continue }
        if widest.map({ widths[index] > widths[$0] }) ?? true { widest = index }
      }
      guard let index = widest else { return }
      widths[index] -= 1
      total -= 1
    }
  }
}
