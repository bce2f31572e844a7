"""Times celigo against curl on a local emulator; prints one row per case.

Wall time is the median of N runs of the whole process. Peak memory is the
largest resident set of the measured process, from wait4's rusage.
"""
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

from emulator import start_emulator as start_celigo_emulator

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 15
BINARY = os.path.abspath(".build/release/celigo")
TOKEN = "celigo-demo-token"


def start_emulator(*options):
    return start_celigo_emulator(BINARY, "--no-rate-limit", *options)


def run_once(command, env, codes=(0,)):
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in codes:
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed * 1000, usage.ru_maxrss / 1024


def measure(command, env=None, runs=RUNS, codes=(0,)):
    env = env or os.environ.copy()
    run_once(command, env, codes)  # warm the page cache
    samples = [run_once(command, env, codes) for _ in range(runs)]
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def row(name, celigo, curl=None, target=""):
    text = f"{name:<46} {celigo[0]:9.1f} ms {celigo[1]:8.1f} MB"
    if curl:
        text += f" | curl {curl[0]:9.1f} ms {curl[1]:6.1f} MB | ratio {celigo[0] / curl[0]:5.2f}"
    print(text + (f"  (target {target})" if target else ""), flush=True)


def main():
    print(f"machine: {os.uname().machine}, {os.cpu_count()} cores; runs per case: {RUNS}")
    row("celigo --version", measure([BINARY, "--version"]), target="< 20 ms")
    bash_completion()

    emulator, base = start_emulator()
    env = dict(os.environ, CELIGO_BASE_URL=base, CELIGO_API_TOKEN=TOKEN)
    curl = ["curl", "-sf", "-H", f"Authorization: Bearer {TOKEN}", "-H", "Accept: application/json"]
    row("integrations list --format json",
        measure([BINARY, "integrations", "list", "--format", "json"], env),
        measure(curl + [f"{base}/v1/integrations"]), target="within 2x of curl")
    emulator.terminate()

    emulator, base = start_emulator("--page-size", "1000", "--bulk-errors", "20000")
    env = dict(os.environ, CELIGO_BASE_URL=base, CELIGO_API_TOKEN=TOKEN)
    flows = subprocess.run([BINARY, "-f", "json", "flows", "list"], env=env, capture_output=True, text=True).stdout
    flow, step = bulk_step(env, flows)
    loop = curl_loop(base, f"/v1/flows/{flow}/{step}/errors", "GET")
    runs = max(3, RUNS // 3)
    row("errors list, 20,000 open errors (1000/page)",
        measure([BINARY, "-f", "json", "errors", "list", "--flow", flow, "--import", step], env, runs),
        measure(["bash", "-c", loop], env, runs), target="< 100 MB, within 1.5x of curl loop")
    emulator.terminate()

    emulator, base = start_emulator("--scale", "24", "--latency", "100")
    env = dict(os.environ, CELIGO_BASE_URL=base, CELIGO_API_TOKEN=TOKEN)
    health = [BINARY, "-f", "json", "health", "--test-connections"]
    requests = health_requests(env)
    slow_runs = max(3, RUNS // 5)
    fanned = measure(health, env, slow_runs, codes=(0, 10))
    sequential = measure(health + ["--concurrency", "1"], env, slow_runs, codes=(0, 10))
    row(f"health, {requests} requests at 100 ms, 8 in flight", fanned)
    row("health, the same requests one at a time", sequential)
    print(f"{'health speed-up':<46} {sequential[0] / fanned[0]:9.1f} x  (target >= 6x)", flush=True)
    emulator.terminate()

    emulator, base = start_emulator("--bulk-cache-keys", "100000")
    env = dict(os.environ, CELIGO_BASE_URL=base, CELIGO_API_TOKEN=TOKEN)
    caches = subprocess.run([BINARY, "-f", "json", "caches", "list"], env=env, capture_output=True, text=True).stdout
    cache = re.findall(r'"_id": "([0-9a-f]{24})",\s*"_userId": "[0-9a-f]+",\s*"name": "Benchmark', caches)[0]
    loop = curl_loop(base, f"/v1/lookupcaches/{cache}/getData", "POST")
    row("caches data, 100,000 keys (1000/page)",
        measure([BINARY, "-f", "json", "caches", "data", cache], env, runs),
        measure(["bash", "-c", loop], env, runs), target="< 100 MB, within 1.5x of curl loop")
    emulator.terminate()


def bash_completion():
    """Times one Tab after `celigo flows get ` in bash, and the
    `__complete` call behind it, with 50,000 flows in the ID cache. Bash
    gets the newest 1,000 IDs; zsh gets all 50,000, with names."""
    with tempfile.TemporaryDirectory() as cache_home:
        profile = os.path.join(cache_home, "celigo", "default")
        os.makedirs(profile)
        with open(os.path.join(profile, "flows.tsv"), "w") as tsv:
            for index in range(50_000):
                tsv.write(f"{index:024x}\tBenchmark flow {index}\t{index % 100:024x}\n")
        # An empty HOME and no config variables keep a config file from
        # choosing another profile.
        env = dict(os.environ, HOME=cache_home, XDG_CACHE_HOME=cache_home,
                   PATH=os.path.dirname(BINARY) + os.pathsep + os.environ["PATH"])
        for name in ("CELIGO_PROFILE", "CELIGO_CONFIG", "XDG_CONFIG_HOME"):
            env.pop(name, None)
        script = os.path.abspath("completions/celigo.bash")
        tab = (f"source {script}; COMP_WORDS=(celigo flows get ''); COMP_CWORD=3; _celigo; "
               "[ ${#COMPREPLY[@]} -ge 1000 ]")
        row("bash Tab on an ID, 50,000 cached flows", measure(["bash", "-c", tab], env), target="< 50 ms")
        row("__complete bash, 50,000 cached flows",
            measure([BINARY, "__complete", "bash", "--", "flows", "get", ""], env), target="< 50 ms")
        row("__complete zsh, 50,000 cached flows",
            measure([BINARY, "__complete", "zsh", "--", "flows", "get", ""], env))


def health_requests(env):
    """Counts the requests one `health --test-connections` run sends: four
    lists, one error summary per integration and per standalone flow, and
    one ping per connection."""
    import json
    listed = {}
    for resource in ("integrations", "flows", "connections"):
        output = subprocess.run([BINARY, "-f", "json", resource, "list"], env=env, capture_output=True, text=True)
        listed[resource] = json.loads(output.stdout)
    standalone = [flow for flow in listed["flows"] if not flow.get("_integrationId")]
    return 4 + len(listed["integrations"]) + len(standalone) + len(listed["connections"])


def bulk_step(env, flows_json):
    import json
    for flow in json.loads(flows_json):
        summary = subprocess.run([BINARY, "-f", "json", "flows", "errors", flow["_id"]], env=env,
                                 capture_output=True, text=True).stdout
        for step in json.loads(summary).get("flowErrors", []):
            if step.get("numError", 0) >= 20000:
                return flow["_id"], step["_expOrImpId"]
    raise SystemExit("no step with 20,000 errors")


def curl_loop(base, path, method):
    """A bash loop that fetches every page with curl, following nextPageURL."""
    body = "-d '{}' -H 'Content-Type: application/json'" if method == "POST" else ""
    return f"""
next='{path}'
while [ -n "$next" ]; do
  page=$(curl -sf -X {method} {body} -H "Authorization: Bearer {TOKEN}" "{base}$next")
  printf '%s' "$page" > /dev/null
  next=$(printf '%s' "$page" | grep -o '"nextPageURL":"[^"]*"' | cut -d'"' -f4)
done
"""


if __name__ == "__main__":
    main()
