"""Sandbox worker of the Ablation Workbench (Java side: ablation.engine.eval.sandbox.Sandbox).

Java starts `python -s -S -c BOOTSTRAP` (inside bubblewrap where it works); the bootstrap reads this
source from stdin, so no harness file exists where candidate code could read it. Protocol on
stdin/stdout, one request at a time:
  Java -> worker: one JSON line of settings (see Worker.__init__)
  worker -> Java: one JSON line {"ready": true, ...}
  Java -> worker: b"<byte length>\n" + program (UTF-8)     repeated until stdin closes
  worker -> Java: one JSON line {"outcome", "error", "seconds"} per program

Per program the worker forks a child. The child starts a new session, points fds 0-2 at /dev/null
and closes every other fd but two pipes (so candidate code can never write to Java), enters a fresh
private directory, lowers its resource limits, drops to an unprivileged uid when the worker is root,
then compiles and runs the program. A pass is only counted when the child exits with status 0 AND
wrote "P" + a per-program nonce that it reads from a pipe only after the program returned; the
verdict is decided here, in the parent, never by anything the candidate prints or its exit status
alone. A wall-clock timeout kills the child's process group, and a sweep then kills everything the
candidate left behind (setsid children included): every process of the namespace when the worker
runs inside bubblewrap, every process of the candidate's uid otherwise.

Known limit: candidate code runs in the same process as the check, so code written specifically
against this harness (walking the interpreter's frames to find the nonce pipe) could fake a pass;
sys.exit, os._exit, printing, patched builtins, signal handlers and detached children cannot.
"""

import builtins
import errno
import gc
import json
import os
import resource
import select
import shutil
import signal
import sys
import time

# Modules candidates commonly import: loaded once here, so forked children find them ready.
PRELOAD = ("ctypes", "typing", "math", "re", "collections", "itertools", "functools", "heapq", "bisect", "string",
           "hashlib", "random", "fractions", "decimal", "statistics", "copy", "operator", "datetime")

# Everything the child uses after candidate code ran is bound here, before any candidate code runs,
# so patching builtins or the os module cannot change what the harness does.
_write, _read, _exit, _getpid = os.write, os.read, os._exit, os.getpid
_type, _str, _repr, _issubclass, _len = builtins.type, builtins.str, builtins.repr, builtins.issubclass, builtins.len
_compile, _exec = builtins.compile, builtins.exec
_BaseException, _AssertionError, _MemoryError, _SystemExit = (
    builtins.BaseException, builtins.AssertionError, builtins.MemoryError, builtins.SystemExit)
_SyntaxError, _ValueError = builtins.SyntaxError, builtins.ValueError

ERROR_CHARS = 300


def zombie(pid):
    try:
        with open("/proc/" + pid + "/stat", "rb") as f:
            return f.read().rpartition(b")")[2][1:2] == b"Z"
    except OSError:
        return True


def prctl(option, value):
    try:
        import ctypes
        return ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0) == 0
    except (ImportError, OSError, AttributeError):
        return False


PR_SET_CHILD_SUBREAPER, PR_SET_NO_NEW_PRIVS = 36, 38


def error_text(error):
    try:
        text = _type(error).__name__ + ": " + _str(error)
    except _BaseException:
        text = "unprintable exception"
    return text[:ERROR_CHARS]


def outcome_of(error):
    kind = _type(error)
    if _issubclass(kind, _AssertionError):
        return "assertion"
    if _issubclass(kind, _MemoryError):
        return "memory"
    if _issubclass(kind, _SystemExit):
        return "exit"
    return "exception"


MEMORY_RECORD = b"Fmemory\tMemoryError\0"


def judge(program, nonce_r, verdict_w):
    """Compiles and runs the candidate program in this (child) process and reports on verdict_w."""
    me = _getpid()
    try:
        code = _compile(program, "<candidate>", "exec")
    except _MemoryError:
        _write(verdict_w, MEMORY_RECORD)
        _exit(1)
    except (_SyntaxError, _ValueError) as error:
        _write(verdict_w, b"Fsyntax\t" + error_text(error).encode("utf-8", "replace").replace(b"\0", b" ") + b"\0")
        _exit(1)
    try:
        _exec(code, {"__name__": "__candidate__"})
    except _BaseException as error:
        if _getpid() != me:
            _exit(1)  # a process the candidate forked: only the child the worker forked reports
        if _issubclass(_type(error), _MemoryError):
            _write(verdict_w, MEMORY_RECORD)  # nothing that needs memory
            _exit(1)
        try:
            record = b"F" + outcome_of(error).encode() + b"\t" + error_text(error).encode("utf-8", "replace")
        except _BaseException:
            record = b"Fexception\tunprintable exception"
        _write(verdict_w, record.replace(b"\0", b" ") + b"\0")
        _exit(1)
    if _getpid() != me:
        _exit(0)
    _write(verdict_w, b"P" + _read(nonce_r, 64) + b"\0")
    _exit(0)


class Worker:
    def __init__(self, settings):
        self.timeout = float(settings["timeout"])
        self.memory = int(settings["memory"])
        self.file_size = int(settings["file_size"])
        self.open_files = int(settings["open_files"])
        self.processes = int(settings["processes"])
        self.seed = int(settings["seed"])
        self.uid = settings.get("uid")           # None: candidates keep the worker's uid
        self.namespace = bool(settings["namespace"])  # True inside bubblewrap's PID namespace
        self.root = settings["root"]
        self.counter = 0
        self.note = ""
        self.subreaper = False

    def start(self):
        os.makedirs(self.root, mode=0o711, exist_ok=True)
        os.chmod(self.root, 0o711)
        sys.dont_write_bytecode = True
        if "" in sys.path:
            sys.path.remove("")
        for name in PRELOAD:
            try:
                __import__(name)
            except ImportError:
                pass
        gc.collect()
        gc.freeze()  # the garbage collector leaves these objects alone, so forked children share their pages
        if self.namespace and not self.in_private_namespace():
            self.namespace = False
            self.note = "not in a private PID namespace; sweeping by uid"
        if self.uid is not None and not self.unprivileged_can_run_python():
            self.uid = None
            self.note = ("an unprivileged uid cannot read this Python's files (" + sys.prefix
                         + "); candidates run as the worker's uid")
        if not self.namespace:
            # orphans of candidates are re-parented to this worker, which reaps them after each sweep
            self.subreaper = prctl(PR_SET_CHILD_SUBREAPER, 1)
        self.sweep()

    def ready(self):
        return {"ready": True, "python": sys.version.split()[0], "uid": self.uid,
                "namespace": self.namespace, "note": self.note}

    @staticmethod
    def in_private_namespace():
        """bubblewrap is PID 1 of its namespace; anywhere else kill(-1) would reach the whole host."""
        try:
            with open("/proc/1/cmdline", "rb") as f:
                init = f.read().split(b"\0")[0]
        except OSError:
            return False
        return os.path.basename(init) == b"bwrap" and os.getpid() < 16

    def unprivileged_can_run_python(self):
        pid = os.fork()
        if pid == 0:
            try:
                os.setgroups([])
                os.setgid(self.uid)
                os.setuid(self.uid)
                with open(os.__file__, "rb"):
                    pass
                os.listdir(os.path.dirname(os.__file__))
                _exit(0)
            except BaseException:
                _exit(1)
        _, status = os.waitpid(pid, 0)
        return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0

    def sweep(self):
        """Kills whatever candidate processes are left, detached (setsid) ones included."""
        if self.namespace:
            # In our own PID namespace everything but bwrap (PID 1) and this worker is a leftover.
            for _ in range(10000):
                try:
                    os.kill(-1, signal.SIGKILL)
                except ProcessLookupError:
                    return
                time.sleep(0.0005)  # zombies count until bwrap has reaped them
        elif self.uid is not None:
            self.sweep_uid()

    def sweep_uid(self):
        """Kills every live process of the candidates' uid. kill(-1) from that uid cannot say when none is
        left (it only fails when no other process exists at all), so /proc is scanned until it shows none;
        a pidfd pins each process while its uid is checked, so a recycled pid is never killed."""
        for _ in range(1000):
            self.reap()
            found = False
            for entry in os.scandir("/proc"):
                try:
                    if entry.name.isdigit() and entry.stat().st_uid == self.uid:
                        if zombie(entry.name):
                            found = found or self.subreaper  # ours to reap on the next round
                        else:
                            found = self.kill_candidate(entry.name) or found
                except OSError:
                    pass  # it ended meanwhile
            if not found:
                return
            time.sleep(0.001)

    @staticmethod
    def reap():
        while True:
            try:
                if os.waitpid(-1, os.WNOHANG)[0] == 0:
                    return
            except ChildProcessError:
                return

    def kill_candidate(self, pid):
        try:
            pidfd = os.pidfd_open(int(pid))
        except OSError as error:
            if error.errno != errno.ENOSYS:
                return False
            pidfd = None  # kernel before 5.3: plain kill, after checking the uid once more
        try:
            if os.stat("/proc/" + pid).st_uid != self.uid:
                return False
            if pidfd is None:
                os.kill(int(pid), signal.SIGKILL)
            else:
                signal.pidfd_send_signal(pidfd, signal.SIGKILL)
            return True
        finally:
            if pidfd is not None:
                os.close(pidfd)

    def run(self, program):
        self.counter += 1
        directory = os.path.join(self.root, "c%d" % self.counter)
        os.mkdir(directory, 0o700)
        if self.uid is not None:
            os.chown(directory, self.uid, self.uid)
        nonce = os.urandom(16).hex().encode()
        nonce_r, nonce_w = os.pipe()
        verdict_r, verdict_w = os.pipe()
        os.write(nonce_w, nonce)
        os.close(nonce_w)
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:
            os.close(verdict_r)
            self.child(program, directory, nonce_r, verdict_w)
        os.close(nonce_r)
        os.close(verdict_w)
        os.set_blocking(verdict_r, False)
        timed_out, data = self.wait(pid, verdict_r, started + self.timeout)
        _, status, usage = os.wait4(pid, 0)
        seconds = time.monotonic() - started
        self.sweep()
        data += self.drain(verdict_r)
        os.close(verdict_r)
        shutil.rmtree(directory, ignore_errors=True)
        outcome, error = self.verdict(timed_out, status, usage, data, nonce)
        return {"outcome": outcome, "error": error, "seconds": round(seconds, 6)}

    def wait(self, pid, verdict_r, deadline):
        """Waits for the child to end or the deadline; collects what it writes on the verdict pipe."""
        data = b""
        try:
            exited = os.pidfd_open(pid)
        except (AttributeError, OSError):
            exited = None
        try:
            while True:
                remaining = deadline - time.monotonic()
                if exited is None:
                    if os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
                        return False, data
                    remaining = min(remaining, 0.002)
                if remaining <= 0:
                    break
                readable, _, _ = select.select([verdict_r] + ([exited] if exited is not None else []), [], [], remaining)
                if verdict_r in readable:
                    data += self.drain(verdict_r)
                if exited is not None and exited in readable:
                    return False, data
                if exited is None and time.monotonic() >= deadline:
                    break
        finally:
            if exited is not None:
                os.close(exited)
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            pass
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
        return True, data

    @staticmethod
    def drain(fd, limit=16384):
        data = b""
        while len(data) < limit:
            try:
                chunk = os.read(fd, 4096)
            except BlockingIOError:
                break
            if not chunk:
                break
            data += chunk
        return data

    def verdict(self, timed_out, status, usage, data, nonce):
        if timed_out:
            return "timeout", "wall-clock limit of %g s exceeded" % self.timeout
        records = data.split(b"\0")
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and b"P" + nonce in records:
            return "passed", ""
        failures = [r for r in records if r.startswith(b"F")]
        if failures:
            kind, _, text = failures[-1][1:].partition(b"\t")
            return kind.decode("ascii", "replace"), text.decode("utf-8", "replace")
        if os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            if sig == signal.SIGXCPU or (sig == signal.SIGKILL and usage.ru_utime + usage.ru_stime >= self.cpu_limit() - 0.05):
                return "timeout", "CPU time limit of %d s exceeded" % self.cpu_limit()
            if sig == signal.SIGXFSZ:
                return "killed", "file size limit of %d bytes exceeded" % self.file_size
            return "killed", "killed by signal " + signal.Signals(sig).name
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1
        return "exit", "exited with status %d before the check finished" % code

    def cpu_limit(self):
        return int(self.timeout) + 1

    def child(self, program, directory, nonce_r, verdict_w):
        """Runs in the forked child and never returns into the worker's loop, whatever happens."""
        try:
            self.prepare_child(directory, nonce_r, verdict_w)
        except BaseException as error:
            os.write(verdict_w, b"Fkilled\tsandbox setup failed: " + error_text(error).encode() + b"\0")
            _exit(3)
        try:
            judge(program, nonce_r, verdict_w)
        finally:
            _exit(4)

    def prepare_child(self, directory, nonce_r, verdict_w):
        os.setsid()
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        low, high = min(nonce_r, verdict_w), max(nonce_r, verdict_w)
        os.closerange(3, low)
        os.closerange(low + 1, high)
        os.closerange(high + 1, 65536)
        os.chdir(directory)
        os.environ.clear()
        os.environ.update({"PATH": "/usr/bin:/bin", "HOME": directory, "TMPDIR": directory, "LANG": "C.UTF-8"})
        limits = ((resource.RLIMIT_CPU, self.cpu_limit()), (resource.RLIMIT_AS, self.memory),
                  (resource.RLIMIT_FSIZE, self.file_size), (resource.RLIMIT_NOFILE, self.open_files),
                  (resource.RLIMIT_NPROC, self.processes), (resource.RLIMIT_CORE, 0))
        for which, value in limits:
            hard = resource.getrlimit(which)[1]
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(which, (value, value))
        prctl(PR_SET_NO_NEW_PRIVS, 1)  # setuid programs run by a candidate gain nothing
        if self.uid is not None:
            os.setgroups([])
            os.setgid(self.uid)
            os.setuid(self.uid)
        if "random" in sys.modules:
            sys.modules["random"].seed(self.seed)

    def stop(self):
        self.sweep()
        shutil.rmtree(self.root, ignore_errors=True)


def main():
    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    worker = Worker(json.loads(requests.readline()))
    worker.start()
    replies.write(json.dumps(worker.ready()).encode() + b"\n")
    replies.flush()
    while True:
        header = requests.readline()
        if not header:
            break
        program = requests.read(int(header)).decode("utf-8", "replace")
        replies.write(json.dumps(worker.run(program)).encode() + b"\n")
        replies.flush()
    worker.stop()


main()
