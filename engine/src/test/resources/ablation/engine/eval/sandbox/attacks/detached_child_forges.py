# A detached child waits for the check to fail and then tries to write a pass record.
import os
import re

NONCE = re.compile(rb"[0-9a-f]{32}")


def forge(found):
    """Writes a pass record with every nonce-like value found to every descriptor, then exits 0."""
    for nonce in set(found):
        for fd in range(3, 256):
            try:
                os.write(fd, b"P" + nonce + b"\0")
            except OSError:
                pass
    os._exit(0)


import time

if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        time.sleep(0.2)
        forge([b"0" * 32])
    os._exit(0)
os.wait()


def f():
    return 2


def check(candidate):
    assert candidate() == 1


check(f)
