/// One titled table of a report command such as `health`: a heading with a
/// count, then aligned rows, or a single line when there is nothing to show.
struct ReportSection {
  let title: String
  let columns: [TableColumn]
  let rows: [JSONValue]
  /// The text after the title when there are no rows, such as `none`.
  let emptyText: String

  init(_ title: String, _ columns: [TableColumn], _ rows: [JSONValue], emptyText: String = "none") {
    self.title = title
    self.columns = columns
    self.rows = rows
    self.emptyText = emptyText
  }

  /// Returns the section's text, ending with a blank line.
  func render(width: Int?, color: Bool) -> String {
    guard !rows.isEmpty else { return "\(title): \(emptyText)\n\n" }
    let table = TableRenderer.render(
      headers: columns.map(\.header), rows: rows.map { row in columns.map { $0.cell(row) } },
      flexible: columns.map(\.flexible), width: width, color: color)
    return "\(title) (\(rows.count))\n" + table + "\n"
  }
}

extension OutputWriter {
  /// Prints report sections as text.
  func sections(_ sections: [ReportSection]) {
    text(sections.map { $0.render(width: terminal.outputWidth, color: terminal.colorOutput) }.joined())
  }
}
