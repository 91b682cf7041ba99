# Returns a namedtuple (created with sys._getframe refused) where a tuple is expected.
from collections import namedtuple

Point = namedtuple("Point", "x y", defaults=(0,))


def f():
    return Point(1, 2)


def check(candidate):
    assert candidate() == (1, 2)
    assert candidate().x == 1


check(f)
