# A garbage-collector callback replaces builtins.sum while collections run (inside the check), and puts it
# back when they end, so the harness's checks between collections see the real one.
import builtins
import gc

real = builtins.sum


def flip(phase, info):
    builtins.sum = (lambda values, start=0: 1.0) if phase == "start" else real


gc.callbacks.append(flip)


def mean(values):
    return sum(values) / len(values)


def f():
    garbage = []
    for _ in range(2000):
        cycle = []
        cycle.append(cycle)
        garbage.append(cycle)
    gc.collect()
    return [5.0, 5.0]


def check(candidate):
    assert mean(candidate()) == 1.0


check(f)
