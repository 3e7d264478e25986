/**
 * The page's only script, and an optional one: the report reads fully without it. It adds
 * "expand / collapse all findings" and opens the findings a link points into.
 */
export const PAGE_SCRIPT = `
(() => {
  for (const button of document.querySelectorAll('button[data-findings]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const open = button.dataset.findings === 'open';
      for (const d of document.querySelectorAll('details.finding')) d.open = open;
    });
  }
  const reveal = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    for (let e = id ? document.getElementById(id) : null; e; e = e.parentElement) {
      if (e.tagName === 'DETAILS') e.open = true;
    }
  };
  addEventListener('hashchange', reveal);
  reveal();
})();
`;
