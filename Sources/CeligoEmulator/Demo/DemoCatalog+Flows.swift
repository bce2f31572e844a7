import CeligoKit

extension ErrorTemplate {
  static let netSuiteInvalidItem = ErrorTemplate(
    code: "INVALID_FLD_VALUE", message: "You have entered an Invalid Field Value {n} for the following field: item",
    source: "application", classification: "value", httpStatus: 200)
  static let netSuiteMissingCustomer = ErrorTemplate(
    code: "USER_ERROR", message: "Please enter value(s) for: Customer", source: "application",
    classification: "missing", httpStatus: 200)
  static let shopifyRateLimited = ErrorTemplate(
    code: "429", message: "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.",
    source: "connection", classification: "intermittent", httpStatus: 429)
  static let salesforceDuplicate = ErrorTemplate(
    code: "DUPLICATE_VALUE", message: "duplicate value found: NetSuite_Id__c duplicates value on record with id: 0015e00000KxR2vAAF",
    source: "application", classification: "duplicate", httpStatus: 400)
  static let snowflakeLogin = ErrorTemplate(
    code: "390100", message: "Incorrect username or password was specified.", source: "connection",
    classification: "connection", httpStatus: nil, method: "POST")
  static let snowflakeMissingTable = ErrorTemplate(
    code: "002003", message: "SQL compilation error: Object 'ANALYTICS.HUBSPOT.DEALS' does not exist or not authorized.",
    source: "application", classification: "missing", httpStatus: nil)
  static let ediShipTo = ErrorTemplate(
    code: "USER_ERROR", message: "Please enter value(s) for: Ship To Address", source: "application",
    classification: "missing", httpStatus: 200)
  static let slackChannel = ErrorTemplate(
    code: "404", message: "channel_not_found", source: "application", classification: "missing", httpStatus: 404)
}

extension DemoCatalog {
  static let shopifyOrderFlow = "Shopify Order to NetSuite Sales Order"
  static let failingFlow = "HubSpot Deals to Snowflake"
  static let canceledRunFlow = "NetSuite Item Fulfillment to Shopify Fulfillment"

  static let flows: [FlowSpec] = [
    FlowSpec(
      name: shopifyOrderFlow, integration: 0, schedule: "? */15 * * * *", timezone: "America/New_York",
      everyMinutes: 15, generators: [http("Get Shopify Orders", "HTTPExport", 0, "GET", "/orders.json?status=any&updated_at_min={{lastExportDateTime}}")],
      lookups: [netSuiteSearch("Find NetSuite Customer by Email", 1, "customer")],
      imports: [netSuiteImport("Create NetSuite Sales Order", 1, "salesorder"), http("Tag Shopify Order as Synced", "HTTPImport", 0, "PUT", "/orders/{{{id}}}.json")],
      records: 2...40, failureRate: 0.004, openErrorsPerRun: [5, 4, 3],
      templates: [.netSuiteInvalidItem, .netSuiteMissingCustomer], recordKind: "order", errorsPerRun: 2,
      extra: [("free", false), ("_sourceId", "61825952e38c426bd39dbb73"), ("settings", ["locationInternalId": "2", "memo": "Shopify Order", "priceLevelInternalId": "-1"])]),
    FlowSpec(
      name: canceledRunFlow, integration: 0, schedule: "? 0 * * * *",
      timezone: "America/New_York", everyMinutes: 60,
      generators: [netSuiteSearch("Get NetSuite Item Fulfillments", 1, "itemfulfillment")],
      imports: [http("Create Shopify Fulfillment", "HTTPImport", 0, "POST", "/orders/{{{orderId}}}/fulfillments.json")],
      records: 0...25, failureRate: 0.01, openErrorsPerRun: [4], templates: [.shopifyRateLimited], recordKind: "fulfillment"),
    FlowSpec(
      name: "NetSuite Inventory to Shopify Inventory Levels", integration: 0, schedule: "? 0 */6 * * *",
      timezone: "America/New_York", everyMinutes: 360,
      generators: [netSuiteSearch("Get NetSuite Inventory Changes", 1, "inventoryitem")],
      imports: [http("Set Shopify Inventory Level", "HTTPImport", 0, "POST", "/inventory_levels/set.json")],
      records: 50...400),
    FlowSpec(
      name: "Shopify Refund to NetSuite Credit Memo", integration: 0, disabled: true, schedule: "? 30 */2 * * *",
      timezone: "America/New_York", everyMinutes: 120, historyStopsDaysAgo: 10,
      generators: [http("Get Shopify Refunds", "HTTPExport", 0, "GET", "/orders/{{{id}}}/refunds.json")],
      imports: [netSuiteImport("Create NetSuite Credit Memo", 1, "creditmemo")], records: 0...6,
      extra: [("wizardState", "step3"), ("free", false)]),
    FlowSpec(
      name: "Shopify Customer to NetSuite Customer", integration: 0, schedule: "? 15 */4 * * *",
      timezone: "America/New_York", everyMinutes: 240,
      generators: [http("Get Shopify Customers", "HTTPExport", 0, "GET", "/customers.json")],
      imports: [netSuiteImport("Upsert NetSuite Customer", 1, "customer")], records: 0...60),
    FlowSpec(
      name: "Salesforce Account to NetSuite Customer", integration: 1, schedule: "? 5 * * * *",
      timezone: "America/Los_Angeles", everyMinutes: 60,
      generators: [soql("Get Salesforce Accounts", "SELECT Id, Name, BillingCity FROM Account WHERE LastModifiedDate > {{lastExportDateTime}}")],
      imports: [netSuiteImport("Upsert NetSuite Customer", 3, "customer")], records: 0...20, failureRate: 0.01),
    FlowSpec(
      name: "Salesforce Opportunity to NetSuite Sales Order", integration: 1, schedule: "? */30 * * * *",
      timezone: "America/Los_Angeles", everyMinutes: 30,
      generators: [soql("Get Closed Won Opportunities", "SELECT Id, Name, Amount, (SELECT PricebookEntry.Product2.ProductCode, Quantity FROM OpportunityLineItems) FROM Opportunity WHERE StageName = 'Closed Won'")],
      lookups: [netSuiteSearch("Find NetSuite Item by SKU", 3, "item")],
      imports: [netSuiteImport("Create NetSuite Sales Order", 3, "salesorder")], records: 0...12,
      openErrorsPerRun: [4, 2], templates: [.netSuiteInvalidItem], recordKind: "opportunity", errorsPerRun: 1),
    FlowSpec(
      name: "NetSuite Customer to Salesforce Account", integration: 1, schedule: "? 20 */2 * * *",
      timezone: "America/Los_Angeles", everyMinutes: 120,
      generators: [netSuiteSearch("Get Changed NetSuite Customers", 3, "customer")],
      imports: [StepSpec(name: "Upsert Salesforce Account", adaptorType: "SalesforceImport", connection: 2, key: "salesforce", settings: ["sObjectType": "Account", "operation": "upsert", "upsert": ["externalIdField": "NetSuite_Id__c"]])],
      records: 0...30, openErrorsPerRun: [5], templates: [.salesforceDuplicate], recordKind: "customer", errorsPerRun: 1),
    FlowSpec(
      name: "NetSuite Invoice to Salesforce Opportunity", integration: 1, disabled: true,
      generators: [netSuiteSearch("Get NetSuite Invoices", 3, "invoice")],
      imports: [StepSpec(name: "Update Salesforce Opportunity", adaptorType: "SalesforceImport", connection: 2, key: "salesforce", settings: ["sObjectType": "Opportunity", "operation": "update"])]),
    FlowSpec(
      name: "HubSpot Contacts to Snowflake", integration: 2, schedule: "? 0 */6 * * *", timezone: "UTC",
      everyMinutes: 360, generators: [http("Get HubSpot Contacts", "HTTPExport", 4, "GET", "/crm/v3/objects/contacts")],
      imports: [snowflake("CONTACTS")], records: 100...900),
    FlowSpec(
      name: failingFlow, integration: 2, schedule: "? 0 */3 * * *", timezone: "UTC", everyMinutes: 180,
      generators: [http("Get HubSpot Deals", "HTTPExport", 4, "GET", "/crm/v3/objects/deals")],
      imports: [snowflake("DEALS")], records: 20...200, templates: [.snowflakeLogin, .snowflakeMissingTable],
      recordKind: "deal", recentFailures: 16, errorsPerRun: 1),
    FlowSpec(
      name: "HubSpot Companies to Snowflake", integration: 2, schedule: "? 30 */6 * * *", timezone: "UTC",
      everyMinutes: 360, generators: [http("Get HubSpot Companies", "HTTPExport", 4, "GET", "/crm/v3/objects/companies")],
      imports: [snowflake("COMPANIES")], records: 10...300),
    FlowSpec(
      name: "HubSpot Owners to Snowflake", integration: 2, disabled: true,
      generators: [http("Get HubSpot Owners", "HTTPExport", 4, "GET", "/crm/v3/owners")], imports: [snowflake("OWNERS")]),
    FlowSpec(
      name: "EDI 850 Purchase Orders to NetSuite Sales Orders", integration: 3, schedule: "? 10 * * * *",
      timezone: "America/Chicago", everyMinutes: 60,
      generators: [ftp("Get 850 Purchase Orders", "FTPExport", "/out/850")],
      imports: [netSuiteImport("Create NetSuite Sales Order", 8, "salesorder"), StepSpec(name: "Send 997 Acknowledgement", adaptorType: "AS2Import", connection: 7, key: "as2", settings: ["fileNameTemplate": "997_{{timestamp}}.edi"])],
      records: 0...8, failureRate: 0.01, openErrorsPerRun: [3], templates: [.ediShipTo], recordKind: "purchaseOrder"),
    FlowSpec(
      name: "NetSuite Item Fulfillment to EDI 856 ASN", integration: 3, schedule: "? 0 */4 * * *",
      timezone: "America/Chicago", everyMinutes: 240,
      generators: [netSuiteSearch("Get Acme Retail Item Fulfillments", 8, "itemfulfillment")],
      imports: [ftp("Put 856 ASN", "FTPImport", "/in/856")], records: 0...15),
    FlowSpec(
      name: "NetSuite Invoice to EDI 810 Invoice", integration: 3, schedule: "? 0 6 * * *",
      timezone: "America/Chicago", everyMinutes: 1440,
      generators: [netSuiteSearch("Get Acme Retail Invoices", 8, "invoice")],
      imports: [ftp("Put 810 Invoice", "FTPImport", "/in/810")], records: 0...40),
    FlowSpec(name: "EDI 846 Inventory Advice", integration: 3, disabled: true),
    FlowSpec(
      name: shopifyOrderFlow, integration: 4, disabled: true,
      generators: [netSuiteSearch("Get Sandbox Sales Orders", 10, "salesorder")],
      imports: [netSuiteImport("Create Sandbox Sales Order", 10, "salesorder")], extra: [("sandbox", true)]),
    FlowSpec(
      name: "New flow", integration: nil, disabled: true,
      generators: [http("New export", "HTTPExport", 0, "GET", "/products.json")]),
    FlowSpec(
      name: "New flow", integration: nil, disabled: true, schedule: "? 5 0,1,2,3,4 ? * 1,5,6,0",
      timezone: "America/New_York", generators: [http("Export products", "HTTPExport", 0, "GET", "/products.json")]),
    FlowSpec(
      name: "Order Status Alerts to Slack", integration: nil, schedule: "? 0 */2 * * *",
      timezone: "America/New_York", everyMinutes: 120,
      generators: [http("Get Delayed Shopify Orders", "HTTPExport", 0, "GET", "/orders.json?fulfillment_status=unfulfilled")],
      imports: [http("Post Slack Alert", "HTTPImport", 9, "POST", "/T024BE7LD/B08ALERTS/hook")],
      records: 0...5, openErrorsPerRun: [2], templates: [.slackChannel], recordKind: "order"),
  ]
}
