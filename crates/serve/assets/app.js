// Annalist UI enhancements. Every page works without this script.
// - "/" focuses the search box; Escape leaves it.
// - Selects marked data-autosubmit submit their form when changed.
// - Highlights in an article show the label of the span under focus in a status line.
(function () {
  "use strict";
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT");
    if (e.key === "/" && !typing) {
      var box = document.querySelector("form.search input[type=search]");
      if (box) { e.preventDefault(); box.focus(); box.select(); }
    } else if (e.key === "Escape" && typing && t.blur) {
      t.blur();
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[data-autosubmit]").forEach(function (s) {
      s.addEventListener("change", function () { if (s.form) { s.form.submit(); } });
    });
    var text = document.getElementById("text");
    if (text) {
      var status = document.createElement("p");
      status.className = "hl-status";
      status.setAttribute("role", "status");
      text.parentNode.insertBefore(status, text);
      var show = function (e) {
        var h = e.target.closest ? e.target.closest(".hl") : null;
        if (h) { status.textContent = h.getAttribute("title") || ""; }
      };
      text.addEventListener("mouseover", show);
      text.addEventListener("focusin", show);
    }
  });
})();
