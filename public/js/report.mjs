// The cabinet report's print button (shown only when JavaScript can print).
const button = document.getElementById('print-button');
if (button) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
