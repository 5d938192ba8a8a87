/* The knowledge base's search worker: Material for MkDocs 9.8.2's worker, wrapped.
 *
 * Pages start this file instead of Material's worker (kb_build/search_worker.py points the
 * page config at it). It loads Material's worker, patched for its query segmentation
 * (material-search.kb.min.js, written by the build; the two one-character fixes are listed in
 * kb_build/search_worker.py), and changes only what goes in and what comes out:
 *
 * In, the query (every change is one a reader would otherwise have to make by hand):
 *  1. NFKC: full-width ＤｅｅｐＳｅｅｋ, Ｒ１ and half-width ﾌｧｰｳｪｲ become DeepSeek, R1, ファーウェイ.
 *  2. Aliases (docs/_data/search-aliases.yml, passed in the index's config.kb.aliases): a
 *     name typed in another script or spelling is replaced by the form this language's pages
 *     use (ディープシーク -> DeepSeek, ファーウェイ -> Huawei on the English site).
 *  3. Japanese words are segmented as the index was (TinySegmenter, after Material's
 *     separator): Material segments query kanji runs greedily against the index, which glues
 *     or drops words of phrases with particles (日本の戦略) and mixed scripts.
 *  4. Particles (hiragana of one or two characters, の, を, から) are dropped when other
 *     words remain: Material appends * to every term, and の* matches half the index.
 *  5. A short Latin word (3 characters or fewer) that is a word of the index is matched as
 *     that word (`ai^1`): Material's `ai*` also matches "air" and "aim".
 *  6. A Latin word of 5 characters or more that begins no word of the index is searched with
 *     one edit (lunr `term~1`): semiconducter, Deepsek, Huwei, localization.
 *  Queries that use lunr's syntax (quotes, + - at a word's start, ~ ^ * :) get 1 and 2 only.
 *
 * Out, the ranking of the result groups (one group per page):
 *  7. Glossary entries count as if their heading were body text (score / title boost), and
 *     the glossary never comes before the best topic page: a heading equal to the query
 *     otherwise outranks every topic page that discusses it.
 *  8. A section longer than the average counts with its score times sqrt(average / length):
 *     Material switches lunr's length normalisation off (b = 0), so the timeline, one long
 *     table, otherwise comes first for every name it mentions.
 *  9. But a term's own glossary entry (a heading naming the query) stays in the first three.
 * 10. The timeline comes after every other page that matches: it names every company and model
 *     in its year sections, and a reader who types a name wants the page that discusses it.
 *
 * Nothing else changes: Material's index, scoring, suggestions, highlighting and UI.
 * Upstream: 1 (NFKC) and the segmentation fix are general bugs of Material's search; 2-8
 * are this site's choices.
 */
"use strict";

(function () {
  var SHORT = 3, FUZZY_FROM = 5, TOP = 3;

  /* Load Material's worker, keeping its message listener to call it ourselves. */
  var material = null;
  var listen = self.addEventListener;
  self.addEventListener = function (type, listener, options) {
    if (type === "message" && material === null) { material = listener; return; }
    return listen.call(self, type, listener, options);
  };
  importScripts("material-search.kb.min.js");
  self.addEventListener = listen;
  if (material === null) throw new Error("kb-search.js: Material's worker did not register");

  var lunr = self.lunr;
  var state = { index: null, terms: [], aliases: [], glossary: null, titleBoost: 1, queries: [],
               lengths: {}, averageLength: 1 };

  /* The index Material builds (to know its words). */
  var build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () {
    state.index = build.call(this);
    state.terms = Object.keys(state.index.invertedIndex).sort();
    return state.index;
  };

  function normalise(text) {
    return text.normalize("NFKC");
  }

  function isLatin(word) { return /^[a-z0-9]+$/.test(word); }

  function known(word) { return Object.prototype.hasOwnProperty.call(state.index.invertedIndex, word); }

  function begins(prefix) {
    var lo = 0, hi = state.terms.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (state.terms[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    return lo < state.terms.length && state.terms[lo].indexOf(prefix) === 0;
  }

  /* The words of a text as the index has them: Material's separator, then TinySegmenter. */
  function words(text) {
    var found = [];
    var separator = new RegExp(lunr.tokenizer.separator.source, "g");
    text.split(/\s+/).forEach(function (part) {
      var index = 0, match;
      separator.lastIndex = 0;
      do {
        match = separator.exec(part);
        var until = match ? match.index : part.length;
        if (index < until) {
          var piece = part.slice(index, until);
          if (lunr.segmenter && /^[MHIK]$/.test(lunr.segmenter.ctype_(piece)))
            Array.prototype.push.apply(found, lunr.segmenter.segment(piece));
          else
            found.push(piece);
        }
        if (match) {
          index = match.index + match[0].length;
          if (match[0].length === 0) separator.lastIndex = match.index + 1;
        }
      } while (match);
    });
    return found.map(function (word) { return word.toLowerCase(); }).filter(Boolean);
  }

  /* 2. Replace every alias (longest first; Latin ones only as whole words). */
  function applyAliases(text) {
    var lower = text.toLowerCase(), out = "", i = 0;
    while (i < text.length) {
      var hit = null;
      for (var a = 0; a < state.aliases.length && !hit; a++) {
        var name = state.aliases[a][0];
        if (lower.startsWith(name, i) &&
            !(/[a-z0-9]/.test(name[0]) && /[a-z0-9]/.test(lower[i - 1] || "")) &&
            !(/[a-z0-9]/.test(name[name.length - 1]) && /[a-z0-9]/.test(lower[i + name.length] || "")))
          hit = state.aliases[a];
      }
      if (hit) {
        out += " " + hit[1] + " ";
        i += hit[0].length;
      } else {
        out += text[i++];
      }
    }
    return out.trim();
  }

  function rewrite(raw) {
    var text = applyAliases(normalise(raw));
    if (/["~^*:]|(^|\s)[+-]/.test(text))
      return { query: text, names: [] };
    var all = words(text);
    var content = all.filter(function (w) { return !/^[\u3041-\u309f]{1,2}$/.test(w); });
    var terms = (content.length ? content : all).map(function (word) {
      if (isLatin(word) && word.length <= SHORT && known(word)) return word + "^1";
      if (isLatin(word) && word.length >= FUZZY_FROM && !begins(word)) return word + "~1";
      return word;
    });
    return { query: terms.join(" "), names: [normalise(raw).toLowerCase().trim(), text.toLowerCase()] };
  }

  /* The names a heading gives its term: 輸出規制（export controls） -> 輸出規制, export controls. */
  function headingNames(title) {
    return title.replace(/<[^>]*>/g, "").normalize("NFKC").toLowerCase()
      .split(/[()]/).map(function (name) { return name.trim(); }).filter(Boolean);
  }

  function rank(result, query) {
    if (!state.glossary || !result || !result.items || !result.items.length) return result;
    var glossary = state.glossary;
    var inGlossary = function (group) { return group[0].location.split("#")[0] === glossary; };
    var groups = result.items.map(function (group, order) {
      var score = Math.max.apply(null, group.map(function (item) {
        return (item.score || 0) * Math.min(1, Math.sqrt(state.averageLength / (state.lengths[item.location] || 1)));
      }));
      return { group: group, order: order, score: inGlossary(group) ? score / state.titleBoost : score };
    });
    groups.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    var inTimeline = function (entry) { return entry.group[0].location.split("#")[0] === state.timeline; };
    groups = groups.filter(function (entry) { return !inTimeline(entry); })
      .concat(groups.filter(inTimeline));
    var own = groups.findIndex(function (entry) {
      return inGlossary(entry.group) && entry.group.some(function (item) {
        return headingNames(item.title).some(function (name) { return query.names.indexOf(name) >= 0; });
      });
    });
    if (groups.length > 1 && inGlossary(groups[0].group)) groups.splice(1, 0, groups.shift());
    if (own >= TOP) groups.splice(TOP - 1, 0, groups.splice(own, 1)[0]);
    return Object.assign({}, result, { items: groups.map(function (entry) { return entry.group; }) });
  }

  /* Material answers each query message with one result message, in order. */
  var post = self.postMessage.bind(self);
  self.postMessage = function (message) {
    if (message && message.type === 3) /* RESULT */
      message = { type: 3, data: rank(message.data, state.queries.shift() || { names: [] }) };
    post(message);
  };

  listen.call(self, "message", function (event) {
    var message = event.data;
    if (message && message.type === 0) { /* SETUP */
      var kb = message.data.config.kb || {};
      state.aliases = Object.keys(kb.aliases || {}).map(function (name) { return [name, kb.aliases[name]]; });
      state.glossary = kb.glossary || null;
      state.timeline = kb.timeline || null;
      state.titleBoost = ((message.data.config.fields || {}).title || {}).boost || 1;
      var total = 0;
      message.data.docs.forEach(function (doc) {
        total += state.lengths[doc.location] = Math.max(1, doc.text.replace(/<[^>]*>/g, "").length);
      });
      state.averageLength = total / Math.max(1, message.data.docs.length);
    } else if (message && message.type === 2) { /* QUERY */
      var query = state.index ? rewrite(message.data) : { query: normalise(message.data), names: [] };
      state.queries.push(query);
      message = { type: 2, data: query.query };
    }
    return material({ data: message });
  });
})();
