# Forks a child and waits for it.
import os


def f():
    pid = os.fork()
    if pid == 0:
        os._exit(7)
    _, status = os.waitpid(pid, 0)
    return os.WEXITSTATUS(status) - 6


def check(candidate):
    assert candidate() == 1


check(f)
