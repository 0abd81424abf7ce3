// Live feedback for the "Check a goal" page.
// Calls POST /api/v1/check (debounced) and rebuilds the feedback regions with the same
// markup as templates/_feedback.html. User text only ever reaches the DOM through
// text nodes (never innerHTML), so a goal containing HTML stays text.
(() => {
  "use strict";

  const DEBOUNCE_MS = 250;
  const COMPONENTS = ["metric", "target", "deadline", "relevance"];
  const PLACEHOLDER = /\[[^[\]\n]{1,40}\]/g;

  const form = document.getElementById("check-form");
  if (!form) return;
  const ui = JSON.parse(document.getElementById("ui-text").textContent);
  const textarea = form.elements.namedItem("text");
  const referenceDate = form.elements.namedItem("reference_date");
  const dateOrder = form.elements.namedItem("date_order");
  const regions = {};
  for (const node of document.querySelectorAll("[data-region]")) {
    regions[node.dataset.region] = node;
  }
  const statusLine = document.querySelector("[data-status]");
  const errorLine = document.querySelector("[data-error]");

  // ---- DOM building --------------------------------------------------------------

  /** Create an element; `attrs` values are set as attributes, children as text nodes. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined && value !== false) {
        node.setAttribute(name, value === true ? "" : String(value));
      }
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function empty(message) {
    return el("p", { class: "empty" }, message);
  }

  // ---- Highlights (same cut as web/highlight.py) ----------------------------------

  function componentSpans(analysis) {
    const located = [];
    for (const name of COMPONENTS) {
      const part = analysis.components[name];
      if (part.present && part.start !== null && part.end !== null) {
        located.push([part.start, part.end, name]);
      }
    }
    located.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const spans = [];
    let cursor = 0;
    for (const [rawStart, end, name] of located) {
      const start = Math.max(rawStart, cursor);
      if (start < end) {
        spans.push([start, end, name]);
        cursor = end;
      }
    }
    return spans;
  }

  function pieces(chars, start, end, vague) {
    const out = [];
    let cursor = start;
    const sorted = [...vague].sort((a, b) => a.start - b.start || a.end - b.end);
    for (const span of sorted) {
      const lo = Math.max(span.start, cursor);
      const hi = Math.min(span.end, end);
      if (lo >= hi) continue;
      if (cursor < lo) out.push(chars.slice(cursor, lo).join(""));
      out.push(
        el("mark", { class: "vague", "data-vague": span.category, title: span.message },
          chars.slice(lo, hi).join("")),
      );
      cursor = hi;
    }
    if (cursor < end) out.push(chars.slice(cursor, end).join(""));
    return out;
  }

  function highlighted(analysis) {
    // The API counts offsets in code points; JavaScript strings count UTF-16 units.
    const chars = Array.from(analysis.text);
    const paragraph = el("p", { class: "goal-text" });
    let cursor = 0;
    for (const [start, end, name] of componentSpans(analysis)) {
      if (cursor < start) paragraph.append(...pieces(chars, cursor, start, analysis.vague));
      paragraph.append(
        el("mark", {
          class: `hl hl--${name}`,
          "data-component": name,
          "data-label": ui.components[name].label,
        }, pieces(chars, start, end, analysis.vague)),
      );
      cursor = end;
    }
    if (cursor < chars.length) {
      paragraph.append(...pieces(chars, cursor, chars.length, analysis.vague));
    }
    return paragraph;
  }

  function vagueList(vague) {
    if (!vague.length) return null;
    return el("ul", { class: "vague-list" }, vague.map((span) =>
      el("li", null, el("q", { class: "vague" }, span.text), ` ${span.message}`)));
  }

  // ---- Score, checklist, findings, rewrites -----------------------------------------

  function scoreBand(score) {
    if (score === null || score === undefined) return { label: "Not scored", tone: "none" };
    return ui.score_bands.find((band) => score >= band.min) || { label: "Not scored", tone: "none" };
  }

  function scoreBlock(score) {
    const band = scoreBand(score);
    const scored = score !== null && score !== undefined;
    return el("div", {
      class: `score score--${band.tone}`,
      "data-score": scored ? score : null,
      style: scored ? `--score: ${score}` : null,
    },
    el("div", { class: "score__ring" },
      el("span", { class: "score__value" }, scored ? score : "–"),
      el("span", { class: "score__max" }, "/ 100")),
    el("p", { class: "score__band" }, band.label));
  }

  function formatNumber(amount) {
    return amount.toLocaleString("en-US", { maximumFractionDigits: 2 });
  }

  function formatDate(iso) {
    const [year, month, day] = iso.split("-").map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    const name = date.toLocaleString("en-US", { month: "short", timeZone: "UTC" });
    return `${name} ${day}, ${year}`;
  }

  function describeTarget(value) {
    if (!value) return null;
    let suffix = ui.unit_suffixes[value.unit] || "";
    let prefix = "";
    if (value.unit === "currency" && value.currency) {
      prefix = ui.currency_symbols[value.currency] || "";
      suffix = prefix ? "" : ` ${value.currency}`;
    }
    let amount = `${prefix}${formatNumber(value.amount)}${suffix}`;
    if (value.upper !== null && value.upper !== undefined) {
      amount += ` to ${prefix}${formatNumber(value.upper)}${suffix}`;
    }
    return value.direction ? `${value.direction}: ${amount}` : amount;
  }

  function describeDeadline(value) {
    if (!value) return null;
    if (!value.date) return value.reason || "could not be resolved to a date";
    let detail = `due ${formatDate(value.date)}`;
    if (value.alternative) detail += ` (or ${formatDate(value.alternative)} read the other way)`;
    if (value.in_past) detail += " — already in the past";
    return detail;
  }

  function checkItem(analysis, name) {
    const part = analysis.components[name];
    const words = ui.components[name];
    const detail = { target: describeTarget, deadline: describeDeadline }[name];
    const body = el("div", { class: "check__body" },
      el("p", { class: "check__head" },
        el("span", { class: `tag tag--${name}` }, words.label), " ",
        el("span", { class: "check__status" }, part.present ? "Found" : "Missing")));
    if (part.present) {
      body.append(el("p", { class: "check__found" }, `“${part.text}”`));
      const text = detail ? detail(part.value) : null;
      if (text) body.append(el("p", { class: "check__detail" }, text));
    } else {
      body.append(el("p", { class: "check__hint" },
        el("span", { class: "check__question" }, words.question), ` ${words.missing}`));
    }
    return el("li", {
      class: `check ${part.present ? "check--present" : "check--missing"}`,
      "data-check": name,
      "data-present": String(part.present),
    }, el("span", { class: "check__icon", "aria-hidden": "true" }, part.present ? "✓" : "!"), body);
  }

  function findingsBlock(findings) {
    if (!findings.length) return empty("No findings: nothing to fix.");
    return el("ul", { class: "findings" }, findings.map((finding) => {
      const item = el("li", {
        class: `finding finding--${finding.severity}`,
        "data-finding": finding.id,
      },
      el("p", { class: "finding__head" },
        el("span", { class: `severity severity--${finding.severity}` }, finding.severity),
        " ",
        el("code", { class: "finding__id" }, finding.id)),
      el("p", { class: "finding__message" }, finding.message));
      const suggestions = finding.suggestions.filter(Boolean);
      if (suggestions.length) {
        item.append(el("p", { class: "finding__suggestions" }, "Try: ",
          suggestions.map((s) => el("span", { class: "chip" }, rewriteText(s)))));
      }
      return item;
    }));
  }

  function rewriteText(text) {
    const out = [];
    let cursor = 0;
    for (const match of text.matchAll(PLACEHOLDER)) {
      if (cursor < match.index) out.push(text.slice(cursor, match.index));
      out.push(el("mark", { class: "placeholder", title: "Fill this in" }, match[0]));
      cursor = match.index + match[0].length;
    }
    if (cursor < text.length) out.push(text.slice(cursor));
    return out;
  }

  function rewritesBlock(rewrites) {
    if (!rewrites.length) return empty("No rewrite suggested.");
    return el("ol", { class: "rewrites" }, rewrites.map((rewrite) =>
      el("li", { class: "rewrite", "data-rewrite": rewrite.template },
        el("p", { class: "rewrite__text" }, rewriteText(rewrite.text)),
        el("div", { class: "rewrite__form" },
          el("button", {
            type: "button",
            class: "button button--secondary",
            "data-apply-rewrite": true,
            "data-text": rewrite.text,
          }, "Use this version"),
          rewrite.placeholders.length
            ? el("span", { class: "rewrite__todo" }, `Fill in: ${rewrite.placeholders.join(", ")}`)
            : null))));
  }

  function summary(analysis) {
    const band = scoreBand(analysis.score);
    const missing = COMPONENTS.filter((name) => !analysis.components[name].present)
      .map((name) => ui.components[name].label.toLowerCase());
    const score = analysis.score === null ? "Not scored" : `Score ${analysis.score} of 100`;
    const gaps = missing.length ? `Missing: ${missing.join(", ")}.` : "All four parts found.";
    return `${score}, ${band.label.toLowerCase()}. ${gaps}`;
  }

  // ---- Rendering the regions ------------------------------------------------------------

  function render(analysis) {
    regions.preview.replaceChildren(...[highlighted(analysis), vagueList(analysis.vague)]
      .filter(Boolean));
    regions.summary.replaceChildren(
      scoreBlock(analysis.score),
      el("ul", { class: "checklist" }, COMPONENTS.map((name) => checkItem(analysis, name))));
    regions.findings.replaceChildren(findingsBlock(analysis.findings));
    regions.rewrites.replaceChildren(rewritesBlock(analysis.rewrites));
    statusLine.textContent = summary(analysis);
    showError(null);
  }

  function renderEmpty() {
    for (const template of document.querySelectorAll("template[data-empty-for]")) {
      regions[template.dataset.emptyFor].replaceChildren(template.content.cloneNode(true));
    }
    statusLine.textContent = "";
    showError(null);
  }

  function showError(message) {
    errorLine.textContent = message || "";
    errorLine.hidden = !message;
  }

  function setBusy(busy) {
    for (const node of Object.values(regions)) node.setAttribute("aria-busy", String(busy));
  }

  // ---- Talking to the API ----------------------------------------------------------------

  let timer = 0;
  let controller = null;
  let sequence = 0;

  function errorMessage(body, status) {
    const error = body && (body.error || body.detail);
    if (error && typeof error.message === "string") return error.message;
    if (typeof error === "string") return error;
    return `The check failed (HTTP ${status}).`;
  }

  async function check() {
    window.clearTimeout(timer);
    if (controller) controller.abort();
    const text = textarea.value;
    if (!text.trim()) {
      setBusy(false);
      renderEmpty();
      return;
    }
    controller = new AbortController();
    const mine = ++sequence;
    setBusy(true);
    const payload = { text, date_order: dateOrder.value };
    if (referenceDate.value) payload.reference_date = referenceDate.value;
    try {
      const response = await fetch(form.dataset.api, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(payload),
        signal: controller.signal,
      });
      const body = await response.json().catch(() => null);
      if (mine !== sequence) return;
      if (response.ok) render(body);
      else showError(errorMessage(body, response.status));
    } catch (error) {
      if (error.name !== "AbortError" && mine === sequence) {
        showError("Goalsmith could not be reached. Check your connection and try again.");
      }
    } finally {
      if (mine === sequence) setBusy(false);
    }
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, DEBOUNCE_MS);
  }

  /** Put a rewrite into the editor and select its first placeholder for typing over. */
  function applyRewrite(text) {
    textarea.value = text;
    textarea.focus();
    const first = new RegExp(PLACEHOLDER.source).exec(text);
    if (first) textarea.setSelectionRange(first.index, first.index + first[0].length);
    check();
  }

  textarea.addEventListener("input", schedule);
  referenceDate.addEventListener("change", check);
  dateOrder.addEventListener("change", check);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    check();
  });
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-apply-rewrite]");
    if (!button) return;
    event.preventDefault();
    applyRewrite(button.dataset.text);
  });
  // A goal already in the editor (restored by the browser) gets feedback straight away.
  if (textarea.value.trim() && !regions.summary.querySelector("[data-score]")) check();
})();
