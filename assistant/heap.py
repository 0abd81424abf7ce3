"""The C heap of a process that analyses goals in batches, kept between batches.

glibc gives the top of its heap back to the system whenever more than its trim threshold is
free there, and a batch of goals frees tens of megabytes when it ends: the next batch then
faults the same pages in again, zeroed by the kernel. On 2,000 goals that was 165,000 page
faults against the bare English pipeline's 45,000, and 0.25 s more kernel time (3 to 5% of
the wall time). Up to `KEPT_BYTES` of free heap are now kept for the next batch; peak memory
does not change.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache

# mallopt(3) parameters of glibc's malloc.h.
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
# Free heap kept at its top (16 MB still left most of the page faults, 64 MB none).
KEPT_BYTES = 64 * 2**20
# Blocks at least this large get a mapping of their own: glibc's own ceiling for its sliding
# threshold, which setting the trim threshold would otherwise freeze at 128 KB.
OWN_MAPPING_BYTES = 32 * 2**20


@cache
def keep_heap() -> bool:
    """Keep freed heap for the next batch (once per process; glibc only, elsewhere nothing).
    Says whether the allocator took the setting."""
    if not sys.platform.startswith("linux"):
        return False
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
    if mallopt is None:
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, OWN_MAPPING_BYTES)
                and mallopt(M_TRIM_THRESHOLD, KEPT_BYTES))
