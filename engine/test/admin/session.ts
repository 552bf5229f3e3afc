import { HttpClient } from '../harness/http-client';

/** Signs a staff member in (demo password unless given) and returns their client. */
export async function signIn(url: string, email: string, password = 'estateflow'): Promise<HttpClient> {
  const client = new HttpClient(url);
  const response = await client.post('/api/auth/login', { email, password });
  if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return client;
}
