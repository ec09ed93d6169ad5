// The API key field of the form and the batch page: a key the server filled in (the browser
// signed in to the UI with it) wins; else the one typed earlier in this tab (sessionStorage,
// never a cookie or the URL).
const input = document.getElementById('api-key');
const KEY = 'champion.apiKey';

if (input !== null) {
  if (input.value === '') input.value = sessionStorage.getItem(KEY) ?? '';
  input.addEventListener('change', () => sessionStorage.setItem(KEY, input.value));
}

/** `headers` with the key added when there is one. */
export function withApiKey(headers) {
  if (input !== null && input.value !== '') headers['x-api-key'] = input.value;
  return headers;
}
