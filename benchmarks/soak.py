"""Soak: many mixed one-shot celigo commands against one emulator that
injects a random fault into a share of its responses.

Usage: python3 benchmarks/soak.py [commands] [fault-percent]   (default 10000, 5)

Prints the completed commands, the failures by exit code, the total time,
and the peak resident memory (wait4's ru_maxrss) of the celigo processes
among the first and the last 100 commands, to show that nothing grows.
Each command is its own process. benchmarks/shell_soak.py soaks one
interactive shell session instead.
"""
import collections
import json
import os
import subprocess
import sys
import time

from emulator import start_emulator

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
FAULT_PERCENT = int(sys.argv[2]) if len(sys.argv) > 2 else 5
BINARY = os.environ.get("CELIGO_BINARY", os.path.abspath(".build/release/celigo"))
TOKEN = "celigo-demo-token"
SEED = 7
# Commands that fail on purpose: exit 4 and exit 2.
NOT_FOUND = ["flows", "get", "0123456789abcdef01234567"]
BAD_INPUT = ["jobs", "list", "--since", "soon"]


def run(command, env):
    """Runs one command; returns its exit code and peak memory in MB."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024


def command_mix(env):
    """Returns the commands of the soak: mostly reads, a few writes."""
    def ids(*words):
        for _ in range(10):  # the fault-free reads below may still meet a fault
            result = subprocess.run([BINARY, "-f", "json", *words], env=env, capture_output=True, text=True)
            if result.returncode == 0:
                return [record["_id"] for record in json.loads(result.stdout)]
        raise SystemExit(f"cannot list {' '.join(words)}")

    flows = ids("flows", "list")
    tags = ids("tags", "list")
    reads = [
        ["integrations", "list"], ["flows", "list"], ["connections", "list"], ["tags", "list"],
        ["users", "list"], ["caches", "list"], ["jobs", "list"], ["-f", "json", "exports", "list"],
        ["flows", "get", flows[0]], ["flows", "errors", flows[1]], ["tags", "get", tags[0]],
        NOT_FOUND, BAD_INPUT,
    ]
    writes = [["tags", "create", "soak"], ["flows", "run", flows[0]]]
    mix = []
    for index in range(COUNT):
        mix.append(writes[index % len(writes)] if index % 20 == 19 else reads[index % len(reads)])
    return mix


def main():
    emulator, base_url = start_emulator(
        BINARY, "--seed", str(SEED), "--fault-percent", str(FAULT_PERCENT), "--job-speed", "50")
    env = dict(os.environ, CELIGO_BASE_URL=base_url, CELIGO_API_TOKEN=TOKEN)
    try:
        mix = command_mix(env)
        exits = collections.Counter()
        memory = []
        started = time.perf_counter()
        for words in mix:
            code, peak = run([BINARY, *words], env)
            exits[code] += 1
            memory.append(peak)
        elapsed = time.perf_counter() - started
    finally:
        emulator.terminate()

    print(f"machine: {os.uname().machine}, {os.cpu_count()} cores; binary {BINARY}")
    print(f"commands: {len(mix)} one-shot, {FAULT_PERCENT}% of responses faulted (seed {SEED})")
    print(f"completed (exit 0): {exits[0]}")
    intended = {4: mix.count(NOT_FOUND), 2: mix.count(BAD_INPUT)}
    for code in sorted(code for code in exits if code != 0):
        note = f" ({intended[code]} from the command that fails on purpose)" if code in intended else ""
        print(f"exit {code}: {exits[code]}{note}")
    print(f"total {elapsed:.1f} s, {elapsed / len(mix) * 1000:.1f} ms per command")
    print(f"peak RSS, first 100 commands: {max(memory[:100]):.1f} MB; last 100: {max(memory[-100:]):.1f} MB")


if __name__ == "__main__":
    main()
