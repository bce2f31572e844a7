import CeligoKit

/// A connection of the demo account.
struct ConnectionSpec {
  var name: String
  var type: String
  var integration: Int?
  var offline = false
  var sandbox = false
  /// The type-specific settings object, stored under the key `type`.
  var settings: JSONValue
}

/// An export or import of a demo flow.
struct StepSpec {
  var name: String
  var adaptorType: String
  var connection: Int
  /// Adaptor settings stored under `key`, for example `http` or `netsuite_da`.
  var key: String
  var settings: JSONValue
}

/// A flow of the demo account and how its 30 days of history look.
struct FlowSpec {
  var name: String
  var integration: Int?
  var disabled = false
  var schedule: String?
  var timezone: String?
  /// Minutes between runs in the job history; nil means no history.
  var everyMinutes: Int?
  /// Days before emulator start when the history stops (a flow disabled since).
  var historyStopsDaysAgo = 0
  var generators: [StepSpec] = []
  var lookups: [StepSpec] = []
  var imports: [StepSpec] = []
  var records: ClosedRange<Int> = 1...30
  var failureRate = 0.0
  /// Open errors on the first import, spread over the latest completed runs.
  var openErrorsPerRun: [Int] = []
  var templates: [ErrorTemplate] = []
  var recordKind = "record"
  /// Number of latest runs that failed, for a flow that is failing now.
  var recentFailures = 0
  /// Record errors each run started through the API produces.
  var errorsPerRun = 0
  var extra: [(key: String, value: JSONValue)] = []
}

/// The static part of the demo account: a mid-size retailer connecting
/// Shopify, NetSuite, Salesforce, HubSpot, Snowflake and an EDI partner.
enum DemoCatalog {
  static let integrations: [(name: String, description: String, sandbox: Bool)] = [
    ("Shopify - NetSuite", "Orders, fulfillments, inventory and refunds between Shopify and NetSuite.", false),
    ("Salesforce - NetSuite", "Accounts and opportunities from Salesforce to NetSuite customers and sales orders.", false),
    ("HubSpot - Snowflake", "Loads HubSpot CRM objects into the Snowflake analytics warehouse.", false),
    ("EDI - Acme Retail (SPS Commerce)", "850, 856 and 810 documents with Acme Retail through SPS Commerce.", false),
    ("Shopify - NetSuite (Sandbox)", "Sandbox copy of the Shopify order flow.", true),
  ]

  static let connections: [ConnectionSpec] = [
    ConnectionSpec(
      name: "Shopify - Acme Outfitters", type: "http", integration: 0,
      settings: ["baseURI": "https://acme-outfitters.myshopify.com/admin/api/2024-07", "mediaType": "json", "auth": ["type": "token", "token": ["token": "******"]], "ping": ["relativeURI": "/shop.json", "method": "GET"]]),
    netsuite("NetSuite - Production", integration: 0),
    ConnectionSpec(
      name: "Salesforce - Production", type: "salesforce", integration: 1,
      settings: ["sandbox": false, "baseURI": "https://acme-outfitters.my.salesforce.com", "oauth2FlowType": "refreshToken", "scope": ["full", "refresh_token"]]),
    netsuite("NetSuite - Production (Salesforce)", integration: 1),
    ConnectionSpec(
      name: "HubSpot", type: "rest", integration: 2,
      settings: ["baseURI": "https://api.hubapi.com", "mediaType": "json", "authType": "oauth", "pingRelativeURI": "/crm/v3/owners"]),
    ConnectionSpec(
      name: "Snowflake - Analytics", type: "rdbms", integration: 2, offline: true,
      settings: ["type": "snowflake", "host": "acme-analytics.snowflakecomputing.com", "database": "ANALYTICS", "warehouse": "LOAD_WH", "user": "CELIGO_SVC", "password": "******"]),
    ConnectionSpec(
      name: "SPS Commerce FTP", type: "ftp", integration: 3,
      settings: ["type": "sftp", "hostURI": "sftp.spscommerce.net", "port": 22, "username": "acmeoutfitters", "password": "******"]),
    ConnectionSpec(
      name: "Acme Retail AS2", type: "as2", integration: 3,
      settings: ["as2Id": "ACMEOUTFITTERS", "partnerId": "ACMERETAIL", "contentBasedFlowRouter": ["function": "routeByDocumentType"]]),
    netsuite("NetSuite - Production (EDI)", integration: 3),
    ConnectionSpec(
      name: "Slack - Ops Alerts", type: "http", integration: nil,
      settings: ["baseURI": "https://hooks.slack.com/services", "mediaType": "json", "auth": ["type": "custom"]]),
    ConnectionSpec(
      name: "NetSuite - Sandbox", type: "netsuite", integration: 4, sandbox: true,
      settings: ["account": "TSTDRV2481357_SB1", "environment": "sandbox", "authType": "token-auto", "roleId": "3"]),
  ]

  static func netsuite(_ name: String, integration: Int) -> ConnectionSpec {
    ConnectionSpec(
      name: name, type: "netsuite", integration: integration,
      settings: ["account": "TSTDRV2481357", "environment": "production", "authType": "token-auto", "roleId": "3", "concurrencyLevel": 5])
  }

  static func http(_ name: String, _ adaptor: String, _ connection: Int, _ method: String, _ uri: String) -> StepSpec {
    StepSpec(name: name, adaptorType: adaptor, connection: connection, key: "http", settings: ["method": .string(method), "relativeURI": .string(uri)])
  }

  static func netSuiteSearch(_ name: String, _ connection: Int, _ recordType: String) -> StepSpec {
    StepSpec(name: name, adaptorType: "NetSuiteExport", connection: connection, key: "netsuite", settings: ["type": "search", "searches": [["recordType": .string(recordType), "savedSearchId": .string("customsearch_celigo_\(recordType)")]]])
  }

  static func netSuiteImport(_ name: String, _ connection: Int, _ recordType: String) -> StepSpec {
    StepSpec(name: name, adaptorType: "NetSuiteDistributedImport", connection: connection, key: "netsuite_da", settings: ["recordType": .string(recordType), "operation": "addupdate", "internalIdLookup": ["expression": "[[\"externalid\",\"is\",\"{{{id}}}\"]]"]])
  }

  static func soql(_ name: String, _ query: String) -> StepSpec {
    StepSpec(name: name, adaptorType: "SalesforceExport", connection: 2, key: "salesforce", settings: ["type": "soql", "soql": ["query": .string(query)]])
  }

  static func snowflake(_ table: String) -> StepSpec {
    StepSpec(name: "Merge into \(table)", adaptorType: "RDBMSImport", connection: 5, key: "rdbms", settings: ["queryType": ["MERGE"], "query": [.string("MERGE INTO ANALYTICS.HUBSPOT.\(table) USING (SELECT {{{id}}} AS ID) S ON ...")]])
  }

  static func ftp(_ name: String, _ adaptor: String, _ directory: String) -> StepSpec {
    StepSpec(name: name, adaptorType: adaptor, connection: 6, key: "ftp", settings: ["directoryPath": .string(directory), "fileNameStartsWith": "ACME"])
  }
}
