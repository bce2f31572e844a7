import CeligoKit
import Foundation

@testable import CeligoShell

/// A small account in an ID cache kept in memory: two integrations with
/// similar names, flows in each, and the steps of two flows.
enum WorkbenchFixture {
  static let shopify = "aaaaaaaaaaaaaaaaaaaaaa01"
  static let sandbox = "aaaaaaaaaaaaaaaaaaaaaa02"
  static let salesforce = "aaaaaaaaaaaaaaaaaaaaaa03"
  static let orderFlow = "bbbbbbbbbbbbbbbbbbbbbb01"
  static let refundFlow = "bbbbbbbbbbbbbbbbbbbbbb02"
  static let sandboxOrderFlow = "bbbbbbbbbbbbbbbbbbbbbb03"
  static let accountFlow = "bbbbbbbbbbbbbbbbbbbbbb04"
  static let getOrders = "cccccccccccccccccccccc01"
  static let createOrder = "dddddddddddddddddddddd01"
  static let tagOrder = "dddddddddddddddddddddd02"
  static let createMemo = "dddddddddddddddddddddd03"

  static func cache(directory: URL? = nil) -> IDCache {
    let cache = IDCache(directory: directory)
    cache.record(
      .integration,
      [
        ["_id": .string(shopify), "name": "Shopify - NetSuite"],
        ["_id": .string(sandbox), "name": "Shopify - NetSuite (Sandbox)"],
        ["_id": .string(salesforce), "name": "Salesforce - NetSuite"],
      ])
    cache.record(.import, [
      ["_id": .string(createOrder), "name": "Create NetSuite Sales Order", "_integrationId": .string(shopify)],
      ["_id": .string(tagOrder), "name": "Tag Shopify Order", "_integrationId": .string(shopify)],
      ["_id": .string(createMemo), "name": "Create Credit Memo", "_integrationId": .string(shopify)],
    ])
    cache.record(.export, [["_id": .string(getOrders), "name": "Get Shopify Orders"]])
    cache.record(
      .flow,
      [
        flow(orderFlow, "Shopify Order to NetSuite Sales Order", shopify, exports: [getOrders], imports: [createOrder, tagOrder]),
        flow(refundFlow, "Shopify Refund to NetSuite Credit Memo", shopify, exports: [], imports: [createMemo]),
        flow(sandboxOrderFlow, "Shopify Order to NetSuite Sales Order", sandbox, exports: [], imports: []),
        flow(accountFlow, "Salesforce Account to NetSuite Customer", salesforce, exports: [], imports: []),
      ])
    return cache
  }

  static func flow(_ id: String, _ name: String, _ integration: String, exports: [String], imports: [String])
    -> JSONValue
  {
    [
      "_id": .string(id), "name": .string(name), "_integrationId": .string(integration),
      "pageGenerators": .array(exports.map { ["_exportId": .string($0)] }),
      "pageProcessors": .array(imports.map { ["type": "import", "_importId": .string($0)] }),
    ]
  }

  static func workbench(cache: IDCache = cache()) -> Workbench {
    Workbench(cache: cache, profile: "test")
  }

  static let vocabulary = ShellVocabulary(catalog: Catalog.commands)
}
