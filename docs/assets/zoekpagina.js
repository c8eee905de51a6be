// The search page (docs/zoeken.md): a query and filters, answered by Pagefind's own filters (the values each page
// carries, written by overrides/main.html from macros/outputs/search_filters.py), and filters alone by the site's
// file of them (zoeken/filters.json, from the same module). The page's address holds the query and the filters
// (zoeken/?zoek=dublin&jaar=2026), so a colleague can be sent it. assets/beleid.js starts it.
const SHOWN = 20;  // results shown at a time with their title and excerpt; the count says how many matched in all
const FIRST = 10;  // those of the first answer (the exact words), which is there to be quick
const WAIT = 250;  // ms after the last keystroke before searching
// As in assets/zoeken.js (Material's search box): Dutch words too common to search for.
const STOP_WORDS = new Set([
  "aan", "als", "bij", "dat", "de", "die", "dit", "door", "een", "en", "er", "het", "in", "is", "met", "naar", "niet",
  "of", "om", "op", "over", "te", "tot", "uit", "van", "voor",
]);
const NO_INDEX = "Zoeken is hier niet beschikbaar: de zoekindex ontbreekt (de voorvertoning van make serve maakt er"
  + " geen) of kan niet worden geladen.";
const collator = new Intl.Collator("nl", { numeric: true });

/** Set up the search page's `form`: its filter values, the query and filters from the address, and the results. */
export async function start(form) {
  const status = document.querySelector("[data-bp-zoekstatus]");
  const list = document.querySelector("[data-bp-zoekresultaten]");
  const more = document.querySelector("[data-bp-meer]");
  const params = new URLSearchParams(location.search);
  form.elements.zoek.value = params.get("zoek") || "";
  status.textContent = "De zoekindex wordt geladen…";
  // The filters' values and the pages that carry them come from the site's own small file, which also answers
  // filters without a query; Pagefind answers a query (and loads only the index chunks and filters it needs).
  const filterFile = new URL(form.dataset.filters, location.href);
  const choices = fetch(filterFile).then(response => {
    if (!response.ok) throw new Error(response.statusText);
    return response.json();
  });
  const index = loadPagefind(new URL(form.dataset.pagefind, location.href));  // loads beside the filters' answer
  index.catch(() => {});  // a missing index is told when a query needs it
  const filled = choices.then(data => fillFilters(form, data, params));
  let asked = 0;  // the newest search; an answer that a newer one overtook is dropped
  const update = async (given = null) => {
    const number = ++asked;
    const { term, filters } = given || chosen(form);
    if (!given) history.replaceState(history.state, "", address(form.elements.zoek.value.trim(), filters));
    const short = term !== "" && term.replace(/ /g, "").length < 2;  // one letter matches nearly every page
    if ((term === "" || short) && !Object.keys(filters).length) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = short ? "Typ verder: zoeken begint bij twee letters; woorden als ‘de’ en ‘het’ tellen"
        + " niet mee." : "Typ een zoekterm of kies een filter.";
      return;
    }
    const show = async (found, note = "") => {  // the first results of `found`, unless a newer search overtook it
      const pages = await found.load(0, note ? FIRST : SHOWN);
      if (number !== asked) return;
      list.replaceChildren(...pages.map(item));
      status.dataset.gezocht = term;  // what the results shown answer (the words searched for, "" for filters alone)
      status.textContent = note ? `Met precies deze woorden: ${counted(found.total, pages.length)} ${note}`
        : counted(found.total, pages.length);
      more.hidden = pages.length >= found.total;
      more.onclick = async () => {  // the next results, and the focus on the first of them
        const shown = list.children.length;
        const next = await found.load(shown, shown + SHOWN);
        if (number !== asked) return;
        list.append(...next.map(item));
        more.hidden = list.children.length >= found.total;
        status.textContent = counted(found.total, list.children.length);
        list.children[shown].querySelector("a").focus();
      };
    };
    try {
      if (term === "" || short) return await show(filtered(await choices, filterFile, filters));
      // The pages with the typed words themselves first: a word on nearly every page also begins thousands of longer
      // ones, which takes Pagefind half a second at 5,000 notes. The whole answer follows.
      const exact = await searched(await index, `"${term.replace(/"/g, "")}"`, filters);
      if (number !== asked) return;
      if (exact.total) await show(exact, "Woorden die zo beginnen worden nog gezocht…");
      await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve)));  // shown before Pagefind works on
      if (number !== asked) return;
      await show(await searched(await index, term, filters));
    } catch {
      if (number === asked) status.textContent = NO_INDEX;
    }
  };
  let timer;
  form.elements.zoek.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(update, WAIT); });
  form.addEventListener("change", event => { if (event.target.type === "checkbox") update(); });
  form.addEventListener("submit", event => { event.preventDefault(); clearTimeout(timer); update(); });
  form.addEventListener("reset", () => setTimeout(update));  // after the form has been emptied
  await Promise.all([update(fromAddress(form, params)), filled.catch(() => {})]);
}

/** Pagefind, with its entry file, metadata and WebAssembly (rejects where the site has no index). */
async function loadPagefind(url) {
  const pagefind = await import(url);
  await pagefind.options({ noWorker: true });  // the site leaves out Pagefind's own worker (macros/adapter/search.py)
  await pagefind.init();
  return pagefind;
}

/** Pagefind's answer to `term` with the filters: a page matches any checked value of a filter, and every filter.
    `total` pages, best first; `load(from, to)` their titles and excerpts. */
async function searched(pagefind, term, filters) {
  const anyOf = Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, { any: values }]));
  const found = await pagefind.search(term, { filters: anyOf });
  return { total: found.results.length,
    load: (from, to) => Promise.all(found.results.slice(from, to).map(result => result.data())) };
}

/** The answer to filters alone, from the site's file of them (macros/outputs/search_filters.py), matched as
    Pagefind matches them; the pages in its order (notes newest first), their titles from its page files. */
function filtered(data, filterFile, filters) {
  let numbers = null;
  for (const [name, values] of Object.entries(filters)) {
    const any = new Set(values.flatMap(value => pageNumbers(data.filters[name]?.[value] || [])));
    numbers = numbers ? numbers.filter(number => any.has(number)) : [...any].sort((a, b) => a - b);
  }
  const files = new Map();  // a file of pages, by its number, once fetched
  const page = async number => {
    const file = Math.floor(number / data.per_bestand);
    if (!files.has(file)) {
      files.set(file, fetch(new URL(`paginas-${file}.json`, filterFile)).then(response => response.json()));
    }
    const [url, title] = (await files.get(file))[number % data.per_bestand];
    return { url: new URL(`../${url}`, filterFile).href, meta: { title }, excerpt: "", sub_results: [] };
  };
  return { total: numbers.length, load: (from, to) => Promise.all(numbers.slice(from, to).map(page)) };
}

/** The page numbers of a filter value: the file holds each as its difference from the previous one. */
function pageNumbers(differences) {
  let number = 0;
  return differences.map(difference => (number += difference));
}

/** The term and filters of the page's address (of the filters the form names). */
function fromAddress(form, params) {
  const filters = {};
  for (const fieldset of form.querySelectorAll("fieldset[data-filter]")) {
    const values = params.getAll(fieldset.dataset.filter);
    if (values.length) filters[fieldset.dataset.filter] = values;
  }
  return { term: searchTerm(params.get("zoek") || ""), filters };
}

/** A checkbox per value of each filter the form names, with its number of pages; those in `params` checked. */
function fillFilters(form, data, params) {
  for (const fieldset of form.querySelectorAll("fieldset[data-filter]")) {
    const name = fieldset.dataset.filter;
    const values = Object.keys(data.filters[name] || {}).sort(collator.compare);
    if (name === "jaar") values.reverse();  // newest first
    const items = values.map((value, position) => {
      const id = `bp-filter-${name}-${position}`;
      const box = Object.assign(document.createElement("input"), { type: "checkbox", id, name, value });
      box.checked = params.getAll(name).includes(value);
      const label = Object.assign(document.createElement("label"), { htmlFor: id });
      label.textContent = `${value} (${data.filters[name][value].length.toLocaleString("nl-NL")})`;
      const entry = document.createElement("li");
      entry.append(box, " ", label);
      return entry;
    });
    if (!items.length) items.push(Object.assign(document.createElement("li"), { textContent: "Geen waarden." }));
    fieldset.querySelector("ul").replaceChildren(...items);
  }
}

/** The form's search term (without stop words) and its checked values per filter. */
function chosen(form) {
  const filters = {};
  for (const box of form.querySelectorAll("input[type=checkbox]:checked")) (filters[box.name] ??= []).push(box.value);
  return { term: searchTerm(form.elements.zoek.value), filters };
}

/** What Pagefind looks for in a typed query: its words, without stop words. */
function searchTerm(typed) {
  return typed.toLowerCase().split(/[\s\-/()]+/).filter(word => word && !STOP_WORDS.has(word)).join(" ");
}

/** The page's address for the typed query and the filters: `?zoek=...&onderwerp=...&jaar=...`. */
function address(term, filters) {
  const params = new URLSearchParams();
  if (term) params.set("zoek", term);
  for (const [name, values] of Object.entries(filters)) for (const value of values) params.append(name, value);
  const query = params.toString();
  return location.pathname + (query ? `?${query}` : "");
}

function counted(total, shown) {
  if (total === 0) return "Geen resultaten.";
  const all = total === 1 ? "1 resultaat" : `${total.toLocaleString("nl-NL")} resultaten`;
  return shown < total ? `${all}; de eerste ${shown} staan hieronder.` : `${all}.`;
}

/** One result: a link to the page, with Pagefind's excerpt (HTML with the found words marked), and what replaced
    or withdrew each kernpunt found there that is no longer current. */
function item(page) {
  const entry = document.createElement("li");
  const link = Object.assign(document.createElement("a"), { href: page.url });
  link.textContent = page.meta.title;
  const heading = document.createElement("h2");
  heading.append(link);
  const excerpt = document.createElement("p");
  excerpt.innerHTML = page.excerpt;
  entry.append(heading, ...page.excerpt ? [excerpt] : [], ...superseded(page).map(text => Object.assign(document.createElement("p"),
    { className: "bp-stand", textContent: text })));
  return entry;
}

/** "Kernpunt 2: vervangen door ..." for each kernpunt found on the page that a later note replaced or withdrew:
    its notice is the page's Pagefind metadata `stand-<id>` (overrides/partials/beleid/onderdelen.html). */
function superseded(page) {
  return page.sub_results.filter(section => page.meta[`stand-${section.anchor?.id}`]).map(section => {
    const notice = page.meta[`stand-${section.anchor.id}`];
    return `${section.title.replace(/¶$/, "")}: ${notice[0].toLowerCase()}${notice.slice(1)}`;
  });
}
