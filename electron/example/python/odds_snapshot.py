# An external-command module in Python: fetches the demo feed's fixtures and reports the call's latency.
import json, os, sys, urllib.request
sys.path.insert(0, os.path.dirname(__file__))
from sentinel_events import track_api

feed = os.environ["SENTINEL_ODDS_FEED"]
with track_api("fixtures"):
    with urllib.request.urlopen(feed + "/fixtures", timeout=10) as response:
        fixtures = json.load(response)
print(f"{len(fixtures)} fixtures")
