// Places the timeline's markers: each carries its position (percent of the row) in data-links. Set through the
// DOM rather than a style attribute, so the Content-Security-Policy needs no 'unsafe-inline' for styles.
(function () {
  function plaats(root) {
    var markers = (root || document).querySelectorAll("[data-links]");
    for (var i = 0; i < markers.length; i++) {
      markers[i].style.left = markers[i].getAttribute("data-links") + "%";
    }
  }
  document.addEventListener("DOMContentLoaded", function () { plaats(document); });
  document.addEventListener("htmx:load", function (event) { plaats(event.detail && event.detail.elt); });
})();
