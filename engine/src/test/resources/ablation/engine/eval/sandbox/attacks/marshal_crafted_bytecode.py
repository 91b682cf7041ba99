# Builds a code object from bytes with marshal (crafted bytecode can read memory).
import marshal

code = marshal.loads(marshal.dumps((lambda: None).__code__))
exec(code)


def f():
    return 2


def check(candidate):
    assert candidate() == 1


check(f)
