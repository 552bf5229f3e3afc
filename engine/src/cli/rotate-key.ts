import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { addKeyToFile, loadKeyRing, retireKeysInFile } from '../privacy/key-ring';
import { KeyRotationService } from '../privacy/key-rotation.service';
import { PersonalDataCipher } from '../privacy/personal-data-cipher';
import { commandArgs, runCli, withEngineContext } from './engine-context';

const USAGE = `estateflow rotate-key [--retire]

Moves every encrypted phone, ID number and secret to a new data key.
  Key file (<dataDir>/keys/data.key): adds a new key and re-encrypts; if an earlier run was
    interrupted, it finishes that run instead of adding another key.
  ESTATEFLOW_DATA_KEY: set the new key there and the old one in ESTATEFLOW_PREVIOUS_DATA_KEYS
    (on every engine, restarted), then run this to re-encrypt.
  --retire  afterwards, remove keys that no ciphertext uses any more from the key file.
Running engines keep working throughout; safe to interrupt and run again.`;

/** Engines re-read the key file every 5 s; give them time to learn the new key before data moves to it. */
const KEY_PICKUP_MS = 6_000;

runCli(async () => {
  const args = commandArgs(['rotate-key']);
  if (args.includes('--help') || args.some((arg) => arg !== '--retire')) {
    process.stdout.write(USAGE + '\n');
    if (!args.includes('--help')) throw new Error(`unknown argument: ${args.filter((arg) => arg !== '--retire').join(' ')}`);
    return;
  }
  await withEngineContext(async ({ app, config }) => {
    const rotation = app.get(KeyRotationService);
    const load = () => loadKeyRing({ dataKey: config.dataKey, previousDataKeys: config.previousDataKeys, dataDir: config.dataDir });
    let ring = load();
    const usage = await rotation.keyUsage();
    const pending = [...usage].filter(([id]) => id !== ring.currentId).reduce((sum, [, count]) => sum + count, 0);
    if (ring.source === 'file') {
      if (pending === 0) {
        const id = addKeyToFile(config.dataDir);
        process.stdout.write(`New data key ${id} added to the key file; older keys stay for reading.\n`);
        await sleep(KEY_PICKUP_MS);
        ring = load();
      } else {
        process.stdout.write(`Finishing an earlier rotation: ${pending} values are not yet under key ${ring.currentId}.\n`);
      }
    }
    const unknown = [...usage.keys()].filter((id) => !ring.keys.has(id));
    if (unknown.length > 0)
      throw new Error(
        `Some data is encrypted with keys this configuration lacks (${unknown.join(', ')}). Add them to ESTATEFLOW_PREVIOUS_DATA_KEYS or the key file first.`,
      );

    const rewritten = await rotation.reencrypt({
      cipher: new PersonalDataCipher(ring),
      onProgress: (done) => process.stdout.write(`  ${done} re-encrypted\r`),
    });
    process.stdout.write(`Re-encrypted ${rewritten} values under key ${ring.currentId}.\n`);

    const after = await rotation.keyUsage();
    const stillOld = [...after].filter(([id]) => id !== ring.currentId);
    if (stillOld.length > 0) {
      process.stdout.write(`Some values changed while rotating and are still under older keys; run rotate-key again to finish.\n`);
      return;
    }
    if (args.includes('--retire')) {
      if (ring.source === 'file') {
        const retired = retireKeysInFile({ dataDir: config.dataDir, keep: new Set(after.keys()) });
        process.stdout.write(retired.length > 0 ? `Retired keys: ${retired.join(', ')}.\n` : 'No key to retire.\n');
      } else {
        process.stdout.write('All data is under ESTATEFLOW_DATA_KEY: ESTATEFLOW_PREVIOUS_DATA_KEYS can now be removed.\n');
      }
    }
  });
});
