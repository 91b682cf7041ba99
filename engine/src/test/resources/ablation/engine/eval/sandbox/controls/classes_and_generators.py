# Uses classes with dunders internally, generators, recursion and eval; returns plain values.
import sys

sys.setrecursionlimit(3000)


class Vector:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return Vector(self.x + other.x)

    def __eq__(self, other):
        return self.x == other.x


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


def f():
    total = sum(v for v in (x * x for x in range(3)))
    assert Vector(1) + Vector(2) == Vector(3)
    return eval("1 + 0") + depth(1000) - 1000 + total - 5


def check(candidate):
    assert candidate() == 1


check(f)
