# Writes, renames and removes files in its own directory and in TMPDIR.
import os
import tempfile


def f():
    with open("scratch.txt", "w") as out:
        out.write("1")
    os.rename("scratch.txt", "kept.txt")
    os.mkdir("sub")
    with tempfile.NamedTemporaryFile("w", delete=False) as temporary:
        temporary.write("x")
    os.remove(temporary.name)
    with open("kept.txt") as back:
        return int(back.read())


def check(candidate):
    assert candidate() == 1


check(f)
