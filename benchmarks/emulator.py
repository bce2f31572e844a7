"""Starts the project's emulator on a free loopback port for the benchmark
scripts."""
import socket
import subprocess


def free_port():
    """Returns a port the kernel reported free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_emulator(binary, *options):
    """Starts `celigo emulator` with the options and waits until it listens.
    Returns the process and its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [binary, "emulator", "--port", str(port), *options],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    # The emulator prints its first line once the socket listens.
    process.stdout.readline()
    return process, f"http://127.0.0.1:{port}"
