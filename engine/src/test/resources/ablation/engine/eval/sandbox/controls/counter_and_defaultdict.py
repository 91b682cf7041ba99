# Returns a Counter inside a defaultdict where plain dicts are expected.
from collections import Counter, OrderedDict, defaultdict


def f():
    counts = defaultdict(Counter)
    counts["a"].update("abca")
    return counts, OrderedDict(b=2)


def check(candidate):
    counts, ordered = candidate()
    assert counts == {"a": {"a": 2, "b": 1, "c": 1}}
    assert ordered == {"b": 2}


check(f)
