"""Test helpers: whether a local service answers, a TCP proxy that can cut a real
connection (to make a server unreachable), which process is talking to a port (to catch a
server in the middle of a turn), and a socket.io client that talks as the widget does."""
from __future__ import annotations

import os
import socket
import threading
import time


def reachable(port: int, host: str = "127.0.0.1") -> bool:
    """Whether something accepts connections on this port (PostgreSQL, Redis, nginx)."""
    try:
        socket.create_connection((host, port), timeout=1).close()
        return True
    except OSError:
        return False


class CuttableProxy:
    """Forwards 127.0.0.1:<port> to a real server until `cut()`; `restore()` reopens it."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.listener.listen()
        self.open = True
        self.connections: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.open:
                client.close()
                continue
            upstream = socket.create_connection(self.target)
            self.connections += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self) -> None:
        """Drops every open connection and refuses new ones."""
        self.open = False
        for connection in self.connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            connection.close()
        self.connections.clear()

    def restore(self) -> None:
        self.open = True

    def close(self) -> None:
        self.cut()
        self.listener.close()


def connected_to(pid: int, port: int) -> bool:
    """Whether process `pid` has an established TCP connection to 127.0.0.1:`port` (read from
    /proc, Linux): a Rasa instance waiting for the action server is in the middle of a turn."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    with open("/proc/net/tcp") as table:
        for line in table.read().splitlines()[1:]:
            fields = line.split()
            remote_port, state, inode = int(fields[2].split(":")[1], 16), fields[3], fields[9]
            if remote_port == port and state == "01" and inode in inodes:
                return True
    return False


class Widget:
    """A socket.io client that talks as the web widget does: one session id, several messages
    (Rasa's protocol: session_request, then user_uttered; answers as bot_uttered)."""

    def __init__(self, url: str, sender: str, http_session=None) -> None:
        import socketio

        self.received: list[dict] = []
        self.sender = sender
        self.client = socketio.Client(reconnection=False, http_session=http_session)
        self.client.on("bot_uttered", lambda data: self.received.append(data))
        self.client.connect(url, transports=["polling"], socketio_path="socket.io")
        self.client.emit("session_request", {"session_id": sender})
        time.sleep(0.5)

    def send(self, text: str) -> int:
        """Sends without waiting; returns the number of messages received before."""
        before = len(self.received)
        self.client.emit("user_uttered", {"message": text, "session_id": self.sender})
        return before

    def collect(self, before: int, started: float, wait: float) -> tuple[list[dict], float]:
        """What came back after `before`, until it has been quiet for 2 s (or `wait` passed
        without anything); and the seconds from `started` to the first message."""
        deadline = started + wait
        while time.monotonic() < deadline and len(self.received) == before:
            time.sleep(0.1)
        elapsed = time.monotonic() - started
        count = len(self.received)
        quiet_until = time.monotonic() + 2
        while time.monotonic() < quiet_until:
            time.sleep(0.1)
            if len(self.received) != count:
                count, quiet_until = len(self.received), time.monotonic() + 2
        return self.received[before:], elapsed

    def say(self, text: str, wait: float) -> tuple[list[dict], float]:
        started = time.monotonic()
        return self.collect(self.send(text), started, wait)

    def close(self) -> None:
        try:
            self.client.disconnect()
        except Exception:  # the server is gone already
            pass
