# Imports standard-library modules the worker did not preload (bytecode read through the hook).
import dataclasses
import enum
import textwrap


class Colour(enum.Enum):
    RED = 1


@dataclasses.dataclass
class Box:
    size: int


def f():
    return len(textwrap.wrap("a b", 1)) - 1 + Box(0).size + Colour.RED.value - 1


def check(candidate):
    assert candidate() == 1


check(f)
