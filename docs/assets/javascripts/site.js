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

/* Glossary terms on a touch screen: there is no hover, and a tap on the term (a link to its
   entry) used to leave the page. A tap now shows the definition in a popover, with a link to
   the entry; a second tap on the same term follows the link. Mouse and keyboard keep Material's
   tooltip (hover, focus) and the link. */
(function () {
  var ja = document.documentElement.lang === "ja";
  var definitions = new Map();  // Material moves a title into its tooltip while it is shown
  document.querySelectorAll("article abbr[title]").forEach(function (abbr) {
    definitions.set(abbr, abbr.title);
  });
  if (!definitions.size) return;
  var touch = false;
  var popover = null;
  var shownFor = null;

  function close() {
    if (popover) popover.remove();
    popover = null;
    shownFor = null;
    document.documentElement.classList.remove("kb-term-popover-open");
  }

  function open(abbr) {
    close();
    var link = abbr.closest("a.glossary-link");
    popover = document.createElement("div");
    popover.className = "kb-term-popover";
    popover.setAttribute("role", "dialog");
    popover.setAttribute("aria-label", abbr.textContent);
    var closer = document.createElement("button");
    closer.type = "button";
    closer.className = "kb-term-popover__close";
    closer.setAttribute("aria-label", ja ? "閉じる" : "Close");
    closer.textContent = "×";
    closer.addEventListener("click", close);
    var text = document.createElement("p");
    text.textContent = definitions.get(abbr);
    popover.append(closer, text);
    if (link) {
      var entry = document.createElement("a");
      entry.className = "kb-term-popover__entry";
      entry.href = link.href;
      entry.textContent = ja ? "用語集の項目を開く" : "Open the glossary entry";
      popover.append(entry);
    }
    document.body.append(popover);
    var box = abbr.getBoundingClientRect();
    var width = popover.offsetWidth;
    var margin = 12;
    var left = Math.min(Math.max(margin, box.left + box.width / 2 - width / 2),
                        document.documentElement.clientWidth - width - margin);
    var below = box.bottom + 8;
    var top = below + popover.offsetHeight > window.innerHeight && box.top > popover.offsetHeight + 16
      ? box.top - popover.offsetHeight - 8 : below;
    popover.style.left = left + window.scrollX + "px";
    popover.style.top = top + window.scrollY + "px";
    document.documentElement.classList.add("kb-term-popover-open");
    shownFor = abbr;
  }

  document.addEventListener("pointerdown", function (event) {
    touch = event.pointerType === "touch" || event.pointerType === "pen";
    if (popover && !popover.contains(event.target) && !event.target.closest("article abbr[title]")) close();
  }, true);
  document.addEventListener("click", function (event) {
    var abbr = event.target.closest && event.target.closest("article abbr");
    if (!touch || !abbr || !definitions.has(abbr)) return;
    if (shownFor === abbr) return;  // the second tap follows the link to the entry
    event.preventDefault();
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
    open(abbr);
  });
  document.addEventListener("keydown", function (event) {
    touch = false;  // a key that follows a link is no tap
    if (event.key === "Escape") close();
  });
})();

/* The glossary page's filter box (its index and the names it matches: kb_build/glossary_index.py).
   Typing a term in either script shows the entries it names: ファーウェイ, ふぁーうぇい or Huawei
   finds the Ascend entry on both pages. Case, width, kana and the spaces and hyphens inside a
   name do not matter. */
(function () {
  var index = document.querySelector(".kb-glossary-index");
  var entries = Array.prototype.slice.call(document.querySelectorAll(".kb-glossary-entry[data-kb-names]"));
  if (!index || !entries.length) return;
  var ja = document.documentElement.lang === "ja";

  function normal(text) {
    return text.normalize("NFKC").toLowerCase()
      .replace(/[\u30a1-\u30f6]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0x60); })
      .replace(/[\s\-‐‑–—・･.'’"()（）]/g, "");
  }
  var names = entries.map(function (entry) {
    return entry.dataset.kbNames.split("|").map(normal);
  });

  var box = document.createElement("p");
  box.className = "kb-glossary-filter";
  var label = document.createElement("label");
  label.htmlFor = "kb-glossary-filter";
  label.textContent = ja ? "用語を絞り込む" : "Find a term";
  var input = document.createElement("input");
  input.type = "search";
  input.id = "kb-glossary-filter";
  input.autocomplete = "off";
  input.placeholder = ja ? "例：ファーウェイ、Huawei、すいろん" : "e.g. Huawei, ファーウェイ, inference";
  var count = document.createElement("output");
  count.htmlFor = "kb-glossary-filter";
  count.setAttribute("aria-live", "polite");
  box.append(label, input, count);
  index.prepend(box);

  var empty = document.createElement("p");
  empty.className = "kb-glossary-empty";
  empty.hidden = true;
  index.after(empty);

  function apply() {
    var query = normal(input.value);
    var shown = 0;
    var visible = {};
    entries.forEach(function (entry, i) {
      var match = !query || names[i].some(function (name) { return name.indexOf(query) !== -1; });
      entry.hidden = !match;
      if (match) { shown += 1; visible[entry.dataset.kbEntry] = true; }
    });
    document.querySelectorAll("article h2[id]").forEach(function (group) {
      var any = false;
      for (var next = group.nextElementSibling; next && next.tagName !== "H2"; next = next.nextElementSibling) {
        if (next.classList.contains("kb-glossary-entry") && !next.hidden) { any = true; break; }
      }
      group.hidden = !any;
    });
    index.querySelectorAll(".kb-glossary-index__group").forEach(function (group) {
      var any = false;
      group.querySelectorAll("li[data-kb-entry]").forEach(function (item) {
        item.hidden = !visible[item.dataset.kbEntry];
        any = any || !item.hidden;
      });
      group.hidden = !any;
    });
    count.textContent = query ? (ja ? shown + "件" : shown + (shown === 1 ? " term" : " terms")) : "";
    empty.hidden = shown > 0;
    empty.textContent = ja ? "「" + input.value + "」に当たる用語はありません。" : "No term matches “" + input.value + "”.";
  }
  input.addEventListener("input", apply);
})();

/* Material's tooltip for a term opens below it, over the line the reader goes on to. It opens
   above instead when there is room under the header (the lines above are read already). */
(function () {
  var header = document.querySelector(".md-header");
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(function (tooltip) {
        if (!(tooltip instanceof HTMLElement) || !tooltip.matches(".md-tooltip2[role=tooltip]")) return;
        requestAnimationFrame(function () {
          var host = document.querySelector('[aria-describedby="' + tooltip.id + '"]');
          var inner = tooltip.firstElementChild;
          if (!host || !inner) return;
          var room = host.getBoundingClientRect().top - (header ? header.getBoundingClientRect().bottom : 0);
          tooltip.classList.toggle("kb-tooltip--above", room > inner.offsetHeight + 16);
        });
      });
    });
  }).observe(document.body, { childList: true });
})();
