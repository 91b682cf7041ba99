"""Sandbox worker of the Ablation Workbench (Java side: ablation.engine.eval.sandbox.Sandbox).

Java starts `python -s -S -c BOOTSTRAP` (inside bubblewrap where it works); the bootstrap reads this
source from stdin, so no harness file exists where candidate code could read it. Protocol on
stdin/stdout, one request at a time:
  Java -> worker: one JSON line of settings (see Worker.__init__)
  worker -> Java: one JSON line {"ready": true, ...} or {"ready": false, "error": ...}
  Java -> worker: b"<byte length>\n" + program (UTF-8)     repeated until stdin closes
  worker -> Java: one JSON line {"outcome", "error", "seconds"} per program

Per program the worker forks a child. The child starts a new session, points fds 0-2 at /dev/null
and closes every other fd but the write end of the verdict pipe, enters a fresh private directory,
lowers its resource limits and, when the worker is root, drops to an unprivileged uid (a worker
never runs a candidate as root: it refuses to start instead). Then judge() installs a PEP 578 audit hook and only then runs
candidate code. The verdict is decided here, in the worker, never by anything the candidate prints
or by its exit status alone: a pass needs exit status 0 AND the record "P" + a per-program nonce.
The nonce exists only as a local of the child's harness frames (never on a descriptor), and the
hook keeps candidate code away from those frames and from anything that could read memory:
frames (sys._getframe, tracebacks' tb_frame, gi_frame/cr_frame/ag_frame, signal handlers,
gc.garbage under DEBUG_SAVEALL), sys.settrace/setprofile, gc.get_objects/get_referrers/get_referents, code-object assignment and
creation, ctypes and other native-code loaders, crafted bytecode (marshal), new processes (exec,
spawn, subprocess), sockets, kill() of other processes, /proc and /dev, and writes outside the
candidate's directory. Everything the harness uses once candidate code has started is a local
bound before, so patched builtins, modules or harness globals change nothing.

HumanEval-shaped programs (ending in `check(entry_point)` after a top-level `def check`) are run
in two steps: the program without the final call, then the test's own check (compiled from the
program text, so rebinding `check` or changing its code does nothing) with the builtins as they
were before the candidate ran and copies of the watched modules, on a wrapper of the entry point
that refuses results whose class (or a class inside a list, tuple, dict, set, dict view or what a
returned iterator yields) overrides comparisons or arithmetic, such as an `__eq__` that always
returns True. The builtins and the modules the program holds must be unchanged after every call
and at the end, or the program fails. Threads are refused, and fork where nothing would kill what
it leaves behind. A wall-clock timeout kills the child's process group, and a sweep then kills
everything the candidate left behind (setsid children included): every process of the namespace
inside bubblewrap, every process of the candidate's uid otherwise.

Known limits: audit hooks are a second line, not the boundary (that is bubblewrap and the
unprivileged uid); a CPython bug that corrupts memory from pure Python could still reach the nonce.
Test-level cheating that is not a lying result is not detected: redefining a prompt helper the check
calls (`poly`), mutating an argument the check compares later, or text that splices the test.
"""

import builtins
import errno
import gc
import json
import os
import re
import resource
import select
import shutil
import signal
import sys
import time
import types

# Modules candidates commonly import: loaded once here, so forked children find them ready. ctypes is
# never loaded: its classes would stay reachable through object.__subclasses__() in every child.
PRELOAD = ("typing", "math", "re", "collections", "itertools", "functools", "heapq", "bisect", "string", "hashlib",
           "random", "fractions", "decimal", "statistics", "copy", "operator", "datetime")

# Modules whose attributes a check may rely on (math.fabs, copy.deepcopy, ...): a program that changes
# one of them fails. Not threading and the like, whose globals change by themselves (after a fork).
WATCHED = ("math", "cmath", "operator", "functools", "itertools", "collections", "copy", "heapq", "bisect",
           "string", "re", "statistics", "fractions", "decimal", "numbers", "random", "hashlib", "datetime",
           "unicodedata", "array", "struct", "textwrap", "os", "posixpath")

# Modules a candidate may not import or load: native code, process creation, sub-interpreters
# (which have no audit hooks), C-API test helpers and profilers. Matched on the last dotted component.
BANNED_MODULES = frozenset((
    "ctypes", "_ctypes", "_ctypes_test", "cffi", "_cffi_backend", "_posixsubprocess", "subprocess", "pty",
    "_xxsubinterpreters", "_xxinterpchannels", "_interpreters", "_interpchannels", "_interpqueues",
    "_testcapi", "_testinternalcapi", "_testmultiphase", "_testbuffer", "_testimportmultiple",
    "_testsinglephase", "_xxtestfuzz", "xxsubtype", "_lsprof", "cProfile", "profile", "bdb", "pdb",
    "_remote_debugging", "readline", "_tkinter", "_posixshmem"))

# Events refused outright. sys._getframe answers ValueError (what the standard library expects when
# no frame is available: namedtuple, enum and typing fall back); the rest PermissionError.
REFUSED_EVENTS = frozenset((
    "sys._current_frames", "sys._current_exceptions", "sys.settrace", "sys.setprofile",
    "sys._getframemodulename", "sys.addaudithook", "sys.remote_exec", "sys.monitoring.register_callback",
    "gc.get_objects", "gc.get_referrers", "gc.get_referents", "code.__new__", "os.exec", "os.posix_spawn",
    "os.spawn", "os.system", "os.startfile", "os.forkpty", "subprocess.Popen", "os.killpg", "os.symlink",
    "os.link", "os.chown", "os.lchown", "os.fchown", "os.mknod", "os.mkfifo", "os.setxattr",
    "os.removexattr", "pty.spawn", "cpython.run_command", "cpython.run_file", "cpython.run_module",
    "cpython.run_interactivehook", "cpython.run_startup", "cpython.remote_debugger_script",
    "_posixsubprocess.fork_exec", "ctypes.dlopen", "ctypes.dlsym", "ctypes.dlsym/handle", "ctypes.cdata",
    "ctypes.cdata/buffer", "ctypes.call_function", "ctypes.addressof", "ctypes.string_at", "ctypes.wstring_at",
    "ctypes.set_errno", "ctypes.get_errno", "ctypes.create_string_buffer", "ctypes.create_unicode_buffer",
    "ctypes.PyObj_FromPtr", "ctypes.seh_exception", "ctypes.get_last_error", "ctypes.set_last_error",
    "ctypes.set_exception", "syslog.openlog", "webbrowser.open", "sqlite3.enable_load_extension",
    "sqlite3.load_extension", "os.add_dll_directory"))

# Attribute reads that hand out a frame (object.__getattr__ events); code objects may be read.
FRAME_ATTRIBUTES = frozenset(("tb_frame", "gi_frame", "cr_frame", "ag_frame", "f_back"))

# Events whose arguments start with one path (or two for rename): allowed inside the candidate's directory only.
WRITE_EVENTS = frozenset(("os.mkdir", "os.remove", "os.rmdir", "os.truncate", "os.chmod", "os.utime",
                          "os.chflags", "os.lchflags", "os.lchmod", "shutil.rmtree", "shutil.copyfile",
                          "shutil.copymode", "shutil.copystat", "shutil.copytree", "shutil.move",
                          "shutil.chown", "shutil.make_archive", "shutil.unpack_archive"))
RENAME_EVENTS = frozenset(("os.rename", "os.replace"))
# Events whose first argument is a path (or a descriptor) that is read: kept out of /proc and /dev.
READ_EVENTS = frozenset(("os.listdir", "os.scandir", "os.chdir", "os.listxattr", "os.getxattr", "glob.glob",
                         "glob.glob/2", "os.walk", "os.fwalk"))

# Readable devices; the rest of /dev and all of /proc stay closed (/proc/self/fd, /proc/<pid>/mem, environ).
OPEN_DEVICES = frozenset(("/dev/null", "/dev/zero", "/dev/urandom", "/dev/random", "/dev/full"))

# Dunders a result's class may define without being able to lie in a comparison or an arithmetic check.
HARMLESS_DUNDERS = frozenset((
    "__module__", "__qualname__", "__doc__", "__slots__", "__dict__", "__weakref__", "__init__", "__new__",
    "__repr__", "__str__", "__format__", "__match_args__", "__annotations__", "__getnewargs__",
    "__getnewargs_ex__", "__orig_bases__", "__parameters__", "__init_subclass__", "__class_getitem__",
    "__dataclass_fields__", "__dataclass_params__", "__reduce__", "__reduce_ex__", "__getstate__",
    "__setstate__", "__copy__", "__deepcopy__", "__firstlineno__", "__static_attributes__", "__type_params__",
    "__abstractmethods__", "_abc_impl", "__hash__"))

ERROR_CHARS = 300
# What the worker keeps of the verdict pipe: the end, where the harness's own record is; a candidate that
# floods the pipe only pushes out its own bytes.
VERDICT_BYTES = 1 << 16


def zombie(pid):
    try:
        with open("/proc/" + pid + "/stat", "rb") as f:
            return f.read().rpartition(b")")[2][1:2] == b"Z"
    except OSError:
        return True


FINAL_CALL = re.compile(r"\ncheck\(([A-Za-z_][A-Za-z_0-9]*)\)\s*\Z")
PLAIN_FUNCTION_FLAGS = 0x04 | 0x08 | 0x20 | 0x80 | 0x100 | 0x200  # no *args, **kwargs, generator or coroutine


def split_check(program):
    """Compiles a program. A HumanEval-shaped one (`... def check(candidate): ...` then a last line
    `check(name)`) comes back as (code without that last line, code of the last top-level `def check`, name);
    any other as (code, None, None). Cutting the text at the last line is exact: a statement can only continue
    onto a line at column 0 from an open bracket or a backslash, and the first part would not compile alone."""
    call = FINAL_CALL.search(program)
    if call is not None:
        module = compile(program[:call.start()], "<candidate>", "exec", dont_inherit=True)
        checks = [c for c in module.co_consts if isinstance(c, types.CodeType) and c.co_name == "check"]
        if checks and checks[-1].co_argcount == 1 and not checks[-1].co_kwonlyargcount \
                and not checks[-1].co_posonlyargcount and not checks[-1].co_freevars \
                and not checks[-1].co_flags & PLAIN_FUNCTION_FLAGS:
            return module, checks[-1], call.group(1)
    return compile(program, "<candidate>", "exec", dont_inherit=True), None, None

# A key for an object's identity that, unlike id() (an audited event, so a call into the hook), costs nothing:
# object's own hash is the address, rotated, whatever the object's class says about hashing.
address = object.__hash__


def watch(namespace, items):
    """(the bound get of a namespace, its names, their values, the items) as they are now. Bound methods of dicts
    cannot be patched, and comparing with `is` never runs code of the objects compared."""
    items = tuple(items)
    return namespace.get, tuple(name for name, _ in items), tuple(value for _, value in items), items


class Guards:
    """What the child needs to judge, prepared once in the worker before any candidate ran (so it is pristine
    in every forked child) and handed to judge() as an argument: nothing here is reachable from a module."""

    def __init__(self):
        self.builtins = dict(builtins.__dict__)
        watched_modules = [builtins] + [sys.modules[name] for name in WATCHED if name in sys.modules]
        self.module_names = tuple((module.__name__, module) for module in watched_modules)
        trusted = [int, bool, float, complex, str, bytes, bytearray, type(None), list, tuple, dict, set, frozenset,
                   range, slice, type(Ellipsis), type(NotImplemented), object]
        self.plain = frozenset(address(t) for t in (int, bool, float, complex, str, bytes, bytearray, type(None), range,
                                               slice, type(Ellipsis), type(NotImplemented)))
        self.containers = frozenset(address(t) for t in (list, tuple, dict, set, frozenset))
        self.views = frozenset(address(type(view)) for view in ({}.keys(), {}.values(), {}.items()))
        # built-in types that hand comparisons on to an object they hide (a weakref proxy's referent, a
        # mappingproxy's mapping), which the inspection could not see
        import weakref
        self.forwarding = frozenset(address(t) for t in (weakref.ProxyType, weakref.CallableProxyType,
                                                         types.MappingProxyType))
        # Value classes of the standard library written in Python: trusted while their dicts are unchanged.
        value_classes = []
        for module_name, names in (("collections", ("Counter",)),
                                   ("abc", ("ABCMeta", "ABC")),
                                   ("fractions", ("Fraction",)), ("numbers", ("Number", "Complex", "Real",
                                                                              "Rational", "Integral"))):
            module = sys.modules.get(module_name)
            for name in names:
                cls = getattr(module, name, None)
                if isinstance(cls, type):
                    value_classes.append(cls)
        for base in (getattr(sys.modules.get("collections.abc"), name, None) for name in
                     ("Mapping", "MutableMapping", "Sequence", "MutableSequence", "Set", "MutableSet", "Collection",
                      "Sized", "Iterable", "Container", "Reversible", "Hashable")):
            if isinstance(base, type):
                value_classes.append(base)
        self.trusted_classes = frozenset(address(cls) for cls in trusted + value_classes)
        class_dict = type.__dict__["__dict__"].__get__
        watched = [watch(module.__dict__, module.__dict__.items()) for module in watched_modules]
        self.by_module = {address(module): entry for module, entry in zip(watched_modules, watched)}
        self.module_ids = {module.__name__: address(module) for module in watched_modules}
        self.classes_and_modules = tuple([watch(class_dict(cls), class_dict(cls).items()) for cls in value_classes]
                                         + [watch(sys.modules, self.module_names)])
        self.watched = tuple(watched) + self.classes_and_modules
        self.prefixes = tuple(sorted({os.path.realpath(p) + "/" for p in (sys.prefix, sys.base_prefix, sys.exec_prefix,
                                                                         sys.base_exec_prefix)}))


def make_audit_hook(guards, directory, verdict_w, may_fork):
    """The audit hook of one child (see the module doc). It keeps no state a candidate could change: everything
    it uses is bound here, and the hook itself is reachable only from the interpreter's hook list. may_fork is
    False where nothing would kill what a fork leaves behind (no PID namespace, no uid of the candidates' own)."""
    type_, str_, bytes_, int_, tuple_ = type, str, bytes, int, tuple
    startswith, endswith, rpartition, split, join = str.startswith, str.endswith, str.rpartition, str.split, str.join
    decode = bytes.decode
    getcwd, getpid, fstat_open = os.getcwd, os.getpid, open
    PermissionError_, ValueError_ = PermissionError, ValueError
    refused, frame_attributes, banned = REFUSED_EVENTS, FRAME_ATTRIBUTES, BANNED_MODULES
    write_events, rename_events, devices, prefixes = WRITE_EVENTS, RENAME_EVENTS, OPEN_DEVICES, guards.prefixes
    read_events = READ_EVENTS
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
    root = directory + "/"
    trusted_bytecode = []  # the last standard-library .pyc opened: the only data marshal.loads may read

    def text(path):
        kind = type_(path)
        if kind is str_:
            return path
        if kind is bytes_:
            return decode(path, "utf-8", "surrogateescape")
        raise PermissionError_("sandbox: paths must be str or bytes")

    def absolute(path):
        """The path made absolute without the file system's help. A relative path may not climb ("..") out of
        where it starts: with a directory descriptor (dir_fd, which the event does not show) it would start
        elsewhere than the working directory this resolves it against."""
        path = text(path)
        if not startswith(path, "/"):
            if path == ".." or startswith(path, "../") or "/../" in path or endswith(path, "/.."):
                raise PermissionError_("sandbox: relative paths may not climb with '..'")
            path = getcwd() + "/" + path
        parts = []
        for part in split(path, "/"):
            if part == "..":
                if parts:
                    parts.pop()
            elif part and part != ".":
                parts.append(part)
        return "/" + join("/", parts)

    def inside_directory(path):
        where = absolute(path)
        return where == directory or startswith(where, root)

    def trusted_file(where):
        for prefix in prefixes:
            if startswith(where, prefix):
                return True
        return False

    def readable(path):
        """The absolute path, unless it lies in /proc (descriptors, memory, environments) or in /dev."""
        where = absolute(path)
        if where == "/proc" or startswith(where, "/proc/") or (startswith(where, "/dev/") and where not in devices):
            raise PermissionError_("sandbox: " + where + " is not readable")
        return where

    def check_open(path, mode, flags):
        if type_(path) is int_:
            if path == verdict_w:
                raise PermissionError_("sandbox: the verdict descriptor is not yours")
            return
        where = readable(path)
        writing = (type_(flags) is int_ and flags & write_flags) or (
            type_(mode) is str_ and ("w" in mode or "a" in mode or "x" in mode or "+" in mode))
        if writing and not inside_directory(where) and where not in devices:
            raise PermissionError_("sandbox: writing outside the candidate's directory: " + where)
        if endswith(where, ".pyc"):
            if not trusted_file(where):
                raise PermissionError_("sandbox: bytecode outside the Python installation: " + where)
            trusted_bytecode[:] = [where]

    def hook(event, args):
        if event == "os.fork" and not may_fork:
            raise PermissionError_("sandbox: fork is not allowed without bubblewrap or an unprivileged uid")
        if startswith(event, "object.") and type_(args[1]) is not str_:
            raise PermissionError_("sandbox: attribute names must be plain strings")
        if event in refused:
            raise PermissionError_("sandbox: " + event + " is not allowed")
        if event == "sys._getframe":
            raise ValueError_("sandbox: frames are not available")
        if event == "object.__getattr__":
            if args[1] in frame_attributes:
                raise PermissionError_("sandbox: frames are not available")
        elif event == "object.__setattr__" or event == "object.__delattr__":
            if args[1] == "__code__" or (type_(args[0]) is types.FunctionType and args[1] in ("__defaults__",
                                                                                           "__kwdefaults__")
                                         and args[0].__code__.co_filename == "harness"):
                raise PermissionError_("sandbox: changing " + str_(args[1]) + " is not allowed")
        elif event == "open":
            check_open(args[0], args[1], args[2])
        elif event == "import":
            name = args[0]
            if type_(name) is not str_ or rpartition(name, ".")[2] in banned or split(name, ".")[0] in banned:
                raise PermissionError_("sandbox: importing " + str_(name) + " is not allowed")
            if args[1] is not None and not trusted_file(absolute(args[1])):
                raise PermissionError_("sandbox: loading modules from outside the Python installation")
        elif event == "marshal.loads" or event == "marshal.load":
            # importlib reads a standard-library .pyc (opened just before, checked above) and unmarshals it;
            # anything else is crafted bytecode, which can read memory
            if event == "marshal.load" or not trusted_bytecode:
                raise PermissionError_("sandbox: loading bytecode is not allowed")
            with fstat_open(trusted_bytecode[0], "rb") as f:
                genuine = f.read()[16:]
            trusted_bytecode[:] = []
            if genuine != args[0]:
                raise PermissionError_("sandbox: loading bytecode is not allowed")
        elif event in read_events:
            if type_(args[0]) is not int_:
                readable(args[0])
        elif event == "os.kill":
            if args[0] != getpid():
                raise PermissionError_("sandbox: signalling other processes is not allowed")
        elif startswith(event, "socket."):
            raise PermissionError_("sandbox: no network")
        elif event in write_events:
            if type_(args[0]) is not int_ and not inside_directory(args[0]):
                raise PermissionError_("sandbox: " + event + " outside the candidate's directory")
        elif event in rename_events:
            if not inside_directory(args[0]) or not inside_directory(args[1]):
                raise PermissionError_("sandbox: " + event + " outside the candidate's directory")

    return hook


def refuse_gc_debug(*args, **kwargs):
    """Stands in for gc.set_debug in the child: DEBUG_SAVEALL would hand dead frames to gc.garbage, and a dead
    frame's f_back leads up into the harness."""
    raise PermissionError("sandbox: gc.set_debug is not allowed")


def refuse_threads(*args, **kwargs):
    """Stands in for _thread.start_new_thread in the child: a thread could change a module between the
    harness's checks and the check's use of it."""
    raise PermissionError("sandbox: threads are not allowed")


def refuse_builtin(*args, **kwargs):
    """Stands in for _imp.create_builtin in the child: every built-in module is loaded already; a second copy
    (of _signal, say) would bring back what the child took away."""
    raise PermissionError("sandbox: built-in modules cannot be created again")


def close_native_doors():
    """Before candidate code runs: no second copy of built-in modules, no gc.set_debug or gc.callbacks, no
    threads, and no Python signal
    handlers (a handler receives the interrupted frame, which may be the harness's). SIG_IGN and SIG_DFL stay
    available: the real _signal.signal is kept in a suspended generator, whose frame candidate code cannot
    reach (gi_frame)."""
    import _imp
    import _signal
    original, plain = _signal.signal, (_signal.SIG_DFL, _signal.SIG_IGN)
    type_, int_, PermissionError_ = type, int, PermissionError

    def vault():
        """Answers (ok, result or error) for each (signalnum, handler) sent; it is reachable through the
        closure of signal_without_handlers, so it checks the request itself."""
        request = yield
        while True:
            try:
                signalnum, handler = request
                if type_(signalnum) is not int_ or type_(handler) is not int_ or handler not in plain:
                    raise PermissionError_("sandbox: signal handlers are not allowed (only SIG_IGN and SIG_DFL)")
                answer = (True, original(signalnum, handler))
            except BaseException as error:
                answer = (False, error)
            request = yield answer

    keeper = vault()
    next(keeper)

    def signal_without_handlers(signalnum, handler):
        ok, answer = keeper.send((signalnum, handler))
        if not ok:
            raise answer
        return answer

    import _thread
    _imp.create_builtin = refuse_builtin
    _signal.signal = signal_without_handlers
    gc.set_debug = refuse_gc_debug
    gc.callbacks = ()  # the collector keeps calling the list it had; this leaves it out of reach
    for name in ("start_new_thread", "start_new", "start_joinable_thread"):  # the last one since 3.13
        if hasattr(_thread, name):
            setattr(_thread, name, refuse_threads)
    threading = sys.modules.get("threading")
    for name in ("_start_new_thread", "_start_joinable_thread"):
        if hasattr(threading, name):
            setattr(threading, name, refuse_threads)


def judge(program, verdict_w, pass_record, directory, guards, may_fork):
    """Runs the candidate program in this (child) process and reports on verdict_w; never returns.

    Every name used once candidate code has started is a local of this frame or of its closures, bound
    before: candidate code can reach neither (see make_audit_hook), so it cannot change what happens here."""
    write, exit_, getpid = os.write, os._exit, os.getpid
    type_, str_, len_, isinstance_ = type, str, len, isinstance
    exec_, function_type, tuple_, list_, dict_ = exec, types.FunctionType, tuple, list, dict
    startswith, endswith, encode, replace = str.startswith, str.endswith, str.encode, bytes.replace
    dict_keys, dict_values, dict_items = dict.keys, dict.values, dict.items
    list_append, list_pop, list_extend, set_add = list.append, list.pop, list.extend, set.add
    mro_of, dict_of, flags_of = type.__dict__["__mro__"].__get__, type.__dict__["__dict__"].__get__, \
        type.__dict__["__flags__"].__get__
    qualname_of = type.__dict__["__qualname__"].__get__
    BaseException_, AssertionError_, MemoryError_, SystemExit_ = BaseException, AssertionError, MemoryError, SystemExit
    RecursionError_, TypeError_, RuntimeError_, KeyError_, NameError_ = (RecursionError, TypeError, RuntimeError,
                                                                          KeyError, NameError)
    issubclass_, map_, all_, repeat_ = issubclass, map, all, sys.modules["itertools"].repeat
    is_, id_ = sys.modules["operator"].is_, address
    collection_types = (list, tuple, set, frozenset, sys.modules["collections"].deque)
    plain, containers, views, trusted = guards.plain, guards.containers, guards.views, guards.trusted_classes
    forwarding = guards.forwarding
    watched, by_module, harmless, pristine = guards.watched, guards.by_module, HARMLESS_DUNDERS, dict(guards.builtins)
    classes_and_modules = guards.classes_and_modules
    module_ids, module_type, dict_update = guards.module_ids, types.ModuleType, dict.update
    per_call = [by_module[address(builtins)]]
    real_import = pristine["__import__"]
    snapshots = {}

    def snapshot(module_id):
        """A copy of a watched module as it was before the candidate ran, for the check's own use."""
        copy = snapshots.get(module_id)
        if copy is None:
            items = by_module[module_id][3]
            copy = module_type(dict_(items)["__name__"])
            dict_update(copy.__dict__, items)
            snapshots[module_id] = copy
        return copy

    def check_import(name, globals=None, locals=None, fromlist=(), level=0):
        if level == 0 and type_(name) is str_ and name in module_ids:
            return snapshot(module_ids[name])
        return real_import(name, globals, locals, fromlist, level)

    pristine["__import__"] = check_import
    missing = object()
    heap_type = 1 << 9
    me = getpid()

    def finish(record, status):
        try:
            write(verdict_w, replace(record, b"\0", b" ") + b"\0")
        finally:
            exit_(status)

    def error_text(error):
        try:
            text = type_(error).__name__ + ": " + str_(error)
            if type_(text) is not str_:
                text = "unprintable exception"
        except BaseException_:
            text = "unprintable exception"
        return encode(text[:ERROR_CHARS], "utf-8", "replace")

    def outcome_of(error):
        kind = type_(error)
        if issubclass_(kind, AssertionError_):
            return b"assertion"
        if issubclass_(kind, MemoryError_):
            return b"memory"
        if issubclass_(kind, SystemExit_):
            return b"exit"
        return b"exception"

    def unchanged(entries):
        """Raises when the candidate changed the builtins, a preloaded module or a trusted value class."""
        for get, names, values, items in entries:
            if not all_(map_(is_, map_(get, names, repeat_(missing)), values)):  # in C: fast, no candidate code
                for name, value in items:
                    if get(name, missing) is not value:
                        raise RuntimeError_("sandbox: the program changed " + str_(name) + " of the standard library")

    def lying_class(cls):
        """The first dunder by which instances of cls could answer a comparison or a check untruthfully."""
        if type_(cls) is not type and id_(type_(cls)) not in trusted:
            return "a metaclass of its own"
        if id_(cls) in forwarding:
            return "comparisons handed on to a hidden object"
        for base in mro_of(cls):
            if id_(base) in trusted or not flags_of(base) & heap_type:
                continue
            for name in dict_of(base):
                if type_(name) is not str_:
                    return "a non-string attribute"
                if startswith(name, "__") and endswith(name, "__") and name not in harmless:
                    return "its own " + name
        return None

    def inspect_result(value):
        """Refuses a result that is, or holds in a list/tuple/dict/set, an object whose class overrides __eq__."""
        stack, seen = [value], set()
        while stack:
            item = list_pop(stack)
            kind = type_(item)
            if id_(kind) in plain:
                continue
            if id_(kind) in views:
                list_extend(stack, list_(item))
                continue
            if id_(kind) in containers:
                if id_(item) in seen:
                    continue
                set_add(seen, id_(item))
                if kind is dict_:
                    list_extend(stack, dict_keys(item))
                    list_extend(stack, dict_values(item))
                else:
                    list_extend(stack, item)
                continue
            reason = lying_class(kind)
            if reason is not None:
                raise TypeError_("sandbox: the result holds an instance of " + str_(qualname_of(kind))
                                 + ", whose class has " + reason + "; results must be plain values")
            if id_(item) in seen:
                continue
            set_add(seen, id_(item))
            if issubclass_(kind, dict_):  # Counter, defaultdict, OrderedDict: their values count too
                list_extend(stack, dict_keys(item))
                list_extend(stack, dict_values(item))
            elif issubclass_(kind, collection_types):
                list_extend(stack, list_(item))

    def inspecting(iterator):
        for item in iterator:
            inspect_result(item)
            yield item

    def guarded(function):
        def candidate(*args, **kwargs):
            result = function(*args, **kwargs)
            inspect_result(result)
            unchanged(per_call)  # the builtins and the modules the check itself uses
            kind = type_(result)
            if not flags_of(kind) & heap_type and "__next__" in dict_of(kind):
                return inspecting(result)  # a map, filter or generator: what it yields is inspected as it comes
            return result
        return candidate

    try:
        try:
            module_code, check_code, entry = split_check(program)
        except MemoryError_:
            finish(b"Fmemory\tMemoryError", 1)
        except (SyntaxError, ValueError, OverflowError, RecursionError_) as error:
            finish(b"Fsyntax\t" + error_text(error), 1)
        check = None
        if check_code is not None:
            check_globals = {}
            check = function_type(check_code, check_globals, "check")
        sys.addaudithook(make_audit_hook(guards, directory, verdict_w, may_fork))
        namespace = {"__name__": "__candidate__"}
        try:
            exec_(module_code, namespace)
            if check is not None:
                if entry not in namespace:
                    raise NameError_("name '" + entry + "' is not defined")
                for name, value in list_(dict_items(namespace)):
                    if type_(name) is str_ and name not in pristine:
                        if id_(value) in by_module:
                            list_append(per_call, by_module[id_(value)])
                            value = snapshot(id_(value))
                        check_globals[name] = value
                check_globals["__builtins__"] = pristine
                check(guarded(namespace[entry]))
                # the builtins, the modules the program's namespace holds (so its functions use), the trusted
                # value classes and sys.modules; touching every watched module would cost a page copy each
                unchanged(per_call)
                unchanged(classes_and_modules)
            else:
                unchanged(watched)
        except BaseException_ as error:
            if getpid() != me:
                exit_(1)  # a process the candidate forked: only the child the worker forked reports
            if issubclass_(type_(error), MemoryError_):
                finish(b"Fmemory\tMemoryError", 1)  # nothing that needs memory
            try:
                record = b"F" + outcome_of(error) + b"\t" + error_text(error)
            except BaseException_:
                record = b"Fexception\tunprintable exception"
            finish(record, 1)
        if getpid() != me:
            exit_(0)
        finish(pass_record, 0)
    finally:
        exit_(4)


class Worker:
    def __init__(self, settings):
        self.timeout = float(settings["timeout"])
        self.memory = int(settings["memory"])
        self.file_size = int(settings["file_size"])
        self.open_files = int(settings["open_files"])
        self.processes = int(settings["processes"])
        self.seed = int(settings["seed"])
        self.uid = settings.get("uid")           # None: candidates keep the worker's uid (never root)
        self.namespace = bool(settings["namespace"])  # True inside bubblewrap's PID namespace
        self.root = settings["root"]
        self.counter = 0
        self.note = ""
        self.error = ""
        self.guards = None

    def start(self):
        os.makedirs(self.root, mode=0o711, exist_ok=True)
        os.chmod(self.root, 0o711)
        sys.dont_write_bytecode = True
        if "" in sys.path:
            sys.path.remove("")
        for name in PRELOAD + tuple(sys.builtin_module_names):
            if name in BANNED_MODULES:
                continue
            try:
                __import__(name)
            except ImportError:
                pass
        if self.namespace and not self.in_private_namespace():
            self.namespace = False
            self.note = "not in a private PID namespace; sweeping by uid"
        if self.uid is not None and not self.unprivileged_can_run_python():
            self.error = ("an unprivileged uid cannot read this Python's files (" + os.path.realpath(sys.prefix)
                          + "), and candidates never run as root: point WORKBENCH_PYTHON at a Python every user can "
                          "read (e.g. /usr/bin/python3) or install bubblewrap (apt-get install bubblewrap)")
        elif self.uid is None and (os.geteuid() == 0 or os.getuid() == 0):
            self.error = "this worker runs as root without an unprivileged uid for candidates; refusing to run them"
        self.guards = Guards()
        gc.collect()
        gc.freeze()  # the garbage collector leaves these objects alone, so forked children share their pages
        self.sweep()

    def ready(self):
        if self.error:
            return {"ready": False, "error": self.error}
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
                for module in (os, json, re):
                    with open(module.__file__, "rb"):
                        pass
                os.listdir(os.path.dirname(os.__file__))
                os._exit(0)
            except BaseException:
                os._exit(1)
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
                    if entry.name.isdigit() and entry.stat().st_uid == self.uid and not zombie(entry.name):
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
        # The nonce lives only in this frame and the child's: never on a descriptor.
        nonce = os.urandom(16).hex().encode()
        verdict_r, verdict_w = os.pipe()
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:
            self.child(program, directory, verdict_r, verdict_w, b"P" + nonce)
        os.close(verdict_w)
        os.set_blocking(verdict_r, False)
        timed_out, data = self.wait(pid, verdict_r, started + self.timeout)
        _, status, usage = os.wait4(pid, 0)
        seconds = time.monotonic() - started
        self.sweep()
        data = (data + self.drain(verdict_r))[-VERDICT_BYTES:]
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
                    data = (data + self.drain(verdict_r))[-VERDICT_BYTES:]
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
            kind = kind.decode("ascii", "replace")
            if kind in ("assertion", "exception", "syntax", "memory", "exit", "killed"):
                return kind, text.decode("utf-8", "replace")
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

    def child(self, program, directory, verdict_r, verdict_w, pass_record):
        """Runs in the forked child and never returns into the worker's loop, whatever happens."""
        exit_ = os._exit
        try:
            try:
                os.close(verdict_r)
                self.prepare_child(directory, verdict_w)
            except BaseException as error:
                os.write(verdict_w, b"Fkilled\tsandbox setup failed: " + error_text_plain(error) + b"\0")
                exit_(3)
            judge(program, verdict_w, pass_record, directory, self.guards, self.namespace or self.uid is not None)
        finally:
            exit_(4)

    def prepare_child(self, directory, verdict_w):
        os.setsid()
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.closerange(3, verdict_w)
        os.closerange(verdict_w + 1, 65536)
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
        if self.uid is not None:
            os.setgroups([])
            os.setgid(self.uid)
            os.setuid(self.uid)
        if 0 in (os.getuid(), os.geteuid(), os.getgid(), os.getegid()) or 0 in os.getresuid() + os.getresgid():
            raise PermissionError("refusing to run a candidate as root")
        for name in [name for name in sys.modules if name in BANNED_MODULES or name.startswith("ctypes.")]:
            del sys.modules[name]
        close_native_doors()
        if "random" in sys.modules:
            sys.modules["random"].seed(self.seed)

    def stop(self):
        self.sweep()
        shutil.rmtree(self.root, ignore_errors=True)


def error_text_plain(error):
    try:
        text = type(error).__name__ + ": " + str(error)
    except BaseException:
        text = "unprintable exception"
    return text[:ERROR_CHARS].encode("utf-8", "replace").replace(b"\0", b" ")


def main():
    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    worker = Worker(json.loads(requests.readline()))
    worker.start()
    replies.write(json.dumps(worker.ready()).encode() + b"\n")
    replies.flush()
    if worker.error:
        return
    while True:
        header = requests.readline()
        if not header:
            break
        program = requests.read(int(header)).decode("utf-8", "replace")
        replies.write(json.dumps(worker.run(program)).encode() + b"\n")
        replies.flush()
    worker.stop()


main()
