from feeds.digest import load_config, titles


def test_load_config():
    assert load_config("feeds: [{name: a}]") == [{"name": "a"}]


def test_titles():
    assert titles(b"<rss><channel><item><title>x</title></item></channel></rss>") == ["x"]
