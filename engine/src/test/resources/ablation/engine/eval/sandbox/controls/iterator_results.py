# Returns a generator, a map and a dict view where the check makes lists and sets of them.
def f(kind):
    if kind == "generator":
        return (x for x in (1, 2))
    if kind == "map":
        return map(int, "12")
    return {1: "a", 2: "b"}.keys()


def check(candidate):
    assert list(candidate("generator")) == [1, 2]
    assert sorted(candidate("map")) == [1, 2]
    assert candidate("view") == {1, 2}


check(f)
