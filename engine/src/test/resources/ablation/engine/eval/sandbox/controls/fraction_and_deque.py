# Returns a Fraction and a deque; the check compares with a float and a list.
from collections import deque
from fractions import Fraction


def f():
    return Fraction(1, 2), deque([1, 2])


def check(candidate):
    half, queue = candidate()
    assert half == 0.5
    assert list(queue) == [1, 2]


check(f)
