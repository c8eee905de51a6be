// Material's search worker, answered by Pagefind. Material keeps its search box, result list, keyboard handling
// and highlighting, and posts its messages here (the `search` URL in overrides/main.html). Pagefind, in
// ../pagefind/ (written by macros/adapter/search.py), loads only the index chunks and page fragments a query needs.
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;  // Material's SearchMessageType
const LOADED = 20;  // results whose texts are loaded: Material shows ten, then more while scrolling
const FIRST = 10;  // those of the first answer (the exact words), which is there to be quick: the ten shown
// Dutch words too common to search for (Material's own search left them out too): "de" is on every page, which takes
// Pagefind a second at 5,000 notes, and it wants every word of a query.
const STOP_WORDS = new Set([
  "aan", "als", "bij", "dat", "de", "die", "dit", "door", "een", "en", "er", "het", "in", "is", "met", "naar", "niet",
  "of", "om", "op", "over", "te", "tot", "uit", "van", "voor",
]);

let pagefind;  // a promise of Pagefind, started when Material sets up its search
let pending = null;  // the newest query not yet answered
let busy = false;  // whether a query is being answered

addEventListener("message", ({ data: message }) => {
  if (message.type === SETUP) {  // Material's own index is empty: load Pagefind instead
    pagefind = load();
    pagefind.catch(() => {});  // a missing index is told when someone searches (answer)
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    pending = message.data;
    if (!busy) work();
  }
});

/** Answer the newest query, one at a time: queries typed meanwhile replace each other, and an answer that a newer
    query overtook is dropped, so someone typing waits for one search at most. The pages holding the typed words
    exactly come first (a word on nearly every page also begins thousands of longer ones, which takes Pagefind half a
    second at 5,000 notes); the whole answer, with the longer words, follows. */
async function work() {
  busy = true;
  while (pending !== null) {
    const query = pending;
    pending = null;
    const stale = () => pending !== null;
    const exact = await answer(query, stale, true);
    if (exact?.items.length) postMessage({ type: RESULT, data: exact });
    if (stale()) continue;
    const result = await answer(query, stale, false);
    if (result) postMessage({ type: RESULT, data: result });
  }
  busy = false;
}

/** Pagefind, loading its entry file, metadata and WebAssembly (rejects where the site has no index). */
async function load() {
  const module = await import(new URL("../pagefind/pagefind.js", location.href));
  await module.init();
  return module;
}

/** Material's result for `query`: per page its documents, best first; `total` pages matched; null once `stale()`.
    `exact`: only pages with the typed words themselves (a phrase for Pagefind; `exact` in the result says so). */
async function answer(query, stale, exact) {
  const typed = query.toLowerCase().split(/[\s\-/()]+/).filter(Boolean);
  if (!typed.length) return { items: [] };
  const words = typed.filter(word => !STOP_WORDS.has(word));
  if (words.join("").length < 2) return { items: [], total: 0, short: true };  // one letter matches nearly all
  let found, pages;
  try {
    const term = words.join(" ");
    found = await (await pagefind).search(exact ? `"${term.replace(/"/g, "")}"` : term);
    await new Promise(resolve => setTimeout(resolve));  // let queries typed during the search arrive
    if (stale()) return null;
    pages = await Promise.all(found.results.slice(0, exact ? FIRST : LOADED).map(result => result.data()));
  } catch {
    return { items: [], total: 0, index: false };  // no index (the preview), or it cannot be loaded
  }
  if (stale()) return null;
  const terms = Object.fromEntries(words.map(word => [word, true]));  // all found (Pagefind wants every word)
  return { items: pages.map(page => documents(page, terms)), total: found.results.length, ...exact && { exact } };
}

/** Material's search documents of one page: the article (its title and introduction) and its sections, by score.
    A kernpunt that a later note replaced or withdrew says so before its excerpt (its `stand-<id>` metadata). */
function documents(page, terms) {
  const article = {
    location: page.url, title: escape(page.meta.title), text: "", score: 0, terms,
    ...page.meta.onderwerpen && { tags: JSON.parse(page.meta.onderwerpen) },
  };
  const sections = [];
  for (const section of page.sub_results) {
    const score = section.weighted_locations.reduce((sum, word) => sum + word.balanced_score, 0);
    const notice = page.meta[`stand-${section.anchor?.id}`];
    const text = `${notice ? `<p class="bp-stand">${escape(notice)}</p>` : ""}<p>${section.excerpt}</p>`;
    if (!section.anchor || section.anchor.element === "h1") {  // the hidden title, or the heading and introduction
      article.score += score;
      if (section.anchor) article.text = text;
    } else {
      sections.push({ location: section.url, title: escape(section.title), text, score, terms });
    }
  }
  return [article, ...sections].sort((a, b) => b.score - a.score);
}

/** Text as HTML: Material renders titles and texts as HTML (Pagefind's excerpts already are). */
function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
