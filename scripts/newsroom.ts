// The newsroom editing service: `npm run newsroom`. The editing screen and the preview of both
// editions (Astro's development server, on a loopback port of its own) behind a login.
// Settings: HOST, PORT, NEWSROOM_ACCOUNTS, NEWSROOM_SECRET_FILE, NEWSROOM_SESSION_HOURS,
// NEWSROOM_ORIGIN, or newsroom.config.json (README, "The newsroom service").
import { resolve } from 'node:path';
import { isRepository } from '../src/editor/history.ts';
import { readAccounts } from '../src/newsroom/accounts.ts';
import { isLoopback, readSettings, sessionSecret } from '../src/newsroom/config.ts';
import { startDevServer } from '../src/newsroom/dev.ts';
import { createNewsroom } from '../src/newsroom/server.ts';

const project = resolve(import.meta.dirname, '..');
let settings;
try {
  settings = readSettings(project);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
const accounts = readAccounts(settings.accounts);
if (!isLoopback(settings.host) && accounts.length === 0) {
  console.error(
    `Not started: HOST=${settings.host} would let other machines reach the newsroom, and no editor has an account yet.\n` +
      `Add one first (npm run newsroom:user -- add NAME, the password on standard input), or listen on this machine only (HOST=127.0.0.1).`,
  );
  process.exit(2);
}
if (accounts.length === 0)
  console.warn('No editor has an account yet, so nobody can log in: npm run newsroom:user -- add NAME (the password on standard input).');

// Every save is a commit in the story's own git repository.
const storyRoot = resolve(process.env['STORY_ROOT'] ?? project);
if (!isRepository(storyRoot)) {
  console.error(
    `Not started: ${storyRoot} is not the top of a git repository, and every save the newsroom makes is a commit.\n` +
      `Run the service in the project's own clone (git clone …), or make the story's folder a repository (git init, git add -A, git commit).`,
  );
  process.exit(2);
}
const dev = await startDevServer(project);
const app = await createNewsroom({
  settings,
  storyRoot,
  project,
  upstream: dev.url,
  token: dev.token,
  secret: sessionSecret(settings.secretFile),
});
const address = await app.listen({ host: settings.host, port: settings.port });
console.log(
  `The newsroom is open at ${settings.origin ?? address}/login (${accounts.length} editor account${accounts.length === 1 ? '' : 's'}).`,
);

const stop = async () => {
  await app.close();
  await dev.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
