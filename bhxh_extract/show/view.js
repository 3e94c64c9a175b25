(function () {
  "use strict";
  var tips = JSON.parse(document.getElementById("bhxh-data").textContent);
  var tip = document.getElementById("tip");
  var pinned = null;

  function cell(tag, text, cls) {
    var el = document.createElement(tag);
    el.textContent = text;
    if (cls) el.className = cls;
    return el;
  }
  function shown(value) {
    return value === null || value === undefined ? "null" : (typeof value === "string" ? value : JSON.stringify(value));
  }
  function fill(id) {
    var data = tips[id];
    if (!data) return false;
    tip.replaceChildren();
    if (data.status) tip.appendChild(cell("div", data.status, "status " + data.status));
    tip.appendChild(cell("div", data.head, "head"));
    var table = document.createElement("table");
    (data.rows || []).forEach(function (row) {
      var tr = document.createElement("tr");
      tr.appendChild(cell("th", row[0]));
      tr.appendChild(cell("td", shown(row[1])));
      table.appendChild(tr);
    });
    tip.appendChild(table);
    (data.notes || []).forEach(function (note) { tip.appendChild(cell("div", note, "note")); });
    if (data.rule) tip.appendChild(cell("div", "rule: " + data.rule, "rule"));
    return true;
  }
  function place(el) {
    var box = el.getBoundingClientRect();
    tip.hidden = false;
    var left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(4, left) + "px";
    tip.style.top = (window.scrollY + box.bottom + 6) + "px";
  }
  function show(el) {
    if (fill(el.getAttribute("data-ref"))) place(el);
  }
  function hide() { if (!pinned) tip.hidden = true; }

  document.addEventListener("mouseover", function (event) {
    var el = event.target.closest && event.target.closest("mark[data-ref]");
    if (el && el.closest(".text")) { show(el); } else { hide(); }
  });

  function marks(id) { return document.querySelectorAll('mark[data-ref="' + id + '"]'); }
  function go(id, scroll) {
    var first = document.getElementById(id);
    if (!first) return;
    if (scroll) first.scrollIntoView({block: "center"});
    marks(id).forEach(function (el) {
      el.classList.add("flash");
      setTimeout(function () { el.classList.remove("flash"); }, 1600);
    });
    pinned = id;
    show(first);
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-target]");
    if (link) { event.preventDefault(); history.replaceState(null, "", "#" + link.getAttribute("data-target")); go(link.getAttribute("data-target"), true); return; }
    pinned = null; hide();
  });

  document.querySelectorAll("tr[data-links]").forEach(function (row) {
    var ids = row.getAttribute("data-links").split(" ");
    function light(on) { ids.forEach(function (id) { marks(id).forEach(function (el) { el.classList.toggle("linked", on); }); }); }
    row.addEventListener("mouseenter", function () { light(true); });
    row.addEventListener("mouseleave", function () { light(false); });
  });

  document.querySelectorAll("button[data-toggle]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      event.stopPropagation();
      var off = document.body.classList.toggle("off-" + button.getAttribute("data-toggle"));
      button.setAttribute("aria-pressed", off ? "false" : "true");
    });
  });

  // The browser itself scrolls to the anchor of the address; we pin its tooltip.
  if (location.hash.length > 1) go(decodeURIComponent(location.hash.slice(1)), false);
  window.bhxhShow = go;
  document.body.setAttribute("data-ready", Object.keys(tips).length);
})();
