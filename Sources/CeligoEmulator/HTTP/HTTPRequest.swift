/// A parsed HTTP/1.1 request.
struct HTTPRequest: Sendable {
  let method: String
  /// Percent-decoded path, without the query.
  let path: String
  /// Percent-decoded query items in their original order.
  let query: [(String, String)]
  let headers: [(String, String)]
  let body: [UInt8]
  /// Protocol version from the request line, for example `HTTP/1.1`.
  var version = "HTTP/1.1"

  /// Returns the first header named `name`, compared case-insensitively.
  func header(_ name: String) -> String? {
    let lowered = name.lowercased()
    return headers.first(where: { $0.0.lowercased() == lowered })?.1
  }

  /// Returns the first query value of `name`.
  func queryValue(_ name: String) -> String? {
    query.first(where: { $0.0 == name })?.1
  }

  /// Returns every query value of `name`, for repeatable parameters.
  func queryValues(_ name: String) -> [String] {
    query.filter { $0.0 == name }.map(\.1)
  }

  /// Whether the connection closes after this response: on request, or
  /// by default for HTTP/1.0 unless the client asked for keep-alive.
  var wantsClose: Bool {
    let connection = header("Connection")?.lowercased() ?? ""
    if version == "HTTP/1.0" { return !connection.contains("keep-alive") }
    return connection.contains("close")
  }
}

/// Percent-decoding of URL paths and `application/x-www-form-urlencoded` queries.
enum URLDecoding {
  /// Decodes `%XX` escapes; with `plusIsSpace` also turns `+` into a space.
  static func decode(_ text: Substring, plusIsSpace: Bool) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var iterator = Array(text.utf8)[...]
    while let byte = iterator.popFirst() {
      if byte == UInt8(ascii: "%"), iterator.count >= 2,
        let high = hexValue(iterator[iterator.startIndex]),
        let low = hexValue(iterator[iterator.startIndex + 1])
      {
        bytes.append(high << 4 | low)
        iterator.removeFirst(2)
      } else if plusIsSpace, byte == UInt8(ascii: "+") {
        bytes.append(UInt8(ascii: " "))
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Splits a raw query string into decoded name and value pairs.
  static func queryItems(_ raw: Substring) -> [(String, String)] {
    raw.split(separator: "&", omittingEmptySubsequences: true).map { item in
      if let equals = item.firstIndex(of: "=") {
        return (
          decode(item[..<equals], plusIsSpace: true),
          decode(item[item.index(after: equals)...], plusIsSpace: true)
        )
      }
      return (decode(item, plusIsSpace: true), "")
    }
  }

  /// Percent-encodes a query name or value.
  static func encode(_ text: String) -> String {
    var output = ""
    for byte in text.utf8 {
      let isUnreserved =
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
        || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x2E || byte == 0x5F
        || byte == 0x7E
      if isUnreserved {
        output.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let digits = String(byte, radix: 16, uppercase: true)
        output += "%" + (digits.count == 1 ? "0" + digits : digits)
      }
    }
    return output
  }

  /// Builds `a=1&b=2` from query items, encoding each part.
  static func queryString(_ items: [(String, String)]) -> String {
    items.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: return byte - 0x30
    case 0x41...0x46: return byte - 0x41 + 10
    case 0x61...0x66: return byte - 0x61 + 10
    default: return nil
    }
  }
}
