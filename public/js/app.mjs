// Runs on every page. Module scripts run only in browsers GOV.UK Frontend supports, so
// marking the body here matches GOV.UK's own inline snippet without an inline script.
import { initAll } from '/vendor/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
