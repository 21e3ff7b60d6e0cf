"""Entry point: print a digest of the built-in sample feed (SELFTEST=1 prints versions and uid)."""
import os
import sys

import lxml
import yaml

from feeds.digest import load_config, titles

SAMPLE = b"""<rss version="2.0"><channel><title>r</title>
<item><title>v1.2 released</title></item><item><title>v1.3 released</title></item></channel></rss>"""


def main():
    feeds = load_config(open(os.path.join(os.path.dirname(__file__), "config.yaml")).read())
    items = titles(SAMPLE)
    if os.environ.get("SELFTEST") == "1":
        print(f"python-feeds uid={os.getuid()} yaml={yaml.__version__} lxml={lxml.__version__} "
              f"feeds={len(feeds)} items={len(items)}")
        return 0
    for feed in feeds:
        print(f"# {feed['name']}")
        for title in items:
            print(f"- {title}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
