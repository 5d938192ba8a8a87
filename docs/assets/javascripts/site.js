// The site's own scripts, one file so that a page makes one request for them.

// The language switcher keeps the section: heading ids are the same in both languages,
// so /chips/#japan-supply-chain switches to /en/chips/#japan-supply-chain.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.md-select__link[hreflang]");
  if (link && location.hash && !link.hash) {
    link.hash = location.hash;
  }
});

/* Clicking a heading's ¶ copies the section's public address (canonical URL + #id) so that
   it can be pasted into a wiki or chat; the link still jumps to the section as usual. */
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.headerlink");
  if (!link || !navigator.clipboard) return;
  var canonical = document.querySelector('link[rel="canonical"]');
  var base = canonical ? canonical.href.split("#")[0] : location.href.split("#")[0];
  var url = base + link.getAttribute("href");
  navigator.clipboard.writeText(url).then(function () {
    link.setAttribute("data-copied", document.documentElement.lang === "ja" ? "コピーしました" : "Copied");
    setTimeout(function () { link.removeAttribute("data-copied"); }, 1500);
  }, function () { /* no clipboard permission: the link still works */ });
});
