// Penilaian kematangan: offline-tolerant form.
// Every change is kept in localStorage; "Simpan" sends JSON to the API. If
// the connection drops while saving, the draft stays marked as pending and is
// re-sent when the phone is online again (client_ref makes a re-send of an
// already-saved form harmless). The draft is removed only after the server
// has confirmed the save.
(function () {
  "use strict";
  var form = document.getElementById("assessment-form");
  if (!form || !window.fetch || !window.localStorage) { return; }
  var key = form.dataset.key, status = document.getElementById("form-status");
  var retryTimer = null, sending = false;

  function say(text, kind) {
    status.textContent = text;
    status.className = "notice " + (kind || "");
    status.hidden = !text;
  }
  function field(name) { return form.elements.namedItem(name); }
  function collect() {
    var d = { answers: {}, instrument_version: field("instrument_version").value, client_ref: field("client_ref").value };
    Array.prototype.forEach.call(form.querySelectorAll("input[type=radio]:checked"), function (el) {
      d.answers[el.name.slice(2)] = el.value;
    });
    ["assessed_on", "visit_date", "verified_from"].forEach(function (n) {
      var el = field(n);
      if (el && el.value) { d[n] = el.name === "verified_from" ? parseInt(el.value, 10) : el.value; }
    });
    if (d.verified_from) { d.source = "officer_verified"; }
    return d;
  }
  function load() {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function save(pending) {
    var d = collect();
    d.pending = !!pending;
    d.saved_at = new Date().toISOString();
    try { localStorage.setItem(key, JSON.stringify(d)); } catch (e) { /* storage full: the form still works online */ }
  }
  function restore(d) {
    Object.keys(d.answers || {}).forEach(function (q) {
      var el = form.querySelector('input[name="q_' + q + '"][value="' + d.answers[q] + '"]');
      if (el) { el.checked = true; }
    });
    ["assessed_on", "visit_date"].forEach(function (n) { if (d[n] && field(n)) { field(n).value = d[n]; } });
    if (d.client_ref) { field("client_ref").value = d.client_ref; }
  }
  function showErrors(fields) {
    Array.prototype.forEach.call(form.querySelectorAll(".ferr[data-for]"), function (p) {
      var msg = fields["answers." + p.dataset.for];
      p.textContent = msg || "";
      p.hidden = !msg;
      p.parentNode.classList.toggle("invalid", !!msg);
    });
    var first = form.querySelector(".question.invalid");
    if (first) { first.scrollIntoView({ block: "center" }); }
  }
  function scheduleRetry() {
    if (retryTimer) { return; }
    retryTimer = setTimeout(function () { retryTimer = null; send(); }, 15000);
  }
  function send() {
    if (sending) { return; }
    var d = load();
    if (!d || !d.pending) { return; }
    sending = true;
    say("Menyimpan…");
    var body = JSON.parse(JSON.stringify(d));
    delete body.pending; delete body.saved_at;
    fetch(form.dataset.api, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(body)
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (j) { return { res: res, j: j }; });
    }).then(function (x) {
      sending = false;
      if (x.res.ok) {
        localStorage.removeItem(key);
        say("Tersimpan. Level: " + x.j.level + " · " + x.j.level_name, "ok");
        window.location.assign(form.dataset.done);
        return;
      }
      if (x.res.status >= 500 || x.res.status === 429) { throw new Error("server"); }
      save(false); // the server answered: a re-send would get the same answer
      say(x.j.error || "Penilaian belum dapat disimpan.", "error");
      showErrors(x.j.fields || {});
    }).catch(function () {
      sending = false;
      say("Koneksi terputus. Jawaban tersimpan di perangkat ini dan akan dikirim ulang otomatis saat tersambung.", "warn");
      scheduleRetry();
    });
  }

  var draft = load();
  if (draft) {
    restore(draft);
    if (draft.pending) { say("Ada jawaban yang belum terkirim. Mengirim ulang…", "warn"); send(); }
    else { say("Jawaban yang belum selesai dipulihkan dari perangkat ini.", ""); }
  }
  form.addEventListener("change", function () { save(false); });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    save(true);
    send();
  });
  window.addEventListener("online", send);
})();
