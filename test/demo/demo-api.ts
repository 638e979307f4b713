/** The demo's admin talking to Svara's public HTTP API, as any integration would. */
export class DemoApi {
  private constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static async signIn(
    baseUrl: string,
    { email, password }: { email: string; password: string },
    timeoutMs = 60_000,
  ): Promise<DemoApi> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
        if (response.ok) {
          const { accessToken } = (await response.json()) as { accessToken: string };
          return new DemoApi(baseUrl, accessToken);
        }
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`Svara did not answer at ${baseUrl} in time`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  /** As another user (agents reply as themselves). */
  as(email: string, password: string): Promise<DemoApi> {
    return DemoApi.signIn(this.baseUrl, { email, password }, 5000);
  }

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The public web form, as a citizen's browser posts it. */
  async submitForm(channelId: string, fields: Record<string, string>): Promise<void> {
    const response = await fetch(`${this.baseUrl}/api/v1/forms/${channelId}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    if (!response.ok) throw new Error(`the web form answered ${response.status}`);
  }
}
