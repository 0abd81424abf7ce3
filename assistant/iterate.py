"""Iteration helpers (Python 3.11 has no itertools.batched)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items, lazily."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def batched_within(
    items: Iterable[T], size: int, budget: int, weight: Callable[[T], int]
) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items whose weights add up to at most `budget`
    (an item heavier than the budget makes a list of its own), lazily."""
    batch: list[T] = []
    total = 0
    for item in items:
        heft = weight(item)
        if batch and (len(batch) == size or total + heft > budget):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += heft
    if batch:
        yield batch
