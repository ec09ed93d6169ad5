// The prediction form's round trip (no build step, no framework): the record goes to
// /predict?explain=true exactly as a client would send it; the answer is rendered by the server
// (POST /ui/result) so the page shows what /predict returned. The API key: ./api-key.js.
import { withApiKey } from './api-key.js';

const form = document.getElementById('predict-form');
const result = document.getElementById('result');

function record() {
  const out = {};
  for (const el of form.querySelectorAll('[data-feature]')) {
    const text = el.value.trim();
    if (text === '') out[el.name] = null;
    else out[el.name] = el.dataset.feature === 'numeric' ? Number(text) : el.value;
  }
  return out;
}

async function answerOf(body) {
  const headers = withApiKey({ 'content-type': 'application/json', accept: 'application/json' });
  const res = await fetch('/predict?explain=true', { method: 'POST', headers, body });
  let answer = null;
  try {
    answer = await res.json();
  } catch {
    answer = null;
  }
  return { status: res.status, answer };
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = form.querySelector('button[type="submit"]');
  button.setAttribute('aria-busy', 'true');
  try {
    const values = record();
    const { status, answer } = await answerOf(JSON.stringify(values));
    const view = await fetch('/ui/result', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ record: values, status, answer }),
    });
    result.innerHTML = await view.text();
  } catch (error) {
    result.textContent = `Could not reach the server: ${error.message}`;
  } finally {
    button.removeAttribute('aria-busy');
    result.focus();
  }
});
