// The batch page: the chosen CSV goes to /predict/batch as it is (text/csv) and the scored CSV
// comes back as a download; nothing is parsed here. The API key: ./api-key.js.
import { withApiKey } from './api-key.js';

const form = document.getElementById('batch-form');
const status = document.getElementById('batch-status');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = document.getElementById('batch-file').files[0];
  if (file === undefined) {
    status.textContent = 'Choose a CSV file first.';
    return;
  }
  const headers = withApiKey({ 'content-type': 'text/csv', accept: 'text/csv' });
  status.textContent = `Scoring ${file.name}…`;
  try {
    const res = await fetch('/predict/batch', { method: 'POST', headers, body: file });
    if (res.status !== 200) {
      const body = await res.json().catch(() => null);
      status.textContent = `The server answered ${res.status}: ${body?.error?.message ?? res.statusText}`;
      return;
    }
    const blob = await res.blob();
    const link = document.getElementById('batch-download');
    link.href = URL.createObjectURL(blob);
    link.download = file.name.replace(/\.csv$/i, '') + '.scored.csv';
    link.hidden = false;
    const rows = (await blob.text()).split('\n').filter((l) => l !== '').length - 1;
    status.textContent = `Scored ${rows} rows: download the scored CSV below.`;
    link.focus();
  } catch (error) {
    status.textContent = `Could not reach the server: ${error.message}`;
  }
});
