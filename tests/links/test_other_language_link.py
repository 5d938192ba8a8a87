"""Each page links to the same page in the other language, so either can be cited."""
from __future__ import annotations

from bs4 import BeautifulSoup


def test_other_language_link_points_at_the_counterpart(built_site, site_links):
    for url in site_links.pages:
        rel = url[1:] + "index.html"
        path = built_site / rel
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        english = url.startswith("/en/")
        other = "ja" if english else "en"
        links = soup.select("article .kb-other-language a")
        assert len(links) == 1, f"{url}: expected one other-language link, found {len(links)}"
        link = links[0]
        assert link["hreflang"] == other and link["lang"] == other, url
        assert link.text.strip() == ("このページの日本語版" if english else "English version of this page"), url
        target = (path.parent / link["href"]).resolve()
        if target.is_dir():
            target /= "index.html"
        counterpart = url[len("/en") :] if english else "/en" + url
        assert target == (built_site / counterpart[1:] / "index.html").resolve(), f"{url} -> {link['href']}"
