// Runs on every page. Module scripts run only in browsers GOV.UK Frontend supports, so
// marking the body here matches GOV.UK's own inline snippet without an inline script.
import { initAll } from '/vendor/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// A table wider than its box says so above it ("scroll sideways") and shades the edge that hides columns.
const CUE = document.body.dataset.scrollCue || '';
function markOverflow() {
  for (const box of document.querySelectorAll('.app-table-scroll')) {
    const overflowing = box.scrollWidth > box.clientWidth + 1;
    box.classList.toggle('app-table-scroll--overflow', overflowing);
    const cue = box.previousElementSibling;
    const hasCue = cue && cue.classList.contains('app-scroll-cue');
    if (overflowing && !hasCue && CUE) {
      const p = document.createElement('p');
      p.className = 'app-scroll-cue';
      p.textContent = CUE;
      box.before(p);
    } else if (!overflowing && hasCue) cue.remove();
  }
}
markOverflow();
window.addEventListener('resize', markOverflow);
