// The language switcher keeps the section: heading ids are the same in both languages,
// so /chips/#japan-supply-chain switches to /en/chips/#japan-supply-chain.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.md-select__link[hreflang]");
  if (link && location.hash && !link.hash) {
    link.hash = location.hash;
  }
});
