"""Summarise RSS documents into a short digest."""
from lxml import etree
import yaml


def load_config(text):
    """Parse the YAML config; returns the list of feed dicts."""
    data = yaml.safe_load(text) or {}
    return data.get("feeds", [])


def titles(rss_bytes):
    """Return the item titles of an RSS 2.0 document."""
    root = etree.fromstring(rss_bytes)
    return [t.text for t in root.iterfind("./channel/item/title")]
