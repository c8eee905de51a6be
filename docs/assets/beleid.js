// Material renders the tags of every search result as an unnamed <nav>: several indistinguishable
// landmarks (axe: landmark-unique). Name each after its result, so every landmark is unique.
new MutationObserver(() => {
  const used = new Set();
  for (const tags of document.querySelectorAll(".md-search-result nav.md-tags")) {
    const title = tags.parentElement.querySelector("h1, h2")?.textContent.trim() || "zoekresultaat";
    let label = `Onderwerpen bij ${title}`;
    for (let number = 2; used.has(label); number++) label = `Onderwerpen bij ${title} (${number})`;
    used.add(label);
    if (tags.getAttribute("aria-label") !== label) tags.setAttribute("aria-label", label);
  }
}).observe(document.body, { childList: true, subtree: true });

// Pagefind answers Material's search box (assets/zoeken.js) with the best pages only. Its answer tells more than
// Material's count says: how many pages matched in all, that these are the pages with the exact words while longer
// words are still being looked for, that a search needs two letters besides stop words, or that there is no search
// index (the preview, `make serve`, makes none).
const searchMessage = (result) => {
  if (result.short) return "Typ verder: zoeken begint bij twee letters; woorden als ‘de’ en ‘het’ tellen niet mee.";
  if (result.index === false) {
    return "Zoeken is hier niet beschikbaar: de zoekindex ontbreekt (de voorvertoning van make serve maakt er"
      + " geen) of kan niet worden geladen.";
  }
  if (result.exact) {  // the pages with the typed words themselves; those with longer words follow (assets/zoeken.js)
    return `De beste ${result.items.length} van ${result.total.toLocaleString("nl-NL")} documenten met precies deze`
      + " woorden; woorden die zo beginnen worden nog gezocht…";
  }
  if (result.items.length < result.total) {
    return `De beste ${result.items.length} van ${result.total.toLocaleString("nl-NL")} overeenkomende documenten`;
  }
  return null;
};
component$.subscribe((component) => {
  const message = "total" in component && searchMessage(component);
  if (message) component.ref.querySelector(".md-search-result__meta").textContent = message;
  if ("total" in component) allResults(component.ref);
});

// The site's root (Material's base URL, relative to the first page loaded), for the search page (docs/zoeken.md).
const SITE = new URL(JSON.parse(document.getElementById("__config").textContent).base, location.href);

/** Below the search box's results, a link to the search page with the query: all results, with filters. (After
    Material's result list, not in it: Enter opens the best of the links in it.) */
const allResults = (result) => {
  let link = result.parentElement.querySelector(".bp-alle-resultaten a");
  if (!link) {
    const paragraph = Object.assign(document.createElement("p"), { className: "bp-alle-resultaten" });
    link = Object.assign(document.createElement("a"), { textContent: "Alle resultaten op de zoekpagina" });
    paragraph.append(link);
    result.after(paragraph);
  }
  const query = document.querySelector("input.md-search__input").value.trim();
  link.href = `${new URL("zoeken/", SITE)}${query ? `?${new URLSearchParams({ zoek: query })}` : ""}`;
};

// The search page's form (overrides/partials/beleid/zoekpagina.html), on every page instant navigation shows.
document$.subscribe(() => {
  const form = document.querySelector("[data-bp-zoeken]");
  if (form) import(new URL(form.dataset.script, location.href).href).then(page => page.start(form));
});
