import type { ServedModel } from '@champion/serving';
import { readyText } from './serve.js';

const model = { name: 'credit-default', version: '3', alias: 'champion' } as ServedModel;
const base = { model, url: 'http://127.0.0.1:8080', mlflowUri: 'http://127.0.0.1:5000' };

describe('what champion serve and champion demo print when ready', () => {
  it('names the web UI URL when the UI is served', () => {
    expect(readyText({ ...base, webUi: true })).toContain('web UI:    http://127.0.0.1:8080/ui/');
  });

  it('leaves it out under CHAMPION_UI=off', () => {
    expect(readyText({ ...base, webUi: false })).not.toContain('/ui/');
  });
});
