# Uses a thread and a forked child it waits for.
import os
import threading


def f():
    results = []
    worker = threading.Thread(target=lambda: results.append(1))
    worker.start()
    worker.join()
    pid = os.fork()
    if pid == 0:
        os._exit(7)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 7
    return results[0]


def check(candidate):
    assert candidate() == 1


check(f)
