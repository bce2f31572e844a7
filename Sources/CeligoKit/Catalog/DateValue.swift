import Foundation

/// Dates on the command line: ISO 8601, a plain date, epoch milliseconds,
/// or an age such as `24h` meaning that long before now. The API takes UTC
/// ISO 8601 with milliseconds, which `format` writes.
public enum DateValue {
  /// Returns the date, or nil when the text is not one of the accepted forms
  /// or the date falls outside 1970 to 9999.
  public static func parse(_ text: String, now: Date) -> Date? {
    guard hasRealCalendarDay(text), let date = parseAnyForm(text, now: now) else { return nil }
    return (0...latest).contains(date.timeIntervalSince1970) ? date : nil
  }

  /// The start of the year 10000: later dates do not fit ISO 8601's four-digit year.
  static let latest = 253_402_300_800.0

  static func parseAnyForm(_ text: String, now: Date) -> Date? {
    if let age = parseAge(text) { return now.addingTimeInterval(-age) }
    if text.count == 13, let millis = Int64(text) {
      return Date(timeIntervalSince1970: Double(millis) / 1000)
    }
    let fractional = ISO8601DateFormatter()
    fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = fractional.date(from: text) { return date }
    let plain = ISO8601DateFormatter()
    if let date = plain.date(from: text) { return date }
    let day = ISO8601DateFormatter()
    day.formatOptions = [.withFullDate]
    if text.count == 10, let date = day.date(from: text) { return date }
    return nil
  }

  /// Returns false for a `YYYY-MM-DD…` text whose day does not exist, such
  /// as 2026-02-30, which the ISO 8601 parser would move into March.
  static func hasRealCalendarDay(_ text: String) -> Bool {
    let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
    guard text.count >= 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
      let day = Int(parts[2])
    else { return true }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    guard (1...12).contains(month),
      let first = calendar.date(from: DateComponents(year: year, month: month, day: 1)),
      let days = calendar.range(of: .day, in: .month, for: first)
    else { return false }
    return days.contains(day)
  }

  /// Parses `90s`, `30m`, `24h`, `7d` or `2w` into seconds.
  static func parseAge(_ text: String) -> TimeInterval? {
    let digits = text.dropLast()
    guard let unit = text.last, !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) || $0 == "." }),
      let amount = Double(digits), amount.isFinite
    else {
      return nil
    }
    let scale: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800]
    return scale[unit].map { amount * $0 }
  }

  /// Writes a date as `2026-11-30T08:00:00.000Z`.
  public static func format(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: date)
  }
}
