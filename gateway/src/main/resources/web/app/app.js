// The web app's only script, bundled at build time with htmx and ECharts (no CDN, nothing fetched from elsewhere).
import htmx from 'htmx.org';
import { renderChart, renderWorldMap } from './world-map.js';

function render(root) {
  root.querySelectorAll('.chart').forEach((element) => renderChart(element));
  root.querySelectorAll('#world-map').forEach((element) => renderWorldMap(element));
}

document.addEventListener('DOMContentLoaded', () => render(document));
document.addEventListener('htmx:afterSettle', (event) => render(event.detail.elt));

// A partial request after the session ended: Quarkus answers 499 (not a redirect an XHR cannot follow to the login
// page); reloading the page makes the full login round trip, which comes back to this page.
document.addEventListener('htmx:responseError', (event) => {
  if (event.detail.xhr.status === 499 || event.detail.xhr.status === 401) {
    window.location.reload();
  }
});

// Disable a form's submit button while it is sent, so a double click sends one request (the Idempotency-Key in
// the form makes a resend harmless anyway).
document.addEventListener('submit', (event) => {
  const button = event.target.querySelector('button[type=submit]');
  if (button && event.target.method.toLowerCase() === 'post') {
    setTimeout(() => { button.disabled = true; }, 0);
  }
});

window.htmx = htmx;
