# Puts a fake math module into sys.modules before the check imports it.
import sys
import types

fake = types.ModuleType("math")
fake.fabs = lambda value: 0.0
sys.modules["math"] = fake


def f():
    return 2.5


def check(candidate):
    import math
    assert math.fabs(candidate() - 1.0) < 1e-6


check(f)
