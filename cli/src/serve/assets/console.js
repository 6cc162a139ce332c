// The console's only script (progressive enhancement: every page works without it).
// - buttons with data-confirm ask before submitting;
// - buttons with data-print print the page.
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-confirm], [data-print]') : null;
  if (!target) return;
  if (target.hasAttribute('data-print')) {
    window.print();
  } else if (!window.confirm(target.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});
