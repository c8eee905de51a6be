"""Python's cycle collector and the build's long-lived objects.

The content, its index and the site's pages live for the whole build (and the preview keeps much of them for the
next one). A full collection walks every live object; at 5,000 notes the collections repeated while the pages
render took about half of a preview rebuild. Frozen objects are left out of collections until they are unfrozen.
"""

from __future__ import annotations

import gc


def keep_loaded_content() -> None:
    """Leave every object alive now (the content and its index, loaded once per build) out of the collections."""
    gc.freeze()


def release_previous_build() -> None:
    """After a preview build: free, in one collection, what earlier builds left, and keep the rest out of the next
    build's collections."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
