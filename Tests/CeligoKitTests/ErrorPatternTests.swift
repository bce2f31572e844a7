import Testing

@testable import CeligoKit

@Suite struct ErrorPatternTests {
  @Test func numbersBecomePlaceholders() {
    let first = ErrorPattern.normalize("You have entered an Invalid Field Value 123 for the following field: item")
    let second = ErrorPattern.normalize("You have entered an Invalid Field Value 4567 for the following field: item")
    #expect(first == "You have entered an Invalid Field Value <n> for the following field: item")
    #expect(second == first)
  }

  @Test func mixedWordsBecomeIDs() {
    let message = "duplicate value found: NetSuite_Id__c duplicates value on record with id: 0015e00000KxR2vAAF"
    #expect(ErrorPattern.normalize(message) == "duplicate value found: NetSuite_Id__c duplicates value on record with id: <id>")
  }

  @Test func shortNamesWithDigitsStay() {
    #expect(ErrorPattern.normalize("X12 failed on v2 at page 3") == "X12 failed on v2 at page <n>")
  }

  @Test func quotedValuesBecomeValue() {
    let message = "SQL compilation error: Object 'ANALYTICS.HUBSPOT.DEALS' does not exist or not authorized."
    #expect(ErrorPattern.normalize(message) == "SQL compilation error: Object '<value>' does not exist or not authorized.")
    #expect(ErrorPattern.normalize(#"Field "email" is "a b""#) == #"Field "<value>" is "<value>""#)
  }

  @Test func apostrophesAreNotQuotes() {
    #expect(ErrorPattern.normalize("The record doesn't exist and can't be read") == "The record doesn't exist and can't be read")
  }

  @Test func whiteSpaceFolds() {
    #expect(ErrorPattern.normalize("  Please enter\nvalue(s)   for: Customer ") == "Please enter value(s) for: Customer")
  }
}
