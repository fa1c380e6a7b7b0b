"""Queries run in worker processes, so that no query can end, stall or swell the process that serves them.

A query past its time is stopped by killing its worker, which gives back its memory and its slot at once
(neither store can be interrupted from outside: pyoxigraph runs a query in Rust to its end). A query that
crashes its engine (pyoxigraph overflows its stack on deeply nested groups) ends only its worker. Each
worker answers one query at a time, so rdflib, whose query parser is not thread-safe, never sees two.

Workers are forked, with the loaded graph, from a "zygote": a process forked once at start, before the
server starts any thread (forking a process that runs threads can deadlock the child). A worker that was
killed is replaced by a new fork of the zygote, in milliseconds, whatever the size of the graph. POSIX
only (fork and passing a socket between processes).
"""

from __future__ import annotations

import faulthandler
import gc
import os
import pickle
import queue
import resource
import signal
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import NoReturn, cast

from kg.explore.query import QueryError, Results, Store, one_line

MIB = 1024 * 1024


class Busy(Exception):
    """No worker became free in time."""


class GaveUp(Exception):
    """The query ran past its time; its worker was killed."""


class Crashed(Exception):
    """The query ended its worker (a crash of the engine, or past the memory limit)."""


@dataclass
class WorkerProcess:
    pid: int
    channel: socket.socket

    def ask(self, sparql: str, max_rows: int | None, timeout: float) -> Results:
        send_message(self.channel, (sparql, max_rows))
        self.channel.settimeout(timeout)
        try:
            status, value = cast(tuple[str, object], receive_message(self.channel))
        except TimeoutError:
            raise GaveUp(f"query timed out after {timeout:g} s") from None
        except (EOFError, OSError):
            raise Crashed(
                "the query engine stopped while running this query (too deeply nested, too large, or past"
                " the memory limit): simplify it"
            ) from None
        if status == "error":
            assert isinstance(value, QueryError)
            raise value
        assert isinstance(value, Results)
        return value

    def stop(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:  # it crashed and is gone already
            pass
        self.channel.close()


class WorkerPool:
    """`size` worker processes answering queries over one store; `ask` waits for a free one."""

    def __init__(self, store: Store, size: int = 4, max_memory_mib: int = 2048) -> None:
        self.size = size
        self.zygote = Zygote(store, max_memory_mib)
        self.idle: queue.Queue[WorkerProcess] = queue.Queue()
        for _ in range(size):
            self.idle.put(self.zygote.spawn())

    def ask(self, sparql: str, max_rows: int | None, timeout: float, wait: float) -> Results:
        try:
            worker = self.idle.get(timeout=wait)
        except queue.Empty:
            raise Busy(f"busy: all {self.size} query workers are taken; try again later") from None
        try:
            results = worker.ask(sparql, max_rows, timeout)
        except (GaveUp, Crashed):
            worker.stop()
            worker = self.zygote.spawn()
            raise
        finally:
            self.idle.put(worker)
        return results

    def close(self) -> None:
        while True:
            try:
                self.idle.get_nowait().stop()
            except queue.Empty:
                break
        self.zygote.close()


class Zygote:
    """A process holding the loaded store, whose only work is to fork workers on request."""

    def __init__(self, store: Store, max_memory_mib: int) -> None:
        ours, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:
            ours.close()
            _child(_zygote_loop, store, theirs, max_memory_mib)
        theirs.close()
        self.pid = pid
        self.channel = ours
        self.lock = threading.Lock()  # one request to fork at a time

    def spawn(self) -> WorkerProcess:
        with self.lock:
            self.channel.sendall(b"f")
            message, fds, _, _ = socket.recv_fds(self.channel, 32, 1)
        if not fds:
            raise OSError("the query workers' zygote has stopped")
        return WorkerProcess(int(message), socket.socket(fileno=fds[0]))

    def close(self) -> None:
        self.channel.close()  # the zygote reads the end of its channel and exits
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def _child(main: Callable[..., None], *args: object) -> NoReturn:
    """Run `main` in a forked child and end the child without running the parent's exit handlers."""
    code = 0
    try:
        main(*args)
    except BaseException:
        code = 1
    os._exit(code)


def _zygote_loop(store: Store, channel: socket.socket, max_memory_mib: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which closes the channel
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # workers that end are reaped by the kernel
    gc.freeze()  # the graph's objects stay out of the collector's way: workers share their pages longer
    while channel.recv(1) == b"f":
        ours, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:
            channel.close()
            ours.close()
            _child(_worker_loop, store, theirs, max_memory_mib)
        socket.send_fds(channel, [str(pid).encode()], [ours.fileno()])
        ours.close()
        theirs.close()


def _worker_loop(store: Store, channel: socket.socket, max_memory_mib: int) -> None:
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    # A crash is told to the client; it is not a traceback or an allocator's message on the server's terminal.
    faulthandler.disable()
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    _limit_memory(max_memory_mib)
    while True:
        try:
            sparql, max_rows = cast(tuple[str, "int | None"], receive_message(channel))
        except (EOFError, OSError):
            return  # the server closed the channel: it stopped, or gave up on this worker
        try:
            reply: tuple[str, object] = ("ok", store.run(sparql, max_rows))
        except QueryError as error:
            reply = ("error", error)
        except MemoryError:
            reply = ("error", QueryError(f"query failed: past the memory limit of {max_memory_mib} MiB"))
        except Exception as error:  # RecursionError on deep queries, and whatever else an engine raises
            reply = ("error", QueryError(f"query failed: {one_line(error)}"))
        send_message(channel, reply)


def _limit_memory(max_memory_mib: int) -> None:
    """Cap the worker's address space at what it has (the graph, shared with the zygote) plus the budget.
    Where /proc is missing (macOS, which does not enforce the limit anyway) there is no cap."""
    try:
        with open("/proc/self/statm") as statm:
            have = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return
    limit = have + max_memory_mib * MIB
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


# ---- messages: a length, then a pickle (both ends are this module, forked from one process) ----


def send_message(channel: socket.socket, message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    channel.sendall(len(data).to_bytes(8, "big") + data)


def receive_message(channel: socket.socket) -> object:
    size = int.from_bytes(_receive_exactly(channel, 8), "big")
    return pickle.loads(_receive_exactly(channel, size))


def _receive_exactly(channel: socket.socket, size: int) -> bytes:
    chunks = bytearray()
    while len(chunks) < size:
        chunk = channel.recv(min(size - len(chunks), 1 << 20))
        if not chunk:
            raise EOFError("channel closed")
        chunks += chunk
    return bytes(chunks)
