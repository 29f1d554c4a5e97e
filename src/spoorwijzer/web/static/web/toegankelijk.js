// Focus and announcements after HTMX swaps (WCAG 2.4.3 focus order, 4.1.3 status messages).
// When a form is loaded into the page, focus moves to its heading; when it comes back with errors, to the
// error summary at its top (which links to each field). A live region says what happened.
(function () {
  function zeg(tekst) {
    var live = document.getElementById("aankondiging");
    if (!live) return;
    live.textContent = "";
    // a fresh text node after a tick, so screen readers announce the same sentence twice in a row too
    window.setTimeout(function () { live.textContent = tekst; }, 50);
  }
  document.addEventListener("htmx:afterSwap", function (event) {
    var doel = event.detail.target;
    if (!doel || doel.id !== "formulier") return;
    var fouten = doel.querySelector(".foutsamenvatting");
    var kop = doel.querySelector("h2");
    var naam = doel.querySelector("[data-formulier]");
    naam = naam ? naam.getAttribute("data-formulier") : "";
    if (fouten) {
      fouten.focus();
      var n = parseInt(fouten.getAttribute("data-fouten") || "1", 10);
      zeg("Het formulier is niet vastgelegd: " + (n === 1 ? "er is 1 fout." : "er zijn " + n + " fouten."));
    } else if (kop) {
      kop.focus();
      zeg("Formulier " + naam + " geopend.");
    }
  });
})();
// On a phone the lists of what can be recorded start folded (data-dicht-smal); on a desktop they stay open.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.matchMedia("(max-width: 700px)").matches) return;
  document.querySelectorAll("details[data-dicht-smal]").forEach(function (d) { d.open = false; });
});
