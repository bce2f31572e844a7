import CeligoKit

/// Records behind demo errors. Retry data is made on demand from the retry
/// data key, so 20,000 bulk errors cost nothing until someone reads one.
enum DemoRecords {
  /// Returns the trace key (the record's business id) for a retry data key.
  static func traceKey(kind: String, retryDataKey: String) -> String {
    var generator = SeededGenerator(seed: hash(retryDataKey))
    let number = generator.int(1000...99999)
    switch kind {
    case "order": return "#\(number)"
    case "fulfillment": return "IF\(number)"
    case "opportunity": return "0065e00000" + generator.hex(8).uppercased()
    case "customer": return "CUST\(number)"
    case "deal": return String(9_000_000_000 + number)
    case "purchaseOrder": return "PO-45\(number)"
    default: return generator.hex(10)
    }
  }

  /// Returns the record a retry would send again.
  static func retryData(kind: String, retryDataKey: String) -> JSONValue {
    let trace = traceKey(kind: kind, retryDataKey: retryDataKey)
    var generator = SeededGenerator(seed: hash(retryDataKey) ^ 0x5EED)
    let skus = ["ACME-10231", "ACME-10477", "ACME-20019", "ACME-30550", "ACME-41002"]
    let lines: JSONValue = .array((0..<generator.int(1...4)).map { index in
      [
        "line": .int(Int64(index + 1)), "sku": .string(generator.pick(skus)),
        "quantity": .int(Int64(generator.int(1...6))), "price": .string("\(generator.int(8...180)).00"),
        "item": "123",
      ]
    })
    switch kind {
    case "order", "purchaseOrder", "opportunity":
      return [
        "id": .string(trace), "name": .string(trace),
        "email": .string("customer\(generator.int(100...999))@example.com"),
        "currency": "USD", "total_price": .string("\(generator.int(20...900)).00"),
        "line_items": lines,
        "shipping_address": ["address1": "100 Main St", "city": "Columbus", "province_code": "OH", "zip": "43004", "country_code": "US"],
      ]
    case "fulfillment":
      return ["id": .string(trace), "orderId": .string("\(generator.int(5_000_000...5_999_999))"), "tracking_number": .string("1Z999AA1\(generator.int(10_000_000...99_999_999))"), "line_items": lines]
    case "customer":
      return ["internalId": .string(trace), "companyName": .string("Customer \(trace)"), "email": .string("ap\(generator.int(10...99))@example.com"), "NetSuite_Id__c": .string(trace)]
    case "deal":
      return ["id": .string(trace), "properties": ["dealname": .string("Deal \(trace)"), "amount": .string("\(generator.int(1000...90000))"), "dealstage": "closedwon"]]
    default:
      return ["id": .string(trace), "text": "Order delayed more than 48 hours"]
    }
  }

  /// FNV-1a hash of a string, as a seed.
  static func hash(_ text: String) -> UInt64 {
    var value: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      value ^= UInt64(byte)
      value &*= 0x0000_0100_0000_01B3
    }
    return value
  }
}

/// What a run started through the API will do, by flow name.
enum DemoRunPlan {
  /// Returns the records a new run of the named flow handles, how many of
  /// them fail, and whether the whole run fails.
  static func plan(forFlowNamed name: String, generator: inout SeededGenerator)
    -> (records: Int, errors: Int, fails: Bool)
  {
    guard let spec = DemoCatalog.flows.first(where: { $0.name == name && $0.everyMinutes != nil })
    else { return (generator.int(1...20), 0, false) }
    let fails = spec.recentFailures > 0
    let records = max(generator.int(spec.records), spec.errorsPerRun + 3)
    return (records, spec.errorsPerRun, fails)
  }
}
