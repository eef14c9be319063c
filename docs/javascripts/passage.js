/* "Cite this passage": select words in a paragraph (mouse, touch, or the keyboard in caret
 * browsing), or Tab to a paragraph's ¶ link, and a small button offers to cite them. The panel
 * gives the quoted words, the pinpoint (section and paragraph), the edition, APA, MLA and
 * Chicago quotation lines with their in-text citations and reference entries, and a link that
 * opens this edition at the paragraph with the words highlighted (a text fragment).
 *
 * Loaded by cite.js on first use, never with the page. The in-text citations are rendered at
 * build time by citeproc-py with a placeholder paragraph (scripts/pinpoints.py); this script
 * only puts the paragraph's number in its place. Copy buttons are cite.js's (button.cite-copy).
 * On an edition that is not the latest, the panel says whether the words are still in the
 * latest edition, read from the same site.
 *
 * "Cite this quotation" (a button cite.js puts after each quotation the build marked) opens the
 * same panel with the quotation's secondary-source citations, built by scripts/quotations.py. */
(function () {
  "use strict";

  /* The page's words: cite.js's t, which fills a sentence's {name}s (cite.js loads this
   * script). */
  var t = window.nkText;

  /* A translated sentence with elements in it ("… {link}."), as the nodes to append. */
  function withNodes(text, nodes) {
    return text.split(/(\{\w+\})/).map(function (part) {
      var name = /^\{(\w+)\}$/.exec(part);
      return name && Object.prototype.hasOwnProperty.call(nodes, name[1]) ? nodes[name[1]] : part;
    }).filter(function (part) { return part !== ""; });
  }

  var PARAGRAPH_ID = /^(.+)-p(\d+)$/;
  var STYLES = [["apa", "APA 7"], ["mla", "MLA 9"], ["chicago", t("Chicago (author-date)")]];
  // Longer selections are linked by their first and last words (textStart,textEnd).
  var FRAGMENT_EDGE_WORDS = 4;
  var script = document.currentScript;

  /* A text directive's term: percent-encoded, with "-", "," and "&" encoded too (they are the
   * directive's own syntax: WICG scroll-to-text-fragment). */
  function encodeTerm(text) {
    return encodeURIComponent(text).replace(/-/g, "%2D");
  }

  function textDirective(words) {
    var parts = words.trim().split(/\s+/);
    if (parts.length <= FRAGMENT_EDGE_WORDS * 2) return "text=" + encodeTerm(parts.join(" "));
    return "text=" + encodeTerm(parts.slice(0, FRAGMENT_EDGE_WORDS).join(" ")) + "," +
      encodeTerm(parts.slice(-FRAGMENT_EDGE_WORDS).join(" "));
  }

  /* The paragraph's address in this edition, with the directive after its element fragment. */
  function passageLink(block, words) {
    return location.origin + location.pathname + "#" + block.id + ":~:" + textDirective(words);
  }

  function paragraphOf(node) {
    var element = node && (node.nodeType === 1 ? node : node.parentElement);
    var block = element && element.closest("[id]");
    while (block && !(PARAGRAPH_ID.test(block.id) && !/^H\d$/.test(block.tagName))) {
      block = block.parentElement && block.parentElement.closest("[id]");
    }
    if (!block || !block.closest(".md-content article") || element.closest(".passage-panel, .cite-panel, .cite-box")) return null;
    return block;
  }

  /* The block's text as read (no ¶ link, no panel), whitespace collapsed. */
  function blockText(block) {
    var copy = block.cloneNode(true);
    copy.querySelectorAll(".paragraph-link, .passage-button, .passage-panel, .cite-tools, .quotation-button").forEach(function (node) { node.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  var WORD = /[\p{L}\p{N}]/u;

  /* The selected words, widened to whole words (a text fragment matches whole words only). */
  function selectedWords(range, block) {
    var whole = document.createRange();
    whole.selectNodeContents(block);
    var before = document.createRange();
    before.selectNodeContents(block);
    before.setEnd(range.startContainer, range.startOffset);
    var text = whole.toString();
    var start = before.toString().length;
    var end = start + range.toString().length;
    while (start > 0 && WORD.test(text[start - 1]) && WORD.test(text[start])) start--;
    while (end < text.length && WORD.test(text[end - 1]) && WORD.test(text[end])) end++;
    return text.slice(start, end).replace(/\u00b6/g, "").replace(/\s+/g, " ").trim();
  }

  var requests = {};
  function citationData() {
    var box = document.querySelector(".cite-box[data-cite-src]");
    if (!box) return Promise.reject(new Error("no citation data"));
    var source = new URL(box.getAttribute("data-cite-src"), location.href).href;
    if (!requests[source]) {
      requests[source] = fetch(source).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + source);
        return response.json();
      });
    }
    return requests[source];
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* A copy button: its name ("Copy …") and what cite.js announces once it has copied. */
  function copyButton(from, name, copied) {
    var button = element("button", "cite-copy", t("Copy"));
    button.type = "button";
    button.setAttribute("data-copy-from", from);
    button.setAttribute("aria-label", name);
    button.setAttribute("data-copied", copied);
    return button;
  }

  /* A copyable line: a label, a copy button and the text (HTML escaped at build time). */
  function line(id, label, name, copied, html) {
    var block = element("div", "cite-format");
    var head = element("div", "cite-format__head");
    head.append(element("span", "cite-format__label", label), copyButton(id, name, copied));
    var text = element("p", "cite-format__text");
    text.id = id;
    text.innerHTML = html;
    block.append(head, text);
    return block;
  }

  function escapeHtml(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  /* “words” (citation): the period that ended the words moves after the citation. */
  function quotationLine(words, citation) {
    var ending = /[.,;:]$/.exec(words);
    var quoted = ending ? words.slice(0, -1) : words;
    return "\u201c" + escapeHtml(quoted) + "\u201d " + citation + (ending && ending[0] === "." ? "." : "");
  }

  /* Is this edition the latest? Only edition builds have a version; the newest edition's
   * pages say so with no outdated banner, and the check below finds the words anyway. */
  function latestCheck(panel, data, words) {
    if (!data.edition) return;
    var status = element("p", "passage-panel__latest", t("Checking the latest edition\u2026"));
    panel.querySelector(".passage-panel__facts").append(status);
    var box = document.querySelector(".cite-box[data-cite-src]");
    var root = new URL("..", new URL(box.getAttribute("data-cite-src"), location.href));
    var page = location.pathname.slice(root.pathname.length);
    var latest = new URL("../latest/" + page, root);
    fetch(latest.href).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    }).then(function (html) {
      var found = findWords(new DOMParser().parseFromString(html, "text/html"), words);
      status.textContent = "";
      if (found) {
        var link = element("a", "", t("the same words there"));
        link.href = latest.href.split("#")[0] + "#" + found + ":~:" + textDirective(words);
        status.append.apply(status, withNodes(t("These words are still in the latest edition: {link}."), { link: link }));
      } else {
        var page = element("a", "", t("read this page there"));
        page.href = latest.href;
        status.append.apply(status, withNodes(t("These words are not found in the latest edition: {link}."), { link: page }));
      }
    }).catch(function () {
      status.textContent = t("The latest edition could not be checked.");
    });
  }

  /* The id of the first paragraph of `doc` whose text holds `words` (whitespace collapsed). */
  function findWords(doc, words) {
    var wanted = words.replace(/\s+/g, " ").trim();
    var blocks = doc.querySelectorAll("article [id]");
    for (var index = 0; index < blocks.length; index++) {
      var block = blocks[index];
      if (PARAGRAPH_ID.test(block.id) && !/^H\d$/.test(block.tagName) && blockText(block).indexOf(wanted) >= 0) return block.id;
    }
    return null;
  }

  var panel = null;
  var opener = null;
  var offered = null; // {block, words}

  function closePanel() {
    if (!panel) return;
    panel.remove();
    panel = null;
    var back = opener && opener.isConnected ? opener : offered && offered.block.querySelector(".paragraph-link");
    if (back) back.focus();
  }

  /* An empty panel (title, Close, "Loading…") after the block, focused. */
  function newPanel(block, heading) {
    closePanel();
    panel = element("div", "passage-panel md-typeset");
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-labelledby", "passage-panel-title");
    panel.tabIndex = -1;
    var title = element("p", "passage-panel__title", heading);
    title.id = "passage-panel-title";
    var close = element("button", "cite-copy passage-panel__close", t("Close"));
    close.type = "button";
    close.addEventListener("click", closePanel);
    var head = element("div", "passage-panel__head");
    head.append(title, close);
    panel.append(head, element("p", "passage-panel__loading", t("Loading\u2026")));
    if (block.tagName === "P" || block.tagName === "BLOCKQUOTE") block.after(panel);
    else block.append(panel);
    panel.focus();
  }

  function loadFailed() {
    if (panel) panel.querySelector(".passage-panel__loading").textContent =
      t("The citations could not be loaded; the box at the end of the page cites the whole page.");
  }

  function openPanel(block, words) {
    var match = PARAGRAPH_ID.exec(block.id);
    var section = match[1];
    var number = match[2];
    newPanel(block, t("Cite this passage"));
    citationData().then(function (data) {
      var entry = data.items[section];
      if (!panel || !entry) throw new Error("no section " + section);
      fillPanel(panel, data, entry, block, words, number);
    }).catch(loadFailed);
  }

  /* "Cite this quotation": the words, who said them and where, and per style the line a
   * student writes, the article's reference entry and, when known, the primary source's. */
  function openQuotation(quote, from) {
    var id = quote.getAttribute("data-quotation");
    opener = from;
    newPanel(paragraphOf(quote) || quote.parentElement, t("Cite this quotation"));
    citationData().then(function (data) {
      var entry = data.quotations && data.quotations[id];
      if (!panel || !entry) throw new Error("no quotation " + id);
      var facts = element("div", "passage-panel__facts");
      var words = element("blockquote", "passage-panel__quote");
      words.append(element("p", "", "\u201c" + entry.text + "\u201d"));
      var speaker = entry.speaker.charAt(0).toUpperCase() + entry.speaker.slice(1);
      facts.append(
        words,
        element("p", "passage-panel__speaker", t("{speaker}: {occasion}.", { speaker: speaker, occasion: entry.occasion })),
        element("p", "passage-panel__pinpoint", t("Quoted in the article, paragraph {paragraph}.", { paragraph: entry.paragraph }))
      );
      var styles = element("div", "passage-panel__styles");
      STYLES.forEach(function (style) {
        var format = entry.formats[style[0]];
        var prefix = "quotation-" + style[0];
        var name = { style: style[1] };
        var group = element("section", "passage-panel__style");
        group.setAttribute("aria-label", style[1]);
        group.append(
          element("p", "passage-panel__style-name", style[1]),
          line(prefix + "-quote", t("Quotation"), t("Copy {style} quotation", name),
            t("Copied {style} quotation to the clipboard", name), format.quotation.html),
          line(prefix + "-entry", t("The article (reference entry)"), t("Copy {style} reference entry of the article", name),
            t("Copied {style} reference entry of the article to the clipboard", name), format.entry.html)
        );
        if (format.source) {
          group.append(line(prefix + "-source", t("The primary source"), t("Copy {style} reference entry of the primary source", name),
            t("Copied {style} reference entry of the primary source to the clipboard", name), format.source.html));
        }
        styles.append(group);
      });
      panel.querySelector(".passage-panel__loading").remove();
      panel.append(facts, styles);
    }).catch(loadFailed);
  }

  function fillPanel(target, data, entry, block, words, number) {
    var facts = element("div", "passage-panel__facts");
    var quote = element("blockquote", "passage-panel__quote");
    quote.append(element("p", "", "\u201c" + words + "\u201d"));
    facts.append(
      quote,
      element("p", "passage-panel__pinpoint", t("Section: {section}, paragraph {paragraph}", { section: entry.label, paragraph: number })),
      element("p", "passage-panel__edition", data.edition ? t("Edition: {edition}", { edition: data.edition })
        : t("Edition: latest (unversioned)"))
    );
    var formats = {};
    entry.formats.forEach(function (format) { formats[format.key] = format; });
    var styles = element("div", "passage-panel__styles");
    STYLES.forEach(function (style) {
      var format = formats[style[0]];
      var intext = format.intext.html.split(data.locator_placeholder).join(number);
      var group = element("section", "passage-panel__style");
      var name = { style: style[1] };
      group.setAttribute("aria-label", style[1]);
      group.append(
        element("p", "passage-panel__style-name", style[1]),
        line("passage-" + style[0] + "-quote", t("Quotation"), t("Copy {style} quotation", name),
          t("Copied {style} quotation to the clipboard", name), quotationLine(words, intext)),
        line("passage-" + style[0] + "-entry", t("Reference entry"), t("Copy {style} reference entry", name),
          t("Copied {style} reference entry to the clipboard", name), format.html)
      );
      styles.append(group);
    });
    var address = passageLink(block, words);
    var linkLine = element("div", "cite-format passage-panel__link");
    var linkHead = element("div", "cite-format__head");
    linkHead.append(element("span", "cite-format__label", t("Link to this passage")), copyButton("passage-link",
      t("Copy the link to this passage"), t("Copied the link to this passage to the clipboard")));
    var linkText = element("p", "cite-format__text");
    linkText.id = "passage-link";
    var anchor = element("a", "", address);
    anchor.href = address;
    linkText.append(anchor);
    linkLine.append(linkHead, linkText);
    target.querySelector(".passage-panel__loading").remove();
    target.append(facts, styles, linkLine);
    latestCheck(target, data, words);
  }

  /* The small button, beside the selection (or after a focused ¶ link), moving nothing. */
  var button = element("button", "passage-button");
  button.type = "button";
  button.hidden = true;
  // Pressing it must not clear the selection it cites.
  button.addEventListener("mousedown", function (event) { event.preventDefault(); });
  button.addEventListener("click", function () {
    if (!offered) return;
    opener = button;
    openPanel(offered.block, offered.words);
  });

  function offerSelection() {
    var selection = getSelection();
    if (selection.isCollapsed || !selection.rangeCount) {
      // The button stays while its panel is open: focus returns to it on close.
      if (document.activeElement !== button && !panel) hide();
      return;
    }
    var range = selection.getRangeAt(0);
    var block = paragraphOf(range.commonAncestorContainer);
    if (!block) return hide();
    var words = selectedWords(range, block);
    if (!words) return hide();
    offered = { block: block, words: words };
    button.textContent = t("Cite this passage");
    var rect = range.getBoundingClientRect();
    document.body.appendChild(button);
    button.classList.remove("passage-button--inline");
    button.hidden = false;
    var left = Math.min(rect.left, document.documentElement.clientWidth - button.offsetWidth - 8);
    button.style.left = Math.max(8, left) + scrollX + "px";
    button.style.top = rect.bottom + scrollY + 6 + "px";
  }

  function offerParagraph(link) {
    var block = link.parentElement;
    offered = { block: block, words: blockText(block) };
    button.textContent = t("Cite this paragraph");
    button.classList.add("passage-button--inline");
    button.style.left = button.style.top = "";
    link.after(button);
    button.hidden = false;
  }

  function hide() {
    button.hidden = true;
  }

  /* Nothing is shown before passage.css has loaded: the button, measured unstyled, stood as a
   * full-width block at the foot of the page (left 8 px instead of beside the selection), and
   * a click on it there scrolled the page. */
  function start() {
    document.addEventListener("selectionchange", function () {
      if (document.activeElement && document.activeElement.classList.contains("paragraph-link")) return;
      offerSelection();
    });
    document.addEventListener("focusin", function (event) {
      if (event.target.classList && event.target.classList.contains("paragraph-link")) offerParagraph(event.target);
      else if (event.target !== button && !(panel && panel.contains(event.target))) hide();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      if (panel) closePanel();
      else hide();
    });

    window.nkPassage = { textDirective: textDirective, findWords: findWords, open: openPanel, openQuotation: openQuotation };
    // A "Cite this quotation" click that loaded this script (or came while it loaded).
    var pending = window.nkPendingQuotation;
    window.nkPendingQuotation = null;
    if (pending) return openQuotation(pending[0], pending[1]);
    // Whatever brought this script here (a selection, a focused link) is offered at once.
    var active = document.activeElement;
    if (active && active.classList.contains("paragraph-link")) offerParagraph(active);
    else offerSelection();
  }

  var stylesheet = document.createElement("link");
  stylesheet.rel = "stylesheet";
  stylesheet.href = new URL("../stylesheets/passage.css", script.src).href;
  // Unstyled is still usable: a stylesheet that fails to load does not take the panel away.
  stylesheet.addEventListener("load", start, { once: true });
  stylesheet.addEventListener("error", start, { once: true });
  document.head.appendChild(stylesheet);
})();
