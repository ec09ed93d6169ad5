/**
 * The serving bench's ceiling: express answering a constant on /invocations, in its own process.
 * Usage: bare-express.ts PORT. It parses the JSON body as champion does, then scores nothing.
 */
import express from 'express';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0)
  throw new Error(`bare-express: bad port ${process.argv[2]}`);
const app = express();
app.post('/invocations', express.json(), (_req, res) => {
  res.json({ predictions: [{ probability: 0.5, label: 0 }] });
});
app.get('/ping', (_req, res) => {
  res.send('ok');
});
app.listen(port, '127.0.0.1');
