// Adds or removes a newsroom editor: `npm run newsroom:user -- add NAME` (the password on
// standard input, at least 12 characters), `npm run newsroom:user -- remove NAME` (their sessions end).
import { resolve } from 'node:path';
import { addAccount, readAccounts, removeAccount } from '../src/newsroom/accounts.ts';
import { readSettings } from '../src/newsroom/config.ts';

const [command, name] = process.argv.slice(2);
const settings = readSettings(resolve(import.meta.dirname, '..'));

async function password(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(`Password for ${name} (at least 12 characters; it is not shown): `);
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (process.stdin.isTTY && /[\r\n\u0003\u0004]/.test(text)) break;
  }
  if (process.stdin.isTTY) {
    process.stdin.setRawMode(false);
    process.stderr.write('\n');
  }
  return text.split(/\r?\n|\r|\u0004/)[0]!;
}

try {
  if (command === 'add' && name) {
    const done = await addAccount(settings.accounts, name, await password());
    console.log(done === 'added' ? `Added ${name}.` : `${name} has a new password; their sessions have ended.`);
  } else if (command === 'remove' && name) {
    console.log(
      removeAccount(settings.accounts, name) ? `Removed ${name}; their sessions have ended.` : `There is no editor called ${name}.`,
    );
  } else if (command === 'list') {
    for (const a of readAccounts(settings.accounts)) console.log(`${a.name}\t(added ${a.added})`);
  } else {
    console.error(
      'Usage: npm run newsroom:user -- add NAME   (the password on standard input)\n       npm run newsroom:user -- remove NAME\n       npm run newsroom:user -- list',
    );
    process.exit(2);
  }
} catch (e) {
  console.error(`Not done: ${(e as Error).message}. (${settings.accounts})`);
  process.exit(1);
}
