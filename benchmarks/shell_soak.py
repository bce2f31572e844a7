"""Soak through one interactive shell: many mixed commands typed into a
single `celigo shell` on a pseudo-terminal, against one emulator that
injects a random fault into a share of its responses.

Usage: python3 benchmarks/shell_soak.py [commands] [fault-percent]   (default 10000, 5)

Piped input would stop at the first failing command, so the script types
one line at a time and waits for the next prompt. The shell does not show
a command's exit code, so each outcome is classified from the error
message on the screen: a `celigo: ...` line, or a line-splitting error.
Prints the completed commands, the failures by message class, the wall
time, and the shell's resident memory (VmRSS) at the first prompt, after
the first 100 commands and at the end.
"""
import collections
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

from emulator import start_emulator

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
FAULT_PERCENT = int(sys.argv[2]) if len(sys.argv) > 2 else 5
BINARY = os.environ.get("CELIGO_BINARY", os.path.abspath(".build/release/celigo"))
TOKEN = "celigo-demo-token"
SEED = 7
# With CELIGO_BASE_URL and no --profile, the profile is named "default".
PROMPT = b"celigo:default> "
PROMPT_TIMEOUT = 120
# The messages of the line splitter, which have no `celigo:` prefix.
SPLIT_ERRORS = ("unterminated single quote", "unterminated double quote", "line ends in a backslash")
# The delete types the created ID rather than `$_`: after a failed create,
# `$_` is the last ID an earlier command showed, such as a demo account's
# tag, and the delete would remove that tag.
DELETE_CREATED = "tags delete CREATED --yes"
CREATED = re.compile(rb"Created tag ([0-9a-f]{24})")
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\r")


def one_shot_json(env, *words):
    """Runs a one-shot command with JSON output, retrying injected faults."""
    for _ in range(20):
        result = subprocess.run([BINARY, "-f", "json", *words], env=env, capture_output=True, text=True)
        if result.returncode == 0:
            return json.loads(result.stdout)
    raise SystemExit(f"celigo {' '.join(words)} failed 20 times: {result.stderr.strip()}")


def command_mix(env):
    """Returns the lines to type and which of them fail on purpose."""
    flows = one_shot_json(env, "flows", "list")
    tags = one_shot_json(env, "tags", "list")
    caches = one_shot_json(env, "caches", "list")
    step = None
    for flow in flows:
        imports = [p["_importId"] for p in one_shot_json(env, "flows", "get", flow["_id"]).get("pageProcessors", [])
                   if p.get("_importId")]
        if imports:
            step = (flow["_id"], imports[0])
            break
    if step is None:
        raise SystemExit("no flow with an import step in the emulator's account")

    reads = [
        "integrations list", "flows list", "connections list", "tags list", "users list", "caches list",
        "exports list", "imports list", "jobs list", "jobs list --status completed", "-f json flows list",
        f"flows get {flows[0]['_id']}", f"flows get {flows[1]['_id']}", f"tags get {tags[0]['_id']}",
        f"errors list --flow {step[0]} --import {step[1]}", f"caches data {caches[0]['_id']}",
    ]
    on_purpose = {
        "flows get 0123456789abcdef01234567": "not found",
        "jobs list --since soon": "invalid option value",
        "flows frobnicate": "unknown action",
        "nosuchresource list": "unknown command",
        "flows get 'unterminated": "split error",
        "tags get $9999": "handle out of range",
    }
    bad = list(on_purpose)
    lines = []
    for index in range(COUNT):
        if index % 50 == 24:
            lines.append(f"tags create soak-{index}")
        elif index % 50 == 25:
            # Replaced by the ID that the create above printed.
            lines.append(DELETE_CREATED)
        elif index % 50 == 40:
            lines.append("flows list")
        elif index % 50 == 41:
            # `$1` is the first row of the last list, the flows list above.
            lines.append("flows get $1")
        elif index % 10 == 9:
            lines.append(bad[(index // 10) % len(bad)])
        else:
            lines.append(reads[index % len(reads)])
    return lines, on_purpose


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise SystemExit(f"no VmRSS for process {pid}")


class ShellEnded(Exception):
    """The shell process ended while a command was running."""

    def __init__(self, status, output):
        super().__init__(status)
        self.status = status
        self.output = output


class Session:
    """One `celigo shell` on a pseudo-terminal."""

    def __init__(self, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(BINARY, [BINARY, "shell"], env)
        # A new pty is 0 by 0 characters: give it the size of a wide terminal.
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
        self.pending = b""
        self.read_to_prompt()

    def read_to_prompt(self):
        """Returns the screen output up to the next prompt."""
        deadline = time.monotonic() + PROMPT_TIMEOUT
        while PROMPT not in self.pending:
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([self.fd], [], [], max(0, remaining))
            if not ready:
                raise SystemExit(f"no prompt within {PROMPT_TIMEOUT} s; last output: {self.pending[-500:]!r}")
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:  # EIO: the shell closed the terminal
                chunk = b""
            if not chunk:
                _, status = os.waitpid(self.pid, 0)
                os.close(self.fd)
                raise ShellEnded(describe(status), ANSI.sub(b"", self.pending[-300:]).decode(errors="replace").strip())
            self.pending += chunk
        output, _, self.pending = self.pending.partition(PROMPT)
        return output

    def run(self, line):
        os.write(self.fd, line.encode() + b"\r")
        return self.read_to_prompt()

    def close(self):
        os.write(self.fd, b"exit\r")
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status)


def describe(status):
    if os.WIFSIGNALED(status):
        return f"signal {signal.Signals(os.WTERMSIG(status)).name}"
    return f"exit code {os.waitstatus_to_exitcode(status)}"


def classify(line, output):
    """Returns None for a command that showed no error, else its message
    with IDs and numbers replaced, so equal failures count together."""
    text = ANSI.sub(b"", output).decode(errors="replace")
    lines = text.split("\n")
    # The first line is the echo of the typed command.
    for screen_line in lines[1:]:
        screen_line = screen_line.strip()
        if screen_line.startswith("celigo: ") or screen_line.startswith(SPLIT_ERRORS):
            screen_line = re.sub(r"\b[0-9a-f]{24}\b", "ID", screen_line)
            screen_line = re.sub(r"\d+", "N", screen_line)
            return screen_line[:110]
    return None


def main():
    emulator, base_url = start_emulator(
        BINARY, "--seed", str(SEED), "--fault-percent", str(FAULT_PERCENT), "--job-speed", "50")
    try:
        with tempfile.TemporaryDirectory() as home:
            env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=f"{home}/.config", XDG_CACHE_HOME=f"{home}/.cache",
                       XDG_STATE_HOME=f"{home}/.local/state", XDG_DATA_HOME=f"{home}/.local/share",
                       TERM="dumb", NO_COLOR="1", CELIGO_BASE_URL=base_url,
                       CELIGO_API_TOKEN=TOKEN)
            lines, on_purpose = command_mix(env)
            started = time.perf_counter()
            session = Session(env)
            sessions = [{"commands": 0, "first prompt": rss_kb(session.pid)}]
            outcomes = collections.Counter()
            purposeful = collections.Counter()
            crashes = []
            slowest = (0.0, "")
            created = "0123456789abcdef01234567"
            for index, line in enumerate(lines):
                if index % 1000 == 0:
                    print(f"{index} commands, RSS {rss_kb(session.pid) / 1024:.1f} MB", file=sys.stderr, flush=True)
                if line == DELETE_CREATED:
                    # After a failed create, the ID is one deleted before,
                    # and the delete reports not found.
                    line = f"tags delete {created} --yes"
                sent = time.perf_counter()
                try:
                    output = session.run(line)
                except ShellEnded as ended:
                    # Count the crash, then go on in a new shell so the
                    # rest of the mix still runs.
                    crashes.append(f"{ended.status} after {line!r}: {ended.output}")
                    sessions[-1]["end"] = sessions[-1].get("last", 0)
                    sessions[-1]["ended"] = ended.status
                    session = Session(env)
                    sessions.append({"commands": 0, "first prompt": rss_kb(session.pid)})
                    continue
                created_match = CREATED.search(output)
                if created_match:
                    created = created_match.group(1).decode()
                message = classify(line, output)
                slowest = max(slowest, (time.perf_counter() - sent, line))
                if line in on_purpose:
                    purposeful[(on_purpose[line], message is not None)] += 1
                else:
                    outcomes[message] += 1
                current = sessions[-1]
                current["commands"] += 1
                current["last"] = rss_kb(session.pid)
                if current["commands"] == 100:
                    current["after 100 commands"] = current["last"]
            sessions[-1]["end"] = rss_kb(session.pid)
            sessions[-1]["ended"] = f"'exit', exit code {session.close()}"
            elapsed = time.perf_counter() - started
    finally:
        emulator.terminate()
        emulator.wait()

    print(f"machine: {os.uname().machine}, {os.cpu_count()} cores; binary {BINARY}")
    print(f"commands: {len(lines)} typed into {len(sessions)} shell session(s),"
          f" {FAULT_PERCENT}% of responses faulted (seed {SEED})")
    print(f"completed without an error message: {outcomes[None]} of {sum(outcomes.values())} meant to succeed")
    for message, count in outcomes.most_common():
        if message is not None:
            print(f"  {count:6}  {message}")
    print("commands that fail on purpose:")
    for (kind, failed), count in sorted(purposeful.items()):
        print(f"  {count:6}  {kind}: {'failed as intended' if failed else 'DID NOT FAIL'}")
    print(f"shell crashes: {len(crashes)}")
    for crash in crashes:
        print(f"  {crash}")
    print(f"total {elapsed:.1f} s, {elapsed / len(lines) * 1000:.1f} ms per command;"
          f" slowest {slowest[0] * 1000:.0f} ms ({slowest[1]})")
    for number, session_figures in enumerate(sessions, 1):
        rss = "; ".join(f"{moment} {session_figures[moment] / 1024:.1f} MB"
                        for moment in ("first prompt", "after 100 commands", "end") if moment in session_figures)
        print(f"session {number}: {session_figures['commands']} commands, ended by {session_figures['ended']};"
              f" RSS {rss}")
        if "after 100 commands" in session_figures:
            base = session_figures["after 100 commands"]
            growth = (session_figures["end"] - base) / base * 100
            print(f"  RSS growth from 100 commands to the end: {growth:+.1f}% (target at most +10%)")

if __name__ == "__main__":
    main()
