import json, os, time
from contextlib import contextmanager

@contextmanager
def track_api(name):
    """Times the block and appends one API event to the file Sentinel names in SENTINEL_EVENTS."""
    start, ok = time.perf_counter(), False
    try: yield; ok = True
    finally:
        with open(os.environ.get("SENTINEL_EVENTS", os.devnull), "a") as f:
            f.write(json.dumps({"type": "api", "name": name, "seconds": time.perf_counter() - start, "ok": ok}) + "\n")
