import Foundation

extension JSONValue {
  /// Serializes to JSON text: compact by default, or pretty-printed with
  /// two-space indentation and `": "` separators.
  public func serialized(pretty: Bool = false) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(256)
    write(into: &output, pretty: pretty, indent: 0)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends the JSON text of this value to `output`.
  public func write(into output: inout [UInt8], pretty: Bool, indent: Int) {
    switch self {
    case .null: output.append(contentsOf: "null".utf8)
    case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
    case .int(let number): output.append(contentsOf: String(number).utf8)
    case .double(let number): output.append(contentsOf: Self.format(number).utf8)
    case .string(let text): Self.writeString(text, into: &output)
    case .array(let items):
      if items.isEmpty {
        output.append(contentsOf: "[]".utf8)
        return
      }
      output.append(UInt8(ascii: "["))
      for (position, item) in items.enumerated() {
        if position > 0 { output.append(UInt8(ascii: ",")) }
        if pretty { Self.newline(into: &output, indent: indent + 1) }
        item.write(into: &output, pretty: pretty, indent: indent + 1)
      }
      if pretty { Self.newline(into: &output, indent: indent) }
      output.append(UInt8(ascii: "]"))
    case .object(let pairs):
      if pairs.isEmpty {
        output.append(contentsOf: "{}".utf8)
        return
      }
      output.append(UInt8(ascii: "{"))
      for (position, pair) in pairs.enumerated() {
        if position > 0 { output.append(UInt8(ascii: ",")) }
        if pretty { Self.newline(into: &output, indent: indent + 1) }
        Self.writeString(pair.key, into: &output)
        output.append(UInt8(ascii: ":"))
        if pretty { output.append(UInt8(ascii: " ")) }
        pair.value.write(into: &output, pretty: pretty, indent: indent + 1)
      }
      if pretty { Self.newline(into: &output, indent: indent) }
      output.append(UInt8(ascii: "}"))
    }
  }

  private static func newline(into output: inout [UInt8], indent: Int) {
    output.append(0x0A)
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
  }

  private static func format(_ number: Double) -> String {
    guard number.isFinite else { return "null" }
    if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
    return String(number)
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  private static func writeString(_ text: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
      case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0x00..<0x20:
        output.append(contentsOf: Array("\\u00".utf8))
        output.append(hexDigits[Int(byte >> 4)])
        output.append(hexDigits[Int(byte & 0x0F)])
      default: output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}
