// Sorting and filtering of the team table. Rows are server-rendered; this only reorders
// and hides them, reading their data-* attributes.
(() => {
  "use strict";

  const table = document.querySelector("[data-team-table]");
  if (!table) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.querySelectorAll("[data-goal-row]"));
  const tools = document.querySelector("[data-table-tools]");
  const count = document.querySelector("[data-row-count]");
  const filters = Array.from(document.querySelectorAll("[data-filter]"));

  const keys = {
    row: (row) => Number(row.dataset.row),
    owner: (row) => row.dataset.owner.toLocaleLowerCase(),
    // Unscored rows sort last in either direction.
    score: (row) => (row.dataset.score === "" ? null : Number(row.dataset.score)),
    missing: (row) => (row.dataset.missing ? row.dataset.missing.split(" ").length : 0),
  };

  function compare(a, b) {
    if (a === b) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    return a < b ? -1 : 1;
  }

  function sortBy(button) {
    const header = button.closest("th");
    const ascending = header.getAttribute("aria-sort") !== "ascending";
    for (const th of table.tHead.querySelectorAll("th")) th.removeAttribute("aria-sort");
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const key = keys[button.dataset.sort];
    const sign = ascending ? 1 : -1;
    const sorted = [...rows].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka === null || kb === null) return compare(ka, kb);
      return sign * compare(ka, kb) || keys.row(a) - keys.row(b);
    });
    body.append(...sorted);
  }

  function applyFilters() {
    const missing = document.querySelector('[data-filter="missing"]').value;
    const owner = document.querySelector('[data-filter="owner"]').value;
    let shown = 0;
    for (const row of rows) {
      const gaps = row.dataset.missing ? row.dataset.missing.split(" ") : [];
      const visible = (!missing || gaps.includes(missing))
        && (owner === "*" || row.dataset.owner === owner);
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    count.textContent = shown === rows.length
      ? `${rows.length} goals`
      : `Showing ${shown} of ${rows.length} goals`;
  }

  table.tHead.addEventListener("click", (event) => {
    const button = event.target.closest("[data-sort]");
    if (button) sortBy(button);
  });
  for (const select of filters) select.addEventListener("change", applyFilters);
  tools.hidden = false;
})();
