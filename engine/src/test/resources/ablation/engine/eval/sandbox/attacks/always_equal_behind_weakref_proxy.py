# Hides an object whose __eq__ always answers True behind a weakref proxy (a built-in type whose comparisons go
# to the hidden object).
import weakref


class AlwaysEqual:
    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


keep = AlwaysEqual()


def f():
    return weakref.proxy(keep)


def check(candidate):
    assert candidate() == 1


check(f)
