/// <reference lib="webworker" />
// Lints off the main thread: a big workflow takes hundreds of milliseconds to lint.
import { isRecord } from '../util/isRecord';
import { collectFindings } from './collectFindings';

self.onmessage = (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isRecord(message) || typeof message.id !== 'number') return;
  const findings = collectFindings(message.definition, message.locale === 'en' ? 'en' : 'zh-CN');
  self.postMessage({ id: message.id, findings });
};
