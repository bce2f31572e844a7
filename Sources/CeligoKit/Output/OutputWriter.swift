import Foundation

/// Renders command results in the chosen format: JSON as the API sent it
/// (a paged list as one array, streamed page by page), or tables.
public final class OutputWriter: @unchecked Sendable {
  public let format: OutputFormat
  let terminal: TerminalIO
  /// Receives every record printed, with its kind; the runner sets it
  /// before the handler runs.
  public var onRecords: (@Sendable (PrintedRecords) -> Void)?
  /// The kind of the record `record(_:)` prints, such as `.flow` for
  /// `flows get`; nil when the record is no resource of its own.
  public var recordKind: ResourceKind?

  public init(format: OutputFormat, terminal: TerminalIO) {
    self.format = format
    self.terminal = terminal
  }

  /// Starts a list; add each page of records, then call `finish()`.
  public func list(_ layout: TableLayout) -> ListWriter {
    ListWriter(writer: self, layout: layout)
  }

  /// Prints a whole list at once.
  public func records(_ records: [JSONValue], _ layout: TableLayout) {
    let writer = list(layout)
    writer.add(records)
    writer.finish()
  }

  /// Prints one record: pretty JSON, or one `field  value` line per field.
  public func record(_ value: JSONValue) {
    if let recordKind, let onRecords {
      onRecords(PrintedRecords(kind: recordKind, records: [value], isList: false))
    }
    switch format {
    case .json:
      terminal.writeOutput(value.serialized(pretty: true) + "\n")
    case .table:
      guard let pairs = value.objectPairs else {
        terminal.writeOutput(value.serialized(pretty: true) + "\n")
        return
      }
      let rows = pairs.map { pair -> [String] in
        switch pair.value {
        case .array, .object: return [pair.key, pair.value.serialized()]
        default: return [pair.key, pair.value.cellText]
        }
      }
      terminal.writeOutput(
        TableRenderer.render(
          headers: ["FIELD", "VALUE"], rows: rows, flexible: [false, true],
          width: terminal.outputWidth, color: terminal.colorOutput))
    }
  }

  /// Prints the API's response in JSON format, or a sentence in table format.
  /// With `kind`, `json` is a record of that kind, such as a created tag,
  /// so its ID goes to `onRecords`: the ID cache and the shell's `$_`.
  public func result(json: JSONValue?, text: String, kind: ResourceKind? = nil) {
    if let kind, let json, let onRecords {
      onRecords(PrintedRecords(kind: kind, records: [json], isList: false))
    }
    if format == .json {
      terminal.writeOutput((json ?? .object([])).serialized(pretty: true) + "\n")
    } else {
      terminal.writeOutput(text + "\n")
    }
  }

  /// Prints text as is, in every format.
  public func text(_ text: String) {
    terminal.writeOutput(text.hasSuffix("\n") || text.isEmpty ? text : text + "\n")
  }

  /// Prints a diagnostic on stderr.
  public func note(_ text: String) {
    terminal.writeError(text + "\n")
  }
}

/// A list being printed: JSON items are written as each page arrives so a
/// large list never sits in memory whole; table rows keep only their cells.
public final class ListWriter: @unchecked Sendable {
  let writer: OutputWriter
  let layout: TableLayout
  let columns: [TableColumn]
  var rows: [[String]] = []
  var count = 0
  let lock = NSLock()

  init(writer: OutputWriter, layout: TableLayout) {
    self.writer = writer
    self.layout = layout
    self.columns = layout.columns
  }

  /// The number of records added so far.
  public var recordCount: Int { lock.withLock { count } }

  /// Adds one page of records.
  public func add(_ records: [JSONValue]) {
    lock.lock()
    defer { lock.unlock() }
    if let kind = layout.resourceKind, let onRecords = writer.onRecords, !records.isEmpty {
      onRecords(PrintedRecords(kind: kind, records: records, isList: true))
    }
    switch writer.format {
    case .json:
      var bytes: [UInt8] = []
      for record in records {
        bytes.append(contentsOf: count == 0 ? Array("[\n  ".utf8) : Array(",\n  ".utf8))
        record.write(into: &bytes, pretty: true, indent: 1)
        count += 1
      }
      if !bytes.isEmpty { writer.terminal.writeOutput(String(decoding: bytes, as: UTF8.self)) }
    case .table:
      for record in records {
        rows.append(columns.map { $0.cell(record) })
        count += 1
      }
    }
  }

  /// Ends the list: closes the JSON array, or prints the table.
  public func finish() {
    lock.lock()
    defer { lock.unlock() }
    switch writer.format {
    case .json:
      writer.terminal.writeOutput(count == 0 ? "[]\n" : "\n]\n")
    case .table:
      if rows.isEmpty {
        writer.terminal.writeError("(no records)\n")
        return
      }
      writer.terminal.writeOutput(
        TableRenderer.render(
          headers: columns.map(\.header), rows: rows, flexible: columns.map(\.flexible),
          optional: columns.map(\.optional),
          width: writer.terminal.outputWidth, color: writer.terminal.colorOutput))
    }
  }
}
