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

/* Beside each heading's ¶: two buttons that copy a link for a wiki or chat, in the page's
   language: "[Page title › Section](address)" (Markdown) and "Page title › Section address". */
(function () {
  var ja = document.documentElement.lang === "ja";
  var forms = [
    ["markdown", "MD", ja ? "Markdownのリンクをコピー" : "Copy as a Markdown link"],
    ["plain", ja ? "文" : "Aa", ja ? "タイトルとアドレスをコピー" : "Copy title and address"],
  ];
  var meta = document.querySelector('meta[property="og:title"]');
  var h1 = document.querySelector("article h1");
  var pageTitle = meta ? meta.content : (h1 ? h1.textContent.replace("¶", "").trim() : document.title);
  var canonical = document.querySelector('link[rel="canonical"]');
  var base = canonical ? canonical.href.split("#")[0] : location.href.split("#")[0];

  function text(form, heading) {
    var copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink, .kb-copy-link").forEach(function (el) { el.remove(); });
    var title = pageTitle + " › " + copy.textContent.trim();
    var url = base + "#" + heading.id;
    return form === "markdown" ? "[" + title.replace(/([\\\[\]])/g, "\\$1") + "](" + url + ")" : title + " " + url;
  }

  document.querySelectorAll("article :is(h2, h3, h4, h5, h6)[id] > a.headerlink").forEach(function (permalink) {
    var heading = permalink.parentNode;
    forms.slice().reverse().forEach(function (form) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "kb-copy-link";
      button.dataset.form = form[0];
      button.textContent = form[1];
      button.title = form[2];
      button.setAttribute("aria-label", form[2]);
      button.addEventListener("click", function () {
        if (!navigator.clipboard) return;
        navigator.clipboard.writeText(text(form[0], heading)).then(function () {
          button.setAttribute("data-copied", ja ? "コピーしました" : "Copied");
          setTimeout(function () { button.removeAttribute("data-copied"); }, 1500);
        }, function () { /* no clipboard permission */ });
      });
      permalink.after(button);
    });
  });
})();
