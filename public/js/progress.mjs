// The progress page polls the run's status and shows the results when it has finished; without
// JavaScript, the "Check again" link does the same by hand.
const status = document.getElementById('run-progress');
if (status) {
  const statusUrl = status.dataset.statusUrl;
  const pageUrl = status.dataset.pageUrl;
  const started = Date.now();
  const poll = async () => {
    try {
      const response = await fetch(statusUrl, { headers: { Accept: 'application/json' }, cache: 'no-store' });
      const body = await response.json();
      if (body.state === 'done' || body.state === 'failed') {
        status.textContent = status.dataset.done;
        window.location.replace(pageUrl);
        return;
      }
      const seconds = Math.round((Date.now() - started) / 1000);
      status.textContent = status.dataset.elapsed.replace('{seconds}', String(seconds));
    } catch {
      // A missed poll is tried again.
    }
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 500);
}
