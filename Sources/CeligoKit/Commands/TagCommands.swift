/// `celigo tags …`
enum TagCommands {
  static let example = "5a3488df7830d537b7f0ee4a"

  static let all: [CommandSpec] = [
    CommandSpec(
      "tags", "list", "list tags",
      examples: ["celigo tags list"],
      run: Build.list(.tags) { _ in "/v1/tags" }),
    CommandSpec(
      "tags", "get", "show one tag",
      arguments: [Build.idArgument(.tag)],
      examples: ["celigo tags get \(example)"],
      run: Build.record { "/v1/tags/\($0.arguments["tag"] ?? "")" }),
    CommandSpec(
      "tags", "create", "create a tag",
      arguments: [ArgumentSpec("name", .text, "the tag's label")],
      examples: ["celigo tags create 'needs-review'"],
      run: .api { invocation, context in
        let name = try invocation.required("name")
        let tag = try await context.client.document(
          APIRequest("POST", "/v1/tags", body: ["tag": .string(name)]))
        context.output.result(
          json: tag, text: "Created tag \(tag["_id"]?.cellText ?? "") '\(name)'", kind: .tag)
      }),
    CommandSpec(
      "tags", "update", "rename a tag",
      arguments: [Build.idArgument(.tag)],
      options: [OptionSpec("--name", .text, "the new label", required: true)],
      examples: ["celigo tags update \(example) --name 'retry-later'"],
      run: .api { invocation, context in
        let id = try invocation.required("tag")
        let name = try invocation.required("--name")
        // PUT replaces the whole tag, so the current one is read first.
        let current = try await context.client.document(APIRequest("GET", "/v1/tags/\(id)"))
        let body = current.setting("tag", to: .string(name))
        let tag = try await context.client.json(APIRequest("PUT", "/v1/tags/\(id)", body: body))
        context.output.result(json: tag ?? body, text: "Renamed tag \(id) to '\(name)'")
      }),
    CommandSpec(
      "tags", "delete", "delete a tag (asks first)",
      arguments: [Build.idArgument(.tag)],
      examples: ["celigo tags delete \(example)", "celigo tags delete \(example) --yes"],
      run: .api { invocation, context in
        let id = try invocation.required("tag")
        let tag = try await context.client.document(APIRequest("GET", "/v1/tags/\(id)"))
        let name = tag["tag"]?.cellText ?? ""
        try context.confirm("Delete tag \(id) '\(name)'?")
        _ = try await context.client.send(APIRequest("DELETE", "/v1/tags/\(id)"))
        context.output.result(json: ["deleted": .string(id)], text: "Deleted tag \(id) '\(name)'")
      }),
  ]
}

/// `celigo users …`: the account's shares (`/v1/ashares`); the owner is not
/// among them.
enum UserCommands {
  static let all: [CommandSpec] = [
    CommandSpec(
      "users", "list", "list the users the account is shared with",
      examples: ["celigo users list"],
      run: Build.list(.users) { _ in "/v1/ashares" }),
    CommandSpec(
      "users", "get", "show one account share",
      arguments: [Build.idArgument(.user)],
      examples: ["celigo users get 188a85d7e560750ae9b646ea"],
      run: Build.record { "/v1/ashares/\($0.arguments["user"] ?? "")" }),
  ]
}
