// veille's pages work without this script; it adds the details card on an article's highlights,
// the legend's switches, and the links between a list and what it points at (text marks, map markers).
"use strict";

(function () {
  const LABELS = { quote: "Quote", event: "Event", time: "Time", ent: "Entity" };

  function text(tag, content, className) {
    const node = document.createElement(tag);
    node.textContent = content;
    if (className) node.className = className;
    return node;
  }

  function layerOf(mark) {
    const found = Array.from(mark.classList).find((c) => c.startsWith("hl-") && LABELS[c.slice(3)]);
    return found ? found.slice(3) : null;
  }

  // Pieces of one span share data-ref within their layer: light them all together.
  function pieces(layer, ref) {
    return document.querySelectorAll(`#body mark.hl-${layer}[data-ref="${CSS.escape(ref)}"]`);
  }

  function light(layer, ref, on) {
    pieces(layer, ref).forEach((m) => m.classList.toggle("lit", on));
  }

  function row(list, name, value) {
    if (value === undefined || value === null || value === "") return;
    list.append(text("dt", name), text("dd", value));
  }

  function link(href, label, className) {
    const a = text("a", label, className);
    a.href = href;
    return a;
  }

  // One part of the card per span enclosing the click, innermost first.
  function part(mark) {
    const layer = layerOf(mark);
    const d = mark.dataset;
    const box = document.createElement("div");
    box.className = "part part-" + layer;
    const head = document.createElement("div");
    head.className = "part-head";
    const badge = text("span", LABELS[layer], "badge");
    head.append(badge);
    const list = document.createElement("dl");
    if (layer === "quote") {
      badge.classList.add("t-" + (d.kind || "quote"));
      badge.textContent = (d.kind || "") + " quote";
      const who = d.actor ? link(d.actor, d.speaker, "speaker-link") : text("b", d.speaker || "unattributed");
      head.append(who);
      if (d.uncertain) {
        // a speaker found with little confidence: muted, labelled, and why in the tooltip
        who.classList.add("uncertain");
        who.title = d.uncertain;
        const label = text("span", "uncertain", "label-uncertain");
        label.title = d.uncertain;
        head.append(" ", label);
      }
      row(list, "cue", d.cue);
      row(list, "channel", d.channel);
      row(list, "said on", d.date);
      row(list, "attribution", d.uncertain);
    } else if (layer === "event") {
      badge.classList.add("t-" + (d.type || "").toLowerCase());
      badge.textContent = d.type || "event";
      row(list, "mode", d.mode);
      row(list, "who", d.who);
      row(list, "to whom", d.whom);
      row(list, "where", d.where);
      row(list, "date", d.date);
      row(list, "killed", d.killed);
      row(list, "injured", d.injured);
    } else if (layer === "time") {
      head.append(text("b", mark.textContent));
      row(list, "resolved", d.value);
      row(list, "type", d.type);
    } else {
      badge.classList.add("t-" + (d.type || "").toLowerCase());
      badge.textContent = d.type || "entity";
      head.append(d.actor ? link(d.actor, d.name, "entity-link") : text("b", d.name));
      row(list, "named here by", d.mention ? "a " + d.mention + ": " + mark.textContent : null);
      row(list, "role", d.role);
    }
    box.append(head);
    if (list.childElementCount) box.append(list);
    if ((layer === "quote" || layer === "ent") && d.actor) {
      const go = link(d.actor, layer === "quote" ? "Speaker's page →" : "Actor page →", "go");
      box.append(go);
    }
    return box;
  }

  function articlePage() {
    const body = document.getElementById("body");
    const card = document.getElementById("card");
    if (!body || !card) return;

    function closeCard() {
      card.hidden = true;
      document.querySelectorAll("#body mark.lit").forEach((m) => m.classList.remove("lit"));
    }

    body.addEventListener("click", (event) => {
      const target = event.target.closest("mark.hl");
      if (!target) return closeCard();
      closeCard();
      card.replaceChildren();
      const close = text("button", "×", "close");
      close.type = "button";
      close.setAttribute("aria-label", "Close");
      close.addEventListener("click", closeCard);
      card.append(close);
      for (let m = target; m && m !== body; m = m.parentElement.closest("mark.hl")) {
        if (!body.contains(m)) break;
        card.append(part(m));
        light(layerOf(m), m.dataset.ref, true);
      }
      const rect = target.getBoundingClientRect();
      card.hidden = false;
      const left = Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 16);
      card.style.left = Math.max(8, left) + "px";
      card.style.top = rect.bottom + window.scrollY + 8 + "px";
    });
    document.addEventListener("keydown", (event) => { if (event.key === "Escape") closeCard(); });
    document.addEventListener("click", (event) => {
      if (!card.hidden && !card.contains(event.target) && !body.contains(event.target)) closeCard();
    });

    // The side list lights its span in the text while pointed at.
    document.querySelectorAll(".extracted [data-ref]").forEach((item) => {
      const layer = item.dataset.layer;
      item.addEventListener("mouseenter", () => light(layer, item.dataset.ref, true));
      item.addEventListener("mouseleave", () => light(layer, item.dataset.ref, false));
    });

    // The legend's switches turn a layer's highlighting off and on.
    document.querySelectorAll("#legend input[data-layer]").forEach((box) => {
      box.addEventListener("change", () => body.classList.toggle("off-" + box.dataset.layer, !box.checked));
    });
  }

  function mapPage() {
    const places = document.getElementById("places");
    if (!places) return;
    function choose(id) {
      document.querySelectorAll(".place.lit, .marker-link.lit").forEach((n) => n.classList.remove("lit"));
      const section = document.getElementById("place-" + id);
      const marker = document.querySelector(`.marker-link[data-place="${CSS.escape(id)}"]`);
      if (marker) marker.classList.add("lit");
      if (section) {
        section.classList.add("lit");
        places.scrollTo({ top: section.offsetTop - places.offsetTop, behavior: "smooth" });
      }
    }
    document.querySelectorAll(".marker-link").forEach((a) => {
      a.addEventListener("click", (event) => {
        event.preventDefault();
        history.replaceState(null, "", "#place-" + a.dataset.place);
        choose(a.dataset.place);
      });
    });
    document.querySelectorAll(".place").forEach((section) => {
      const marker = document.querySelector(`.marker-link[data-place="${CSS.escape(section.dataset.place)}"]`);
      if (!marker) return;
      section.addEventListener("mouseenter", () => marker.classList.add("lit"));
      section.addEventListener("mouseleave", () => { if (!section.classList.contains("lit")) marker.classList.remove("lit"); });
    });
    if (location.hash.startsWith("#place-")) choose(location.hash.slice(7));
  }

  document.addEventListener("DOMContentLoaded", () => {
    articlePage();
    mapPage();
  });
})();
