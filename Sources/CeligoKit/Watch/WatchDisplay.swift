import Foundation

/// Progress output of a watched run. On a terminal, each job has one line
/// that is redrawn in place with ANSI cursor moves. Elsewhere a line is
/// printed per change, and with `--format json` one JSON object per event.
final class WatchDisplay: @unchecked Sendable {
  enum Mode {
    case live(width: Int)
    case lines
    case json
  }

  let mode: Mode
  let output: OutputWriter
  var names = StepNames()
  /// The last reported signature of each job, by job ID.
  private var reported: [String: String] = [:]
  /// Lines of the block drawn last, in live mode.
  private var drawnLines = 0

  init(output: OutputWriter, terminalWidth: Int?) {
    self.output = output
    if output.format == .json {
      mode = .json
    } else if let terminalWidth {
      mode = .live(width: terminalWidth)
    } else {
      mode = .lines
    }
  }

  /// Prints one JSON event line in JSON mode, or `text` in the other modes.
  func announce(event: JSONValue, text: String) {
    if case .json = mode {
      output.text(event.serialized())
    } else {
      output.text(text)
    }
  }

  /// Shows a new snapshot: redraws the block, or prints what changed.
  func show(_ snapshot: RunSnapshot, now: Date = Date()) {
    let jobs = snapshot.all
    switch mode {
    case .live(let width):
      let labelWidth = jobs.map { names.label($0).displayWidth }.max() ?? 0
      // Move to the start of the block drawn last and clear to the end of
      // the screen. Lines are cut to the width, since a wrapped line would
      // throw off the count of lines to move up.
      var block = (drawnLines > 0 ? "\u{1B}[\(drawnLines)F" : "") + "\u{1B}[J"
      for job in jobs {
        block += line(job, labelWidth: labelWidth, now: now).prefix(displayWidth: max(width - 1, 20)) + "\n"
      }
      output.text(block)
      drawnLines = jobs.count
    case .lines:
      for job in jobs where reported[job.id] != job.signature {
        reported[job.id] = job.signature
        output.text(line(job, labelWidth: 0, now: now))
      }
    case .json:
      for job in jobs where reported[job.id] != job.signature {
        reported[job.id] = job.signature
        let event: JSONValue = [
          "event": "job", "type": .string(job.type), "name": .string(names.label(job)), "job": job.raw,
        ]
        output.text(event.serialized())
      }
    }
  }

  /// Returns `  import  Create Sales Order  running  pages 2  success 38  errors 2  ignored 0  1.2s`.
  func line(_ job: JobProgress, labelWidth: Int, now: Date) -> String {
    let kind = (job.type == "flow" ? "" : "  ") + job.type
    let label = names.label(job)
    // Foundation's padding(toLength:) counts UTF-16 code units and cuts
    // longer text, so it would drop the end of a name with an emoji.
    var parts = [
      kind.padding(toDisplayWidth: 8), label.padding(toDisplayWidth: labelWidth),
      job.status.padding(toDisplayWidth: 9),
      "pages \(job.pages)", "success \(job.success)", "errors \(job.errors)", "ignored \(job.ignored)",
    ]
    if let elapsed = job.elapsed(now: now) { parts.append(WaitTime.text(elapsed)) }
    return parts.joined(separator: "  ")
  }
}

/// Lengths of time as people read them: `4.2s`, `3m05s`, `1h02m`.
enum WaitTime {
  static func text(_ seconds: TimeInterval) -> String {
    if seconds < 60 { return String(format: "%.1fs", seconds) }
    let whole = Int(seconds)
    if whole < 3600 { return String(format: "%dm%02ds", whole / 60, whole % 60) }
    return String(format: "%dh%02dm", whole / 3600, whole % 3600 / 60)
  }

  /// Writes a limit given in whole seconds as it would be typed: `90s`, `30m`, `2h`.
  static func limit(_ seconds: Int) -> String {
    if seconds % 3600 == 0 { return "\(seconds / 3600)h" }
    if seconds % 60 == 0 { return "\(seconds / 60)m" }
    return "\(seconds)s"
  }
}
