/** A failed Bot API call, with what Telegram said. */
export class TelegramApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly retryAfterSeconds: number | null,
  ) {
    super(`Telegram ${status}: ${description}`);
  }

  /** The chat is gone for us: bot blocked, kicked, user deactivated, chat not found. Retrying cannot help. */
  get chatUnreachable(): boolean {
    return (
      this.status === 403 ||
      (this.status === 400 &&
        /chat not found|user not found|chat_id is empty|peer_id_invalid|group chat was (upgraded|deleted)/i.test(
          this.description,
        ))
    );
  }
}

/** The few Bot API methods we use, over fetch, at a configurable base URL. */
export class TelegramApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async call<T>(method: string, body: Record<string, unknown>): Promise<T> {
    const res = await fetch(`${this.baseUrl.replace(/\/$/, '')}/bot${this.token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    let json: {
      ok?: boolean;
      result?: T;
      description?: string;
      error_code?: number;
      parameters?: { retry_after?: number };
    } = {};
    try {
      json = (await res.json()) as typeof json;
    } catch {
      // not JSON: a proxy error page; treated as a server error below
    }
    if (res.ok && json.ok) return json.result as T;
    throw new TelegramApiError(
      json.error_code ?? res.status,
      json.description ?? res.statusText,
      json.parameters?.retry_after ?? null,
    );
  }

  sendMessage(chatId: string, html: string): Promise<{ message_id: number }> {
    return this.call('sendMessage', {
      chat_id: chatId,
      text: html,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    });
  }
}
