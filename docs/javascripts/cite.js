/* "How to cite": copy buttons, and "Copy link" / "Cite this section" (or event) in the slot the
 * build leaves under every section heading and in every timeline event. Without this script the page's own citations stay in the
 * HTML, selectable by hand. Each section's and event's six formats are made at build time
 * (scripts/citations.py) into one JSON file per page, fetched from this site only on demand. */
(function () {
  "use strict";

  /* The page's own words: each text passed to t is a whole sentence; a translation's build replaces the
   * literal with its language's text (scripts/publish/script_text.py). Here only each {name} is
   * filled from `values`; a name not given stays as written. passage.js uses it too. */
  function t(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }
  window.nkText = t;

  function announce(message) {
    var region = document.querySelector(".cite-status");
    if (!region) return;
    // Emptying first makes screen readers repeat the same message on a second copy.
    region.textContent = "";
    setTimeout(function () { region.textContent = message; }, 50);
  }

  function copyBySelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.className = "cite-offscreen";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    area.remove();
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  /* Plain text always, plus HTML where given so italics survive a paste into a word processor;
   * a hidden text area where the Clipboard API is missing (e.g. plain http on a LAN). */
  function copy(text, html) {
    var clipboard = navigator.clipboard;
    if (!clipboard) return copyBySelection(text);
    if (html && window.ClipboardItem) {
      var item = new ClipboardItem({
        "text/plain": new Blob([text], { type: "text/plain" }),
        "text/html": new Blob([html], { type: "text/html" })
      });
      return clipboard.write([item]).catch(function () { return copy(text); });
    }
    return clipboard.writeText(text).catch(function () { return copyBySelection(text); });
  }

  function copied(button, message) {
    var label = button.textContent;
    button.textContent = t("Copied");
    setTimeout(function () { button.textContent = label; }, 2000);
    announce(message);
  }

  /* What a copy button's announcement says: its own sentence (data-copied, set where the
   * button is made here or in passage.js), else the thing its name says it copies ("Copy
   * APA 7"), or, if its name is not the English one, the format label beside it. */
  function copiedMessage(target) {
    var message = target.getAttribute("data-copied");
    if (message) return message;
    var name = target.getAttribute("aria-label") || "";
    var label = target.parentElement && target.parentElement.querySelector(".cite-format__label");
    var what = /^Copy /.test(name) ? name.slice(5) : label ? label.textContent : name;
    return t("Copied {what} to the clipboard", { what: what });
  }

  function failed() { announce(t("Could not copy; select the text and copy it by hand")); }

  function button(label, className) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.textContent = label;
    return element;
  }

  /* A panel of six formats, cloned from the page's own cite box so the markup is the one the
   * template makes, then filled from the JSON entry. */
  function fillPanel(panel, box, anchor, entry) {
    var template = box.querySelector(".cite-formats");
    var formats = template.cloneNode(true);
    entry.formats.forEach(function (format) {
      var block = formats.querySelector('[data-format="' + format.key + '"]');
      var text = block.querySelector("[id]");
      text.id = "cite-" + anchor + "-" + format.key;
      block.querySelector(".cite-copy").setAttribute("data-copy-from", text.id);
      if (format.html) text.innerHTML = format.html; // escaped at build time
      else text.firstChild.textContent = format.text;
      // A section restates the original article: its entry follows, under a label (not in
      // the citation text), with a copy button of its own.
      if (format.original_html) {
        var head = document.createElement("div");
        head.className = "cite-format__head";
        var label = document.createElement("span");
        label.className = "cite-format__label cite-format__restated";
        label.textContent = t("Restated from");
        var copyOriginal = button(t("Copy"), "cite-copy");
        copyOriginal.setAttribute("data-copy-from", text.id + "-original");
        copyOriginal.setAttribute("aria-label", t("Copy the original article, {format}", { format: format.label }));
        copyOriginal.setAttribute("data-copied",
          t("Copied the original article, {format} to the clipboard", { format: format.label }));
        head.append(label, copyOriginal);
        var original = document.createElement("p");
        original.className = "cite-format__text";
        original.id = text.id + "-original";
        original.innerHTML = format.original_html; // escaped at build time
        block.append(head, original);
      }
    });
    var title = document.createElement("p");
    title.className = "cite-panel__title";
    title.textContent = t("Cite \u201c{label}\u201d", { label: entry.label });
    panel.replaceChildren(title, formats);
  }

  var requests = {};

  function citationData(source) {
    if (!requests[source]) {
      requests[source] = fetch(source).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + source);
        return response.json();
      });
      requests[source].catch(function () { delete requests[source]; });
    }
    return requests[source];
  }

  /* Fill one cite-tools slot, placed by the build after a heading or inside an event. */
  function fillTools(box, tools) {
    var anchor = tools.getAttribute("data-cite-tools");
    var isEvent = tools.getAttribute("data-cite-kind") === "event";
    var link = button(t("Copy link"), "cite-tools__button");
    var cite = button(isEvent ? t("Cite this event") : t("Cite this section"), "cite-tools__button");
    var panel = document.createElement("div");
    panel.className = "cite-panel";
    panel.id = "cite-panel-" + anchor;
    panel.hidden = true;
    cite.setAttribute("aria-expanded", "false");
    cite.setAttribute("aria-controls", panel.id);

    link.addEventListener("click", function () {
      var canonical = document.querySelector('link[rel="canonical"]');
      var address = new URL("#" + anchor, canonical ? canonical.href : location.href).href;
      copy(address).then(function () {
        copied(link, isEvent ? t("Copied the link to this event to the clipboard")
          : t("Copied the link to this section to the clipboard"));
      }, failed);
    });
    cite.addEventListener("click", function () {
      var opening = cite.getAttribute("aria-expanded") !== "true";
      cite.setAttribute("aria-expanded", String(opening));
      panel.hidden = !opening;
      if (opening) describe(anchor);
      else describeAddress();
      if (!opening || panel.hasAttribute("data-loaded")) return;
      panel.textContent = t("Loading\u2026");
      citationData(box.getAttribute("data-cite-src")).then(function (data) {
        fillPanel(panel, box, anchor, data.items[anchor]);
        panel.setAttribute("data-loaded", "");
      }, function () {
        panel.textContent = t("The citations could not be loaded; the box at the end of the page cites the whole page.");
      });
    });

    tools.append(link, cite, panel);
  }

  /* Reference managers such as the Zotero Connector read the live page's metadata. While the
   * address names a section or event (or its "Cite this" panel is open), the tags that name
   * what is cited give its title and address, from the page's citation data, so the saved
   * item is the section, not the page; otherwise they are the page's own, as built. */
  var TITLE_TAGS = ["citation_title", "DC.title", "og:title", "twitter:title"];
  var ADDRESS_TAGS = ["citation_public_url", "DC.identifier", "og:url"];
  var pageMetadata = null;
  var described = null;

  function metaTag(key) {
    return document.querySelector('meta[name="' + key + '"], meta[property="' + key + '"]');
  }

  function setMetadata(title, address) {
    Object.keys(pageMetadata).forEach(function (key) {
      var tag = metaTag(key);
      if (!tag) return;
      var value = pageMetadata[key];
      if (title && TITLE_TAGS.indexOf(key) >= 0) value = title;
      if (address && ADDRESS_TAGS.indexOf(key) >= 0) value = address;
      tag.setAttribute("content", value);
    });
  }

  function describe(anchor) {
    if (!pageMetadata) {
      pageMetadata = {};
      TITLE_TAGS.concat(ADDRESS_TAGS).forEach(function (key) {
        var tag = metaTag(key);
        if (tag) pageMetadata[key] = tag.getAttribute("content");
      });
    }
    described = anchor;
    var box = document.querySelector(".cite-box[data-cite-src]");
    var tools = anchor && box ? document.querySelector(
      '.cite-tools[data-cite-tools="' + CSS.escape(anchor) + '"]') : null;
    if (!tools) {
      setMetadata(null, null);
      return;
    }
    citationData(box.getAttribute("data-cite-src")).then(function (data) {
      var entry = data.items[anchor];
      if (!entry || described !== anchor) return; // the reader has moved on meanwhile
      var title = entry.title || (pageMetadata.citation_title + ": " + entry.label);
      setMetadata(title, entry.url);
    }, function () { /* the page's own metadata stays */ });
  }

  function describeAddress() {
    describe(decodeURIComponent(location.hash.slice(1)) || null);
  }

  /* Each paragraph, list item and note has an address (`#kim-putin-summit-p2`, given by the
   * build: scripts/paragraph_ids.py); its link, shown on hover and focus, is added here. */
  var PARAGRAPH_ID = /^(.+)-p(\d+)$/;

  function addParagraphLinks() {
    document.querySelectorAll(".md-content article [id]").forEach(function (block) {
      var match = PARAGRAPH_ID.exec(block.id);
      if (!match || /^H\d$/.test(block.tagName) || block.querySelector(":scope > .paragraph-link")) return;
      var link = document.createElement("a");
      link.className = "paragraph-link";
      link.href = "#" + block.id;
      link.setAttribute("aria-label", t("Paragraph {number}", { number: match[2] }));
      link.textContent = "\u00b6";
      var title = block.querySelector(":scope > .admonition-title");
      block.insertBefore(link, title ? title.nextSibling : block.firstChild);
    });
  }

  /* "Cite this quotation": a button after each quotation the build marked (span.quotation,
   * scripts/quotations.py); its panel is passage.js's, loaded on the first click. */
  function addQuotationButtons() {
    document.querySelectorAll(".md-content span.quotation[data-quotation]").forEach(function (quote) {
      var next = quote.nextElementSibling;
      if (next && next.classList.contains("quotation-button")) return;
      // Its label is drawn by the stylesheet (::before), so the paragraph's text, a selection
      // in it and a link to its words (a text fragment) stay the article's words alone.
      var cite = button("", "cite-tools__button quotation-button");
      cite.setAttribute("aria-label", t("Cite this quotation: {quotation}", { quotation: quote.textContent }));
      cite.addEventListener("click", function () {
        if (window.nkPassage && window.nkPassage.openQuotation) return window.nkPassage.openQuotation(quote, cite);
        window.nkPendingQuotation = [quote, cite];
        loadPassageScript();
      });
      quote.after(cite);
    });
  }

  function setup() {
    addParagraphLinks();
    addQuotationButtons();
    describeAddress();
    var box = document.querySelector(".cite-box[data-cite-src]");
    if (box) {
      document.querySelectorAll(".cite-tools[data-cite-tools]:empty").forEach(function (tools) {
        fillTools(box, tools);
      });
    }
    document.querySelectorAll("button.cite-copy[hidden]").forEach(function (copyButton) {
      copyButton.hidden = false;
    });
  }

  // One listener serves every copy button, including those in panels filled later.
  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("button.cite-copy");
    var source = target && document.getElementById(target.getAttribute("data-copy-from"));
    if (!source) return;
    var html = source.tagName === "P" ? source.innerHTML : null;
    var message = copiedMessage(target);
    copy(source.textContent.trim(), html).then(function () { copied(target, message); }, failed);
  });

  window.addEventListener("hashchange", describeAddress);

  /* "Cite this passage" (passage.js, beside this file) loads on first use only: a selection
   * inside the article, or keyboard focus on a paragraph's link. */
  var passageSource = document.currentScript && new URL("passage.js", document.currentScript.src).href;
  function loadPassage(event) {
    if (!passageSource || window.nkPassage) return;
    var node = event.type === "focusin" ? event.target : getSelection().anchorNode;
    var element = node && (node.nodeType === 1 ? node : node.parentElement);
    if (!element || !element.closest(".md-content article") || (event.type !== "focusin" && getSelection().isCollapsed)) return;
    if (event.type === "focusin" && !element.classList.contains("paragraph-link")) return;
    loadPassageScript();
  }
  function loadPassageScript() {
    if (!passageSource || window.nkPassage) return;
    window.nkPassage = { loading: true };
    var script = document.createElement("script");
    script.src = passageSource;
    document.head.appendChild(script);
  }
  document.addEventListener("selectionchange", loadPassage);
  document.addEventListener("focusin", loadPassage);

  /* The header's link to the other language (overrides/partials/alternate.html) leads to the
   * same page; the section ids are the same in every language, so it keeps the reader's
   * section or paragraph too. */
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a.md-header__language");
    if (link && location.hash) link.hash = location.hash;
  });

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
