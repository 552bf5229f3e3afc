import { api } from '../api/client';

/** The development sender's latest code for a phone, or null when the engine offers none. */
export async function fetchDemoCode(phone: string): Promise<string | null> {
  try {
    const answer = await api.get<unknown>('/dev/latest-code', { phone });
    if (typeof answer === 'string' && /^\d{4,8}$/.test(answer)) return answer;
    if (typeof answer === 'object' && answer !== null) {
      const code: unknown = Reflect.get(answer, 'code');
      if (typeof code === 'string' || typeof code === 'number') return String(code);
    }
    return null;
  } catch {
    return null;
  }
}
