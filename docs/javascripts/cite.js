/* "How to cite": copy buttons, and "Copy link" / "Cite this section" for every section and
 * timeline event. Progressive enhancement: without this script the page's citations are still
 * in the HTML and can be selected by hand.
 *
 * The six formats of every section and event are made at build time (scripts/citations.py)
 * into one small JSON file per page, fetched from the same site only when a reader asks for
 * one, so pages stay light. Nothing is loaded from another host. */
(function () {
  "use strict";

  var FLASH_MS = 2000;

  function statusRegion() {
    var region = document.querySelector(".cite-status");
    if (!region) {
      region = document.createElement("div");
      region.className = "cite-status";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      document.body.appendChild(region);
    }
    return region;
  }

  function announce(message) {
    var region = statusRegion();
    // Emptying first makes screen readers repeat the same message on a second copy.
    region.textContent = "";
    window.setTimeout(function () { region.textContent = message; }, 50);
  }

  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "cite-offscreen";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(area);
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  /* Plain text always; for APA, MLA and Chicago also HTML, so italics survive a paste into a
   * word processor. Falls back to a hidden text area where the Clipboard API is missing. */
  function copy(text, html) {
    var clipboard = navigator.clipboard;
    if (clipboard && html && window.ClipboardItem && clipboard.write) {
      var item = new window.ClipboardItem({
        "text/plain": new Blob([text], { type: "text/plain" }),
        "text/html": new Blob([html], { type: "text/html" })
      });
      return clipboard.write([item]).catch(function () { return copy(text, null); });
    }
    if (clipboard && clipboard.writeText) {
      return clipboard.writeText(text).catch(function () { return copyWithSelection(text); });
    }
    return copyWithSelection(text);
  }

  function flash(button, message) {
    var original = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", original);
    button.textContent = message;
    window.setTimeout(function () { button.textContent = original; }, FLASH_MS);
  }

  function copyButtonClicked(button) {
    var source = document.getElementById(button.getAttribute("data-copy-from"));
    if (!source) return;
    var text = source.textContent.trim();
    var rich = source.tagName === "P" ? source.innerHTML : null;
    var what = button.getAttribute("aria-label").replace(/^Copy /, "");
    copy(text, rich).then(
      function () {
        flash(button, "Copied");
        announce("Copied " + what + " to the clipboard");
      },
      function () { announce("Could not copy; select the text and copy it by hand"); }
    );
  }

  function formatBlock(prefix, format) {
    var id = prefix + "-" + format.key;
    var wrapper = document.createElement("div");
    wrapper.className = "cite-format";
    wrapper.setAttribute("data-format", format.key);
    var head = document.createElement("div");
    head.className = "cite-format__head";
    var label = document.createElement("span");
    label.className = "cite-format__label";
    label.textContent = format.label;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-copy";
    button.setAttribute("data-copy-from", id);
    button.setAttribute("aria-label", "Copy " + format.label);
    button.textContent = "Copy";
    head.appendChild(label);
    head.appendChild(button);
    wrapper.appendChild(head);
    var body;
    if (format.html) {
      body = document.createElement("p");
      body.className = "cite-format__text";
      // Made and escaped at build time by scripts/citations.py; only <i> and entities remain.
      body.innerHTML = format.html;
    } else {
      body = document.createElement("pre");
      body.className = "cite-format__code";
      var code = document.createElement("code");
      code.textContent = format.text;
      body.appendChild(code);
    }
    body.id = id;
    wrapper.appendChild(body);
    return wrapper;
  }

  var dataRequests = {};

  function citationData(source) {
    if (!dataRequests[source]) {
      dataRequests[source] = fetch(source, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + source);
        return response.json();
      });
      dataRequests[source].catch(function () { delete dataRequests[source]; });
    }
    return dataRequests[source];
  }

  function canonicalLink(anchor) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : location.href;
    return new URL("#" + anchor, base).href;
  }

  function citeButtonClicked(button, source, anchor, panel) {
    var open = button.getAttribute("aria-expanded") === "true";
    if (open) {
      button.setAttribute("aria-expanded", "false");
      panel.hidden = true;
      return;
    }
    button.setAttribute("aria-expanded", "true");
    panel.hidden = false;
    if (panel.getAttribute("data-loaded")) return;
    panel.textContent = "Loading…";
    citationData(source).then(
      function (data) {
        var entry = data.items[anchor];
        panel.textContent = "";
        if (!entry) {
          panel.textContent = "No citation found for this part of the page.";
          return;
        }
        var title = document.createElement("p");
        title.className = "cite-panel__title";
        title.textContent = "Cite “" + entry.label + "”";
        panel.appendChild(title);
        var formats = document.createElement("div");
        formats.className = "cite-formats";
        entry.formats.forEach(function (format) {
          formats.appendChild(formatBlock("cite-" + anchor, format));
        });
        panel.appendChild(formats);
        panel.setAttribute("data-loaded", "true");
      },
      function () {
        panel.textContent = "The citations could not be loaded. The box at the end of the page cites the whole page.";
      }
    );
  }

  function addTools(box, element, anchor) {
    var source = box.getAttribute("data-cite-src");
    var isEvent = !/^H[2-6]$/.test(element.tagName);
    var noun = isEvent ? "event" : "section";
    var tools = document.createElement("div");
    tools.className = "cite-tools";
    tools.setAttribute("data-cite-tools", anchor);

    var link = document.createElement("button");
    link.type = "button";
    link.className = "cite-tools__button";
    link.textContent = "Copy link";
    link.addEventListener("click", function () {
      copy(canonicalLink(anchor), null).then(
        function () {
          flash(link, "Copied");
          announce("Copied the link to this " + noun);
        },
        function () { announce("Could not copy the link"); }
      );
    });

    var cite = document.createElement("button");
    cite.type = "button";
    cite.className = "cite-tools__button";
    cite.textContent = "Cite this " + noun;
    cite.setAttribute("aria-expanded", "false");
    var panel = document.createElement("div");
    panel.className = "cite-panel";
    panel.id = "cite-panel-" + anchor;
    panel.hidden = true;
    cite.setAttribute("aria-controls", panel.id);
    cite.addEventListener("click", function () { citeButtonClicked(cite, source, anchor, panel); });

    tools.appendChild(link);
    tools.appendChild(cite);
    tools.appendChild(panel);
    if (isEvent) {
      element.appendChild(tools);
    } else {
      element.insertAdjacentElement("afterend", tools);
    }
  }

  function setup() {
    var box = document.querySelector(".cite-box[data-cite-src]");
    if (box && !box.hasAttribute("data-cite-ready")) {
      box.setAttribute("data-cite-ready", "");
      (box.getAttribute("data-cite-ids") || "").split(" ").forEach(function (anchor) {
        var element = anchor && document.getElementById(anchor);
        if (element && !element.querySelector("[data-cite-tools]")) addTools(box, element, anchor);
      });
    }
    Array.prototype.forEach.call(document.querySelectorAll("button.cite-copy[hidden]"), function (button) {
      button.hidden = false;
    });
  }

  // One listener for every copy button, including those added later in panels.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.cite-copy");
    if (button) copyButtonClicked(button);
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
