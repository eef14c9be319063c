/* Timeline theme filter. Progressive enhancement: without JavaScript the page keeps its
   `no-js` class, the stylesheet hides the filter and every event shows. The selected themes live in the address (?themes=a,b), so a
   filtered view can be shared; with Material's instant navigation, document$ re-runs setup. */
(function () {
  "use strict";

  /* The page's words: each text passed to t is a whole sentence; a translation's build replaces the
   * literal with its language's text (scripts/publish/script_text.py). Here only each {name} is
   * filled from `values` (as cite.js's t does: this script loads on its own). */
  function t(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function readSelection(known) {
    var raw = (new URLSearchParams(window.location.search).get("themes") || "").split(",");
    // In the order of the buttons, unknown names dropped, so the view never depends on how
    // the address was typed.
    return known.filter(function (theme) { return raw.indexOf(theme) !== -1; });
  }

  function writeSelection(selected) {
    var params = new URLSearchParams(window.location.search);
    params.delete("themes");
    var query = params.toString();
    // Commas stay readable in the shared address instead of becoming %2C.
    if (selected.length) query += (query ? "&" : "") + "themes=" + selected.join(",");
    var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", address);
  }

  function setup() {
    var filter = document.querySelector("[data-tl-filter]");
    if (!filter || filter.hasAttribute("data-tl-ready")) return;
    filter.setAttribute("data-tl-ready", "");
    var buttons = Array.prototype.slice.call(filter.querySelectorAll("button[data-theme]"));
    var known = buttons.map(function (button) { return button.getAttribute("data-theme"); });
    var labels = {};
    buttons.forEach(function (button) {
      labels[button.getAttribute("data-theme")] = button.firstChild.textContent.trim();
    });
    var events = Array.prototype.slice.call(document.querySelectorAll(".tl-event[data-themes]"));
    var containers = Array.prototype.slice.call(
      document.querySelectorAll(".tl-list[data-tl-group], [data-tl-section]")
    );
    var status = filter.querySelector(".tl-filter__status");
    // The strip's marks (scripts/pictures/strip.py) dim with the events they stand for.
    var marks = Array.prototype.slice.call(document.querySelectorAll(".pic-strip [data-themes]"));

    function apply(selected) {
      var shown = 0;
      events.forEach(function (event) {
        var themes = event.getAttribute("data-themes").split(" ");
        var visible = !selected.length || themes.some(function (theme) { return selected.indexOf(theme) !== -1; });
        event.hidden = !visible;
        if (visible) shown += 1;
      });
      marks.forEach(function (mark) {
        var themes = mark.getAttribute("data-themes").split(" ");
        var dimmed = selected.length && !themes.some(function (theme) { return selected.indexOf(theme) !== -1; });
        mark.classList.toggle("pic-strip__mark--dimmed", Boolean(dimmed));
        // A dimmed mark's event is hidden: nothing to go to, so it leaves the tab order.
        if (dimmed) mark.setAttribute("tabindex", "-1"); else mark.removeAttribute("tabindex");
      });
      // A list, a month or a year with no event left hides whole, heading included.
      containers.forEach(function (container) {
        container.hidden = !container.querySelector(".tl-event:not([hidden])");
        // Its entries in the tables of contents (sidebar and mobile drawer) follow, so the
        // contents list only what shows. Instant navigation makes their links absolute.
        var id = container.getAttribute("data-tl-section");
        if (!id) return;
        var links = document.querySelectorAll('.md-nav--secondary a[href$="#' + id + '"]');
        Array.prototype.forEach.call(links, function (link) {
          var item = link.closest("li");
          if (item) item.hidden = container.hidden;
        });
      });
      buttons.forEach(function (button) {
        var pressed = selected.indexOf(button.getAttribute("data-theme")) !== -1;
        button.setAttribute("aria-pressed", pressed ? "true" : "false");
      });
      if (status) status.textContent = describe(selected, shown);
    }

    function describe(selected, shown) {
      return selected.length
        ? t("Showing {shown} of {count} events: {themes}.", {
          shown: shown,
          count: events.length,
          themes: selected.map(function (theme) { return labels[theme]; }).join(", ")
        })
        : t("Showing all {count} events.", { count: events.length });
    }

    function update(selected) {
      // Keep the order of the buttons so equal selections give equal addresses.
      selected = known.filter(function (theme) { return selected.indexOf(theme) !== -1; });
      writeSelection(selected);
      apply(selected);
    }

    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var theme = button.getAttribute("data-theme");
        var selected = readSelection(known);
        var at = selected.indexOf(theme);
        if (at === -1) selected.push(theme); else selected.splice(at, 1);
        update(selected);
      });
    });
    var reset = filter.querySelector("[data-tl-reset]");
    if (reset) reset.addEventListener("click", function () { update([]); });

    // The page arrives with every event shown and no button pressed; only a shared address
    // with ?themes= needs the page rewritten before the reader sees it.
    var initial = readSelection(known);
    if (initial.length) apply(initial);
    else if (status) status.textContent = describe([], events.length);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
