import CeligoKit

/// Lays out completion candidates in columns, filled top to bottom like
/// `ls`, to print below the line being edited.
enum CompletionColumns {
  /// Returns `names` as rows that fit in `width` columns, each row ending
  /// in a newline. A name longer than `width` gets a row of its own.
  static func format(_ names: [String], width: Int) -> String {
    guard let longest = names.map(\.displayWidth).max() else {
      return ""
    }

    let gap = 2
    let columnWidth = longest + gap
    let columns = max(1, (width + gap) / columnWidth)
    let rows = (names.count + columns - 1) / columns

    var text = ""
    for row in 0..<rows {
      var line = ""
      for column in 0..<columns {
        let index = column * rows + row
        guard index < names.count else {
          break
        }
        let name = names[index]
        let isLastInRow = column == columns - 1 || index + rows >= names.count
        line += isLastInRow ? name : name.padding(toDisplayWidth: columnWidth)
      }
      text += line + "\n"
    }
    return text
  }
}
