// Peyk Console: the live parts of the server-rendered pages. No framework, no build step. Everything the bot or an
// article says is put in place with textContent, never innerHTML, so it is shown as text.
"use strict";
(function () {
  var csrf = document.body.dataset.csrf;

  function post(url, fields) {
    var body = new URLSearchParams(fields);
    body.set("csrf", csrf);
    return fetch(url, {method: "POST", body: body, credentials: "same-origin", headers: {"X-CSRF-Token": csrf}});
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function chat() {
    var list = document.getElementById("bubbles");
    var notice = document.getElementById("notice");
    var results = document.getElementById("inline-results");

    function render(b) {
      var d = el("div", b.bot ? "bubble bot" : "bubble me");
      d.id = "m-" + b.id;
      d.dataset.id = b.id;
      var t = el("div", "text", b.text);
      t.dir = "auto";
      d.appendChild(t);
      b.buttons.forEach(function (row, r) {
        var rowEl = el("div", "buttons");
        row.forEach(function (label, c) {
          var btn = el("button", "press", label);
          btn.type = "button";
          btn.addEventListener("click", function () {
            post("/console/chat/press", {message: b.id, row: r, column: c});
          });
          rowEl.appendChild(btn);
        });
        d.appendChild(rowEl);
      });
      var old = document.getElementById(d.id);
      if (old) old.replaceWith(d); else list.appendChild(d);
    }

    function showInline(inl) {
      results.replaceChildren();
      if (!inl.answered) { results.appendChild(el("li", "muted", results.dataset.waiting)); return; }
      if (inl.results.length === 0) { results.appendChild(el("li", "muted", results.dataset.none)); return; }
      inl.results.forEach(function (r) {
        // Direction per piece, not on the <li>: a right-to-left item in a left-to-right list puts its number
        // outside the page's right edge (the 375 px overflow check caught it).
        var li = el("li", "result");
        var title = el("strong", null, r.title);
        title.dir = "auto";
        li.appendChild(title);
        if (r.description) { var d = el("div", "muted", r.description); d.dir = "auto"; li.appendChild(d); }
        var t = el("div", "text", r.text);
        t.dir = "auto";
        li.appendChild(t);
        results.appendChild(li);
      });
    }

    var es = new EventSource("/console/chat/events");
    es.onmessage = function (m) {
      var data = JSON.parse(m.data);
      if (data.lang !== document.documentElement.lang) { es.close(); location.reload(); return; }
      data.bubbles.forEach(render);
      if (data.inline) showInline(data.inline);
      if (data.notice) { notice.textContent = data.notice; notice.hidden = false; }
      list.scrollTop = list.scrollHeight;
      document.body.dataset.version = m.lastEventId;
    };

    document.getElementById("send").addEventListener("submit", function (e) {
      e.preventDefault();
      var input = document.getElementById("text");
      if (!input.value.trim()) return;
      post("/console/chat/send", {text: input.value});
      input.value = "";
    });
    document.getElementById("inline").addEventListener("submit", function (e) {
      e.preventDefault();
      post("/console/chat/inline", {query: document.getElementById("query").value});
    });
  }

  function fileToTextarea() {
    var file = document.getElementById("file");
    if (!file) return;
    file.addEventListener("change", function () {
      if (!file.files.length) return;
      file.files[0].text().then(function (t) { document.getElementById("article-text").value = t; });
    });
  }

  function broadcast() {
    var box = document.getElementById("progress");
    if (!box) return;
    var bar = document.getElementById("bar");
    var es = new EventSource("/console/broadcast/events?job=" + encodeURIComponent(box.dataset.job));
    es.onmessage = function (m) {
      var p = JSON.parse(m.data);
      bar.value = p.percent;
      bar.textContent = p.percent + "%";
      ["percentText", "sent", "failed", "left", "rate", "eta", "status"].forEach(function (k) {
        var e = document.getElementById("p-" + k);
        if (e) e.textContent = p[k];
      });
      var reasons = document.getElementById("p-reasons");
      reasons.replaceChildren();
      p.reasons.forEach(function (r) { reasons.appendChild(el("li", null, r)); });
      document.getElementById("p-reasons-title").hidden = p.reasons.length === 0;
      if (p.finished) { es.close(); var c = document.getElementById("cancel"); if (c) c.hidden = true; }
    };
  }

  function health() {
    var box = document.getElementById("health");
    if (!box) return;
    var es = new EventSource("/console/health/events");
    es.onmessage = function (m) {
      var h = JSON.parse(m.data);
      Object.keys(h.values).forEach(function (k) {
        var e = document.getElementById("h-" + k);
        if (e) e.textContent = h.values[k];
      });
      var rows = document.getElementById("h-transports");
      rows.replaceChildren();
      h.transports.forEach(function (t) {
        var tr = el("tr", "state-" + t.state);
        tr.appendChild(el("td", null, t.name));
        tr.appendChild(el("td", null, t.stateLabel));
        tr.appendChild(el("td", null, t.detail));
        rows.appendChild(tr);
      });
    };
  }

  var page = document.body.dataset.page;
  if (page === "chat") chat();
  if (page === "article") fileToTextarea();
  if (page === "broadcast") broadcast();
  if (page === "health") health();
})();
