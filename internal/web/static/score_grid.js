// Score grid: the cohort's pre-tests and post-tests as one spreadsheet-like
// form. Without this script the form still works (type, Tab, Simpan); with
// it, Tab and Enter move down a column, and a column copied from Excel fills
// the cells below the one it is pasted into.
(function () {
  "use strict";
  var form = document.getElementById("score-grid");
  if (!form) { return; }
  var status = document.getElementById("grid-status");
  var cols = [[], []];
  Array.prototype.forEach.call(form.querySelectorAll("input.score"), function (el) {
    var c = +el.getAttribute("data-col");
    el.setAttribute("data-row", cols[c].length);
    cols[c].push(el);
  });
  var dirty = false;

  function cell(col, row) { return (cols[col] || [])[row]; }
  function at(el) { return [+el.getAttribute("data-col"), +el.getAttribute("data-row")]; }
  function focus(el) { if (el) { el.focus(); el.select(); return true; } return false; }
  function say(text) { if (status) { status.textContent = text; } }

  // valid is the server's rule, for a hint while typing: blank, or 0–100
  // with a decimal comma or point.
  function valid(v) {
    v = v.trim();
    if (v === "") { return true; }
    if (!/^\d+([.,]\d*)?$/.test(v)) { return false; }
    var n = parseFloat(v.replace(",", "."));
    return n >= 0 && n <= 100;
  }
  function check(el) {
    if (valid(el.value)) { el.removeAttribute("data-bad"); } else { el.setAttribute("data-bad", "1"); }
  }

  // next moves down a column; past the last pre-test it goes to the first
  // post-test, past the last post-test it leaves the grid (to Simpan).
  function next(el, back) {
    var p = at(el), c = p[0], r = p[1] + (back ? -1 : 1);
    if (cell(c, r)) { return cell(c, r); }
    if (!back && c === 0) { return cell(1, 0); }
    if (back && c === 1) { return cell(0, cols[0].length - 1); }
    return null;
  }

  form.addEventListener("keydown", function (e) {
    var el = e.target;
    if (!el.classList || !el.classList.contains("score") || e.altKey || e.ctrlKey || e.metaKey) { return; }
    if (e.key === "Enter" || e.key === "Tab") {
      var to = next(el, e.shiftKey);
      if (to) { e.preventDefault(); focus(to); return; }
      if (e.key === "Enter") { e.preventDefault(); focus(document.getElementById("save-scores")); }
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      var p = at(el);
      if (focus(cell(p[0], p[1] + (e.key === "ArrowDown" ? 1 : -1)))) { e.preventDefault(); }
    }
  });

  // Enter in a cell never submits the form, even where a browser sends the
  // key press on after its key down was handled.
  form.addEventListener("keypress", function (e) {
    if (e.key === "Enter" && e.target.classList && e.target.classList.contains("score")) { e.preventDefault(); }
  });

  form.addEventListener("paste", function (e) {
    var el = e.target;
    if (!el.classList || !el.classList.contains("score") || !e.clipboardData) { return; }
    var text = e.clipboardData.getData("text/plain") || "";
    if (!/[\t\r\n]/.test(text.trim())) { return; } // one value: the browser pastes it
    e.preventDefault();
    var lines = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
    var p = at(el), filled = 0, over = 0;
    lines.forEach(function (line, i) {
      line.split("\t").forEach(function (v, j) {
        var target = cell(p[0] + j, p[1] + i);
        if (!target) { over++; return; }
        target.value = v.trim();
        check(target);
        filled++;
      });
    });
    dirty = true;
    say(filled + " nilai ditempel mulai baris " + (p[1] + 1) + (over ? "; " + over + " nilai tidak muat dan diabaikan." : ".") +
      " Periksa, lalu tekan Simpan semua nilai.");
  });

  form.addEventListener("input", function (e) {
    if (e.target.classList && e.target.classList.contains("score")) { dirty = true; check(e.target); }
  });
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (e) {
    if (dirty) { e.preventDefault(); e.returnValue = ""; }
  });
  var first = form.querySelector("input[aria-invalid=true]");
  if (first) { focus(first); }
})();
