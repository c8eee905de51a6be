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
