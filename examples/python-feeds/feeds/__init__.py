"""Feed digest: read a YAML list of feeds and summarise their RSS items."""
