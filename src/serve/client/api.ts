// The page's calls to the server's JSON API, and the live region that reads short news to a screen reader.

export async function api<T>(path: string, init?: { method: string; body: unknown }): Promise<T> {
  const res = await fetch(path, init ? { method: init.method, body: JSON.stringify(init.body), headers: { 'Content-Type': 'application/json' } } : undefined);
  const body = (await res.json()) as T & { message?: string };
  if (!res.ok) throw Object.assign(new Error(body.message ?? `lỗi ${res.status}`), { status: res.status });
  return body;
}

export function announce(text: string): void {
  const live = document.getElementById('announce');
  if (live) live.textContent = text;
}
