// "Try a change": while the next page is worked out, say so and stop a second submission.
const form = document.getElementById('try-form');
const progress = document.getElementById('try-progress');
const button = document.getElementById('try-submit');
if (form && progress && button) {
  form.addEventListener('submit', () => {
    progress.textContent = progress.dataset.message;
    button.setAttribute('aria-disabled', 'true');
    button.classList.add('govuk-button--disabled');
    form.addEventListener('submit', (event) => event.preventDefault());
  });
}
