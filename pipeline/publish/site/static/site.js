// The reading room's small script: filters and sorting of the index, the highlight
// switches of a deliberation page, and the Pagefind search box. Every page works without it.
(function () {
  "use strict";

  function indexPage() {
    var table = document.getElementById("deliberations");
    var form = document.getElementById("filters");
    if (!table || !form) return;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var status = document.getElementById("shown");
    form.hidden = false;
    function text(row, i) { return row.cells[i].textContent.trim(); }
    // a decision option's text is its label; a row's is the label, maybe "… sous conditions"
    function decided(row, label) {
      var t = text(row, 5);
      return t === label || t.indexOf(label + " ") === 0;
    }
    function apply() {
      var f = new FormData(form);
      var year = f.get("year"), authority = f.get("authority"), dec = f.get("decision");
      var select = form.elements.decision, decLabel = select.options[select.selectedIndex].text;
      var controller = (f.get("controller") || "").toLowerCase();
      var has = f.getAll("has");
      var shown = 0;
      rows.forEach(function (row) {
        var tables = (row.getAttribute("data-t") || "").split(" ");
        var ok = (!year || text(row, 1).slice(0, 4) === year) &&
          (!authority || text(row, 2) === authority) &&
          (!dec || decided(row, decLabel)) &&
          (!controller || text(row, 3).toLowerCase().indexOf(controller) >= 0) &&
          has.every(function (t) { return tables.indexOf(t) >= 0; });
        row.hidden = !ok;
        if (ok) shown++;
      });
      status.textContent = shown + " of " + rows.length + " deliberations shown";
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    apply();

    function key(row, i) {
      var t = text(row, i);
      if (i === 0) { var p = t.split("-"); return [Number(p[0]), Number(p[1])]; }
      return [t];
    }
    function compare(a, b) {
      for (var i = 0; i < a.length; i++) {
        if (typeof a[i] === "number") { if (a[i] !== b[i]) return a[i] - b[i]; }
        else { var c = a[i].localeCompare(b[i], "fr"); if (c) return c; }
      }
      return 0;
    }
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, i) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
        var sign = dir === "ascending" ? 1 : -1;
        rows.sort(function (a, b) { return sign * compare(key(a, i), key(b, i)); });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function deliberationPage() {
    var legend = document.querySelector("fieldset.legend");
    var text = document.querySelector("article.text");
    if (!legend || !text) return;
    legend.hidden = false;
    legend.addEventListener("change", function (e) {
      var code = e.target.getAttribute("data-toggle");
      if (code) text.classList.toggle("hide-" + code, !e.target.checked);
    });
  }

  // One tip for the hovered or focused mark and the marks around it (a recipient that is
  // also a named entity shows both); without the script, CSS shows the innermost one.
  function tips() {
    var text = document.querySelector("article.text");
    if (!text) return;
    document.documentElement.classList.add("js-tips");
    var box = document.createElement("div");
    box.id = "tip";
    box.setAttribute("role", "tooltip");
    box.hidden = true;
    document.body.appendChild(box);
    function tipOf(m) {
      if (m.dataset.tip) return m.dataset.tip;
      var head = m.dataset.of && document.getElementById(m.dataset.of);
      return head ? head.dataset.tip : null;
    }
    function show(mark, x, y) {
      box.textContent = "";
      for (var m = mark; m && m !== text; m = m.parentElement) {
        var tip = m.tagName === "MARK" ? tipOf(m) : null;
        if (tip) {
          var line = document.createElement("div");
          line.textContent = tip;
          box.appendChild(line);
        }
      }
      if (!box.firstChild) { box.hidden = true; return; }
      box.hidden = false;
      var width = document.documentElement.clientWidth;
      var left = Math.max(4, Math.min(x, width - box.offsetWidth - 4));
      box.style.left = (left + window.scrollX) + "px";
      box.style.top = (y + window.scrollY + 6) + "px";
    }
    function hide() { box.hidden = true; }
    text.addEventListener("mouseover", function (e) {
      var mark = e.target.closest && e.target.closest("mark");
      if (!mark) { hide(); return; }
      var rects = mark.getClientRects(), line = rects[0];
      for (var i = 0; i < rects.length; i++) {
        if (e.clientY >= rects[i].top && e.clientY <= rects[i].bottom) line = rects[i];
      }
      show(mark, e.clientX, line ? line.bottom : e.clientY);
    });
    text.addEventListener("mouseleave", hide);
    text.addEventListener("focusin", function (e) {
      if (e.target.tagName !== "MARK") return;
      var r = e.target.getClientRects()[0] || e.target.getBoundingClientRect();
      show(e.target, r.left, r.bottom);
    });
    text.addEventListener("focusout", hide);
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  }

  function searchPage() {
    var box = document.getElementById("search");
    if (!box || typeof window.PagefindUI === "undefined") return;
    var ui = new window.PagefindUI({ element: "#search", showSubResults: true, showImages: false });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) ui.triggerSearch(q);
  }

  indexPage();
  deliberationPage();
  tips();
  searchPage();
})();
