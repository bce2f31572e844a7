import Testing

@testable import CeligoKit

@Suite struct JSONValueTests {
  @Test func parseKeepsKeyOrder() throws {
    let value = try JSONValue.parse(#"{"z":1,"a":[true,null,"x"],"m":{"k":-2.5}}"#)
    #expect(value.objectPairs?.map(\.key) == ["z", "a", "m"])
    #expect(value.serialized() == #"{"z":1,"a":[true,null,"x"],"m":{"k":-2.5}}"#)
  }

  @Test func parseEscapesAndUnicode() throws {
    let value = try JSONValue.parse(#"["a\"b\\c\nd", "\u00e9\ud83d\ude00", "/"]"#)
    #expect(value == ["a\"b\\c\nd", "é😀", "/"])
    #expect(value.serialized() == #"["a\"b\\c\nd","é😀","/"]"#)
  }

  @Test func parseRejectsMalformedInput() {
    for text in ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"abc", "1 2", "{\"a\":1,}", "01x", "-"] {
      #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }
  }

  @Test func prettyPrintsNestedValues() {
    let value: JSONValue = ["a": [1, 2], "b": [:], "c": []]
    #expect(value.serialized(pretty: true) == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {},\n  \"c\": []\n}")
  }

  @Test func numbersKeepIntegerForm() throws {
    let value = try JSONValue.parse("[1700000000000, 1.5, -3, 2e3]")
    #expect(value.serialized() == "[1700000000000,1.5,-3,2000]")
  }

  @Test func settingReplacesInPlace() {
    let value: JSONValue = ["a": 1, "b": 2]
    #expect(value.setting("a", to: 9).serialized() == #"{"a":9,"b":2}"#)
    #expect(value.setting("c", to: 3).serialized() == #"{"a":1,"b":2,"c":3}"#)
  }
}
