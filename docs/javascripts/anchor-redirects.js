/* Moved anchors keep working: a visitor arriving at an old #id is sent to its new place.
 * The map {old id: new address relative to this page} is written into the page by
 * scripts/page_citations.py from the `old -> new` lines of anchors.lock; it only exists on
 * pages that lost an anchor, so other pages do nothing. */
(function () {
  "use strict";

  function movedAnchors() {
    var element = document.getElementById("moved-anchors");
    if (!element) return null;
    try {
      return JSON.parse(element.textContent);
    } catch (error) {
      return null;
    }
  }

  function follow() {
    var map = movedAnchors();
    if (!map || location.hash.length < 2) return;
    var id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (error) {
      return;
    }
    // An id that exists again on the page wins over its old mapping.
    if (document.getElementById(id) || !Object.prototype.hasOwnProperty.call(map, id)) return;
    location.replace(new URL(map[id], location.href).href);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", follow);
  } else {
    follow();
  }
  window.addEventListener("hashchange", follow);
})();
