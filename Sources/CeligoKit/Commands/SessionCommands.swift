/// `celigo login`, `celigo shell` and `celigo emulator`.
enum SessionCommands {
  static let all: [CommandSpec] = [
    CommandSpec(
      "login", nil, "read an API token without echo, check it, and save it to a profile",
      examples: [
        "celigo login", "celigo login --profile sandbox --region eu",
        "printf '%s\\n' \"$TOKEN\" | celigo login --profile ci",
      ],
      run: .local { invocation, context in try await Login.run(invocation, context) }),
    CommandSpec(
      "shell", nil, "start the interactive shell (history, completion, context)",
      options: [OptionSpec("--demo", nil, "start the built-in emulator and connect the shell to it")],
      examples: ["celigo shell --demo", "celigo shell --profile production"],
      run: .frontEnd),
    CommandSpec(
      "emulator", nil, "serve the integrator.io emulator on 127.0.0.1 until interrupted",
      options: [
        OptionSpec("--port", .integer(0...65535), "port to listen on; 0 picks a free one (default 0)"),
        OptionSpec("--token", .text, "API token clients must send (default celigo-demo-token)"),
        OptionSpec("--seed", .integer(0...Int(Int32.max)), "seed of the demo account's data (default 1)"),
        OptionSpec("--page-size", .integer(1...100_000), "records per page of paged lists (default 1000)"),
        OptionSpec("--job-speed", .integer(1...10_000), "run jobs this many times faster (default 1)"),
        OptionSpec("--latency", .integer(0...60_000), "delay each answer by this many milliseconds"),
        OptionSpec("--no-rate-limit", nil, "never answer 429"),
        OptionSpec("--bulk-errors", .integer(0...1_000_000), "add this many open errors to one import step"),
        OptionSpec("--bulk-cache-keys", .integer(0...10_000_000), "add a lookup cache with this many keys"),
        OptionSpec("--scale", .integer(1...1000), "copies of the demo integrations and flows (default 1: none)"),
        OptionSpec("--server-error-every", .integer(0...1_000_000), "answer every Nth request 503"),
        OptionSpec("--html-error-every", .integer(0...1_000_000), "answer every Nth request 502 with an HTML page"),
        OptionSpec(
          "--drop-every", .integer(0...1_000_000),
          "apply every Nth request, then close its connection halfway through the response"),
        OptionSpec(
          "--truncate-every", .integer(0...1_000_000), "apply every Nth request and cut its JSON body in half"),
        OptionSpec(
          "--stall-writes-every", .integer(0...1_000_000),
          "apply every Nth POST, PUT, PATCH or DELETE and never answer it"),
        OptionSpec("--rate-limit-storm", .integer(0...1_000_000), "answer the first N requests 429"),
        OptionSpec("--retry-after", .integer(0...3600), "Retry-After seconds of injected 429s (default 1)"),
        OptionSpec(
          "--fault-percent", .integer(0...100),
          "give this percentage of requests a random fault (503, HTML 502, 429, drop, truncation), seeded by --seed"),
      ],
      examples: [
        "celigo emulator --port 8080",
        "celigo emulator --port 8080 --fault-percent 5 --seed 7",
        "CELIGO_BASE_URL=http://127.0.0.1:8080 CELIGO_API_TOKEN=celigo-demo-token celigo flows list",
      ],
      run: .frontEnd),
    CommandSpec(
      "completions", nil, "print a completion script for bash, zsh or fish",
      arguments: [ArgumentSpec("shell", .choice(CompletionShell.allCases.map(\.rawValue)), "bash, zsh or fish")],
      examples: [
        "celigo completions bash > ~/.local/share/bash-completion/completions/celigo",
        "celigo completions zsh > ~/.zsh/completions/_celigo",
        "celigo completions fish > ~/.config/fish/completions/celigo.fish",
      ],
      run: .local { invocation, context in
        let shell = CompletionShell(rawValue: try invocation.required("shell")) ?? .bash
        context.output.text(CompletionScripts.script(for: shell))
      }),
  ]
}
