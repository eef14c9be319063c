/* The outdated banner of an old edition links to the same page in the latest edition; this
 * adds the section the reader is at (the address's #id). If the latest edition no longer has
 * the page, the link goes to the latest edition's home page. A section that moved is sent on
 * by the latest edition's own moved-anchor script (anchor-redirects.js). */
(function () {
  "use strict";

  // Material's version button is named "Select version" while it shows "2026.1": a speech
  // user saying what they see would miss it (axe: label-content-name-mismatch). Name it by
  // its text instead, once Material has drawn it.
  var topic = document.querySelector(".md-header__topic");
  if (topic && window.MutationObserver) {
    new MutationObserver(function () {
      var button = document.querySelector(".md-version__current[aria-label]");
      if (button) button.removeAttribute("aria-label");
    }).observe(topic, { childList: true, subtree: true });
  }

  var link = document.querySelector("a.edition-latest");
  if (!link) return;
  var page = link.href;

  function update() {
    link.href = page + location.hash;
  }
  update();
  window.addEventListener("hashchange", update);

  link.addEventListener("click", function (event) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || !window.fetch) return;
    event.preventDefault();
    var target = link.href;
    fetch(page, { method: "HEAD" })
      .then(function (response) {
        location.assign(response.ok ? target : new URL(link.dataset.latest, location.href).href);
      })
      .catch(function () {
        location.assign(target);
      });
  });
})();
