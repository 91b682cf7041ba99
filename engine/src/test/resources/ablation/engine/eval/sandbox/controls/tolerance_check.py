# A float result checked with abs and math.fabs, as HumanEval does.
import math


def f():
    return 0.1 + 0.2


def check(candidate):
    assert abs(candidate() - 0.3) < 1e-6
    assert math.fabs(candidate() - 0.3) < 1e-6
    assert isinstance(candidate(), float)


check(f)
