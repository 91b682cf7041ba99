# A thread flips math.fabs between the real function and a liar, hoping the check uses the liar and the
# harness's comparisons see the real one.
import math
import threading
import time

real = math.fabs


def flip():
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        math.fabs = lambda value: 0.0
        time.sleep(0)
        math.fabs = real


threading.Thread(target=flip, daemon=True).start()


def f():
    return 2.5


def check(candidate):
    for _ in range(200):
        assert math.fabs(candidate() - 1.0) < 1e-6


check(f)
